//! Text made small for localStorage: LZW compression packed 15 bits per UTF-16 unit.
//!
//! Browsers count localStorage in UTF-16 code units, so plain JSON costs two bytes per
//! ASCII character. [`pack`] compresses the UTF-8 bytes with LZW (variable code width from
//! 9 to 16 bits, a dictionary of at most 65,536 entries) and writes the bit stream 15 bits
//! per character, offset by [`OFFSET`] so that every character is a printable scalar value
//! below the surrogates (`U+0020`–`U+801F`). The first two characters hold the length of
//! the text in bytes. [`unpack`] reverses it and refuses anything that is not a packed text
//! (a wrong character, a code that does not exist yet, a length that does not match).
//!
//! Pure and synchronous, with no table built in: it costs the first load a few KB of wasm,
//! where a deflate crate would cost tens, and it needs no async browser stream.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Added to every 15-bit value: skips the control characters.
const OFFSET: u32 = 0x20;
/// The dictionary stops growing at this many codes (16-bit codes).
const MAX_CODES: u32 = 1 << 16;
/// Texts longer than this (in bytes) are not packed: the header holds 30 bits.
pub const MAX_LEN: usize = (1 << 30) - 1;

/// Bits written to a string, 15 per character.
struct BitWriter {
    out: String,
    acc: u64,
    bits: u32,
}

impl BitWriter {
    fn put(&mut self, value: u32, width: u32) {
        self.acc = (self.acc << width) | u64::from(value);
        self.bits += width;
        while self.bits >= 15 {
            self.bits -= 15;
            self.push(((self.acc >> self.bits) & 0x7FFF) as u32);
        }
    }

    fn push(&mut self, value: u32) {
        self.out
            .push(char::from_u32(value + OFFSET).expect("15 bits plus the offset is a char"));
    }

    fn finish(mut self) -> String {
        if self.bits > 0 {
            let value = ((self.acc << (15 - self.bits)) & 0x7FFF) as u32;
            self.push(value);
        }
        self.out
    }
}

/// Bits read back from the characters of a packed text.
struct BitReader<'a> {
    chars: std::str::Chars<'a>,
    acc: u64,
    bits: u32,
}

impl BitReader<'_> {
    fn get(&mut self, width: u32) -> Result<u32, String> {
        while self.bits < width {
            let c = self.chars.next().ok_or("the packed text ends too early")?;
            let value = u32::from(c)
                .checked_sub(OFFSET)
                .filter(|v| *v <= 0x7FFF)
                .ok_or_else(|| {
                    format!("the character U+{:04X} is not packed data", u32::from(c))
                })?;
            self.acc = (self.acc << 15) | u64::from(value);
            self.bits += 15;
        }
        self.bits -= width;
        Ok(((self.acc >> self.bits) & ((1 << width) - 1)) as u32)
    }
}

/// The bits a code needs when `emitted` codes came before it: the largest code that can
/// exist then is `255 + emitted` (capped by the dictionary's size).
fn width(emitted: usize) -> u32 {
    let largest = (255 + emitted as u64).min(u64::from(MAX_CODES - 1)) as u32;
    32 - largest.leading_zeros()
}

/// A fast hasher for the compressor's `(code, byte)` keys (the default one is slow in wasm).
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
}

/// `text` compressed and packed into characters; see the module header.
pub fn pack(text: &str) -> String {
    let bytes = text.as_bytes();
    assert!(bytes.len() <= MAX_LEN, "a packed text is under 1 GiB");
    let mut w = BitWriter {
        out: String::with_capacity(bytes.len() / 4 + 4),
        acc: 0,
        bits: 0,
    };
    w.put(bytes.len() as u32 >> 15, 15);
    w.put(bytes.len() as u32 & 0x7FFF, 15);
    let Some((&first, rest)) = bytes.split_first() else {
        return w.finish();
    };
    let mut dict: HashMap<(u32, u8), u32, BuildHasherDefault<PairHasher>> = HashMap::default();
    let mut next = 256;
    let mut emitted = 0;
    let mut current = u32::from(first);
    for &byte in rest {
        if let Some(&code) = dict.get(&(current, byte)) {
            current = code;
            continue;
        }
        w.put(current, width(emitted));
        emitted += 1;
        if next < MAX_CODES {
            dict.insert((current, byte), next);
            next += 1;
        }
        current = u32::from(byte);
    }
    w.put(current, width(emitted));
    w.finish()
}

/// The text [`pack`] was given, or why `packed` is not a packed text.
pub fn unpack(packed: &str) -> Result<String, String> {
    let mut r = BitReader {
        chars: packed.chars(),
        acc: 0,
        bits: 0,
    };
    let len = ((r.get(15)? as usize) << 15) | r.get(15)? as usize;
    let mut out: Vec<u8> = Vec::with_capacity(len.min(packed.len() * 8));
    // Every dictionary entry is a stretch of the output: (start, length).
    let mut dict: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    while out.len() < len {
        let code = r.get(width(dict.len() + usize::from(previous.is_some())))? as usize;
        let start = out.len();
        let entry = if code < 256 {
            out.push(code as u8);
            (start, 1)
        } else if let Some(&(from, n)) = dict.get(code - 256) {
            out.extend_from_within(from..from + n);
            (start, n)
        } else if let (Some((from, n)), true) = (previous, code - 256 == dict.len()) {
            // The code being defined right now: the previous stretch and its first byte.
            for i in 0..=n {
                let b = out[from + i];
                out.push(b);
            }
            (start, n + 1)
        } else {
            return Err(format!("the packed text uses the unknown code {code}"));
        };
        if let Some((from, n)) = previous {
            if dict.len() + 256 < MAX_CODES as usize {
                dict.push((from, n + 1));
            }
        }
        previous = Some(entry);
    }
    if out.len() != len || r.chars.next().is_some() {
        return Err(format!(
            "the packed text holds {} bytes, not the {len} it announces",
            out.len()
        ));
    }
    String::from_utf8(out).map_err(|_| "the unpacked text is not UTF-8".to_string())
}
