//! Sizes as people read them: "840 bytes", "12 KB", "1.4 MB" (decimal units, as phones
//! and the resume's 2 MB limit count them).

/// A byte count as people read it.
pub fn size(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{} KB", (bytes + 500) / 1_000),
        // In tenths, without floats: float formatting would add kilobytes to the first
        // load, where the composer shows the resume's size.
        _ => {
            let tenths = (bytes + 50_000) / 100_000;
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_people_say_them() {
        for (bytes, expected) in [
            (0, "0 bytes"),
            (999, "999 bytes"),
            (1_000, "1 KB"),
            (412_499, "412 KB"),
            (412_500, "413 KB"),
            (999_999, "1000 KB"),
            (1_000_000, "1.0 MB"),
            (1_949_999, "1.9 MB"),
            (1_950_000, "2.0 MB"),
            (2_000_000, "2.0 MB"),
        ] {
            assert_eq!(size(bytes), expected, "{bytes}");
        }
    }
}
