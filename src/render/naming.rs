//! File names made from what users typed: ASCII, no separators, bounded length, never the same twice.

use std::collections::BTreeSet;

/// Longest slug part of a name; with the id and extension a name stays far below the 255-byte limit
/// of common file systems and readable in a file listing.
const MAX_PART: usize = 60;

/// `Regional processgrupp för psykisk hälsa` → `regional-processgrupp-for-psykisk-halsa`. Anything
/// that is not a letter or digit (`../`, `/`, `:`, emoji) becomes a dash or disappears.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut s = slug::slugify(text);
    if s.len() > MAX_PART {
        // ASCII only, so any byte index is a char boundary.
        s.truncate(MAX_PART);
        // End on a whole word when one ends reasonably late; a 200-letter word is simply cut.
        if let Some(dash) = s.rfind('-').filter(|&d| d > MAX_PART / 2) {
            s.truncate(dash);
        }
        while s.ends_with('-') {
            s.pop();
        }
    }
    if s.is_empty() {
        fallback.to_string()
    } else if is_reserved_on_windows(&s) {
        // `CON.xlsx` is the console on Windows, whatever the extension: not a file anyone can open.
        format!("{s}-{fallback}")
    } else {
        s
    }
}

/// Device names Windows refuses as file names (with any extension).
fn is_reserved_on_windows(stem: &str) -> bool {
    match stem {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let b = stem.as_bytes();
            b.len() == 4
                && (stem.starts_with("com") || stem.starts_with("lpt"))
                && (b'1'..=b'9').contains(&b[3])
        }
    }
}

/// Hands out file names, adding `-2`, `-3` … when two documents would otherwise share one.
#[derive(Default)]
pub struct UniqueNames {
    taken: BTreeSet<String>,
}

impl UniqueNames {
    pub fn take(&mut self, stem: &str, extension: &str) -> String {
        let mut name = format!("{stem}.{extension}");
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{stem}-{n}.{extension}");
            n += 1;
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_gives_safe_names() {
        for text in [
            "../../etc/passwd",
            "a/b\\c",
            "C:\\temp:x",
            "🎉🎉",
            "..",
            "",
            "   ",
            "\0nul",
        ] {
            let s = slug(text, "uppdrag");
            assert!(!s.is_empty());
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
            assert!(!s.starts_with('.'));
        }
        assert_eq!(
            slug("Processgrupp för hälsa", "x"),
            "processgrupp-for-halsa"
        );
        assert!(slug(&"å".repeat(200), "x").len() <= MAX_PART);
        assert_eq!(slug("CON", "mottagare"), "con-mottagare");
        assert_eq!(slug("Lpt1", "mottagare"), "lpt1-mottagare");
        assert_eq!(slug("Com kommun", "mottagare"), "com-kommun");
    }

    #[test]
    fn duplicates_get_numbers() {
        let mut names = UniqueNames::default();
        assert_eq!(names.take("a", "pdf"), "a.pdf");
        assert_eq!(names.take("a", "pdf"), "a-2.pdf");
        assert_eq!(names.take("a", "pdf"), "a-3.pdf");
    }
}
