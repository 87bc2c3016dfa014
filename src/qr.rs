//! QR codes drawn as SVG, offline: the `qrcode` crate finds the modules, this module turns
//! them into one SVG path (a rectangle per run of dark modules in a row) inside a quiet
//! zone of four modules, which is what scanners need around a code.
//!
//! Pure: no browser API. Only the card page uses it, so the encoder stays out of the
//! agenda's first load once routes are split.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code.
pub const QUIET_ZONE: usize = 4;

/// A QR code ready for `<svg viewBox="0 0 {size} {size}"><path d="{path}"/></svg>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// The dark modules, as `M x y h n v 1 h -n z` rectangles.
    pub path: String,
}

/// The code for `text` at error correction level M (15% of it can be unreadable), or a
/// sentence saying the text is too long for a QR code.
pub fn qr_svg(text: &str) -> Result<QrSvg, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| {
        format!(
            "This is too long for a QR code ({} characters). Shorten your links in Settings.",
            text.chars().count()
        )
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok(QrSvg {
        size: width + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paints the path's rectangles at `scale` pixels a module, as a browser would.
    fn raster(svg: &QrSvg, scale: usize) -> (usize, Vec<u8>) {
        let side = svg.size * scale;
        let mut pixels = vec![255u8; side * side];
        for rect in svg.path.split('z').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, run) = (numbers[0], numbers[1], numbers[2]);
            for py in y * scale..(y + 1) * scale {
                for px in x * scale..(x + run) * scale {
                    pixels[py * side + px] = 0;
                }
            }
        }
        (side, pixels)
    }

    fn decode(svg: &QrSvg) -> String {
        let (side, pixels) = raster(svg, 4);
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn codes_decode_back_to_the_exact_text() {
        let check = |text: &str| {
            let svg = qr_svg(text).unwrap();
            assert_eq!(decode(&svg), text);
        };
        check("https://www.linkedin.com/in/alex-kim/");
        check("https://www.linkedin.com/in/jos%C3%A9-ortega/");
        check(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kim;Alex;;;\r\nFN:Alex Kim\r\nORG:State University\r\n\
             EMAIL;TYPE=INTERNET:alex@uni.edu\r\nX-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/alex-kim/\r\n\
             URL:https://www.linkedin.com/in/alex-kim/\r\nURL;TYPE=resume:https://alex.dev/cv.pdf\r\nEND:VCARD\r\n",
        );
        check("Zoë Núñez");
    }

    #[test]
    fn the_quiet_zone_surrounds_the_code() {
        let svg = qr_svg("https://www.linkedin.com/in/alex-kim/").unwrap();
        assert_eq!(
            svg.size,
            29 + 2 * QUIET_ZONE,
            "version 3 is 29 modules wide"
        );
        assert!(svg.path.starts_with("M4 4h7v1h-7z"), "the top-left finder");
    }

    #[test]
    fn text_too_long_for_a_code_is_refused_with_a_sentence() {
        let long = "x".repeat(3000);
        let error = qr_svg(&long).unwrap_err();
        assert!(error.contains("3000 characters"), "{error}");
    }
}
