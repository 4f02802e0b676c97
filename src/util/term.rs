//! Text printed to a terminal: names and notes come from input files, and an escape sequence in
//! one (`\x1b]0;…`, `\x1b[2J`) would retitle, clear or rewrite the screen of whoever runs kaohe.
//! Everything the CLI prints about inputs goes through [`clean`].

use std::borrow::Cow;

/// `s` without control characters (C0, DEL, C1 and the bidirectional overrides that reorder what
/// is shown), keeping line breaks and tabs. An escape sequence loses its ESC and is shown as text.
pub fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if s.contains(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn strips_escapes_and_keeps_text() {
        assert_eq!(clean("市\x1b[2J局\x07\r\n"), "市[2J局\n");
        assert_eq!(clean("a\u{9b}31mb\u{202E}c\td\u{7f}"), "a31mbc\td");
        assert_eq!(clean("普通文本 plain"), "普通文本 plain");
    }
}
