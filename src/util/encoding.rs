//! Text encodings of input files, as Chinese offices produce them.
//!
//! Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; otherwise the bytes are UTF-8 if
//! they are valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312, which is what Chinese
//! Excel writes as "CSV"). A file that is none of these is an error naming the first bad byte's
//! line. `--encoding` overrides detection.

use std::borrow::Cow;
use std::str::FromStr;

use crate::error::{Error, Location, Result};

/// A text encoding kaohe reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    /// GB18030, which also decodes GBK and GB2312.
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
    /// The encoding's byte-order mark (empty for GB18030, which has none in practice).
    pub fn bom(self) -> &'static [u8] {
        match self {
            TextEncoding::Utf8 => &[0xEF, 0xBB, 0xBF],
            TextEncoding::Utf16Le => &[0xFF, 0xFE],
            TextEncoding::Utf16Be => &[0xFE, 0xFF],
            TextEncoding::Gb18030 => &[],
        }
    }
    fn encoding_rs(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Gb18030 => encoding_rs::GB18030,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

impl FromStr for TextEncoding {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(TextEncoding::Utf8),
            "gb18030" | "gbk" | "gb2312" | "cp936" => Ok(TextEncoding::Gb18030),
            "utf-16le" | "utf16le" => Ok(TextEncoding::Utf16Le),
            "utf-16be" | "utf16be" => Ok(TextEncoding::Utf16Be),
            other => Err(format!(
                "unknown encoding `{other}`: expected utf-8, gbk, gb18030, gb2312, utf-16le or utf-16be"
            )),
        }
    }
}

/// Decode a whole file's bytes to text, detecting the encoding unless `forced`.
///
/// Returns the text without any byte-order mark, and the encoding used.
pub fn decode(
    bytes: &[u8],
    file: &str,
    forced: Option<TextEncoding>,
) -> Result<(String, TextEncoding)> {
    decode_borrowed(bytes, file, forced).map(|(text, encoding)| (text.into_owned(), encoding))
}

/// [`decode`], borrowing the text from `bytes` when they are UTF-8 (no copy of a large file).
pub fn decode_borrowed<'a>(
    bytes: &'a [u8],
    file: &str,
    forced: Option<TextEncoding>,
) -> Result<(Cow<'a, str>, TextEncoding)> {
    let (encoding, body) = match forced {
        Some(enc) => (enc, strip_bom(bytes, enc)),
        None => detect(bytes),
    };
    if encoding == TextEncoding::Utf8 {
        if let Ok(s) = simdutf8::basic::from_utf8(body) {
            return Ok((Cow::Borrowed(s), encoding));
        }
        return match std::str::from_utf8(body) {
            Ok(s) => Ok((Cow::Borrowed(s), encoding)),
            Err(e) if forced.is_some() => Err(Error::at(
                Location::line(file, line_of(body, e.valid_up_to())),
                crate::t!("util-not-utf8-declared", byte = hex(body[e.valid_up_to()])),
            )),
            Err(_) => unreachable_utf8(body, file).map(|(s, e)| (Cow::Owned(s), e)),
        };
    }
    if forced.is_none() && encoding == TextEncoding::Gb18030 {
        mixed_encodings(body, file)?;
    }
    let (text, had_errors) = encoding.encoding_rs().decode_without_bom_handling(body);
    if had_errors {
        let bad = first_undecodable(body, encoding);
        let byte = hex(body.get(bad).copied().unwrap_or(0));
        let message = match forced {
            Some(_) => crate::t!(
                "util-undecodable-declared",
                byte = byte,
                offset = bad,
                encoding = encoding.name()
            ),
            None => crate::t!("util-undecodable", byte = byte, offset = bad),
        };
        return Err(Error::at(Location::line(file, line_of(body, bad)), message));
    }
    Ok((Cow::Owned(text.into_owned()), encoding))
}

// Detection picked UTF-8 only for valid UTF-8 or a UTF-8 BOM; a BOM followed by invalid bytes is
// the one way to get here ("a GBK file claiming UTF-8 with a BOM").
fn unreachable_utf8(body: &[u8], file: &str) -> Result<(String, TextEncoding)> {
    let e = std::str::from_utf8(body).expect_err("only called on invalid UTF-8");
    Err(Error::at(
        Location::line(file, line_of(body, e.valid_up_to())),
        crate::t!(
            "util-bom-not-utf8",
            byte = hex(body[e.valid_up_to()]),
            offset = e.valid_up_to() + 3
        ),
    ))
}

/// A file that is not UTF-8 throughout but begins with UTF-8 Chinese text (at least three CJK
/// ideographs before the first byte that is not UTF-8) mixes encodings: lines pasted from a UTF-8
/// file into a GBK one, or the reverse. Decoding it all as GB18030 would silently turn the UTF-8
/// lines into other characters, so it is an error naming both lines. GBK bytes can read as UTF-8
/// by chance (`太原` in GBK is valid UTF-8, as two combining marks), but as three-byte UTF-8
/// ideographs three times over before the first invalid byte, practically never. `--encoding`
/// still reads such a file as stated.
fn mixed_encodings(body: &[u8], file: &str) -> Result<()> {
    let Err(e) = std::str::from_utf8(body) else { return Ok(()) };
    let prefix = std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or("");
    let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if prefix.chars().filter(|&c| ideograph(c)).count() < 3 {
        return Ok(());
    }
    let first_utf8 = prefix.find(ideograph).unwrap_or(0);
    Err(Error::at(
        Location::line(file, line_of(body, e.valid_up_to())),
        crate::t!(
            "util-mixed-encodings",
            byte = hex(body[e.valid_up_to()]),
            line = line_of(body, first_utf8)
        ),
    ))
}

/// A byte as messages show it: `0xB4`.
fn hex(b: u8) -> String {
    format!("0x{b:02X}")
}

fn detect(bytes: &[u8]) -> (TextEncoding, &[u8]) {
    if let Some((enc, len)) = bom(bytes) {
        return (enc, &bytes[len..]);
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        (TextEncoding::Utf8, bytes)
    } else {
        (TextEncoding::Gb18030, bytes)
    }
}

/// The byte-order mark `bytes` start with, if any: its encoding and its length in bytes.
pub fn bom(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    [TextEncoding::Utf8, TextEncoding::Utf16Le, TextEncoding::Utf16Be]
        .into_iter()
        .map(|enc| (enc, enc.bom()))
        .find(|(_, mark)| bytes.starts_with(mark))
        .map(|(enc, mark)| (enc, mark.len()))
}

/// Length of `enc`'s byte-order mark at the start of `bytes` (0 when there is none).
pub fn bom_len(bytes: &[u8], enc: TextEncoding) -> usize {
    if bytes.starts_with(enc.bom()) { enc.bom().len() } else { 0 }
}

fn strip_bom(bytes: &[u8], enc: TextEncoding) -> &[u8] {
    &bytes[bom_len(bytes, enc)..]
}

/// Offset of the first byte the decoder cannot decode.
fn first_undecodable(body: &[u8], enc: TextEncoding) -> usize {
    let mut decoder = enc.encoding_rs().new_decoder_without_bom_handling();
    let mut out = String::with_capacity(body.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(len as usize),
        _ => read,
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(bytes: &[u8], offset: usize) -> u64 {
    1 + bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_gbk() {
        let (s, e) = decode(b"\xEF\xBB\xBFid,name\n", "f", None).unwrap();
        assert_eq!((s.as_str(), e), ("id,name\n", TextEncoding::Utf8));
        // "太原市" in GBK: CC AB D4 AD CA D0
        let (s, e) = decode(b"id\n\xCC\xAB\xD4\xAD\xCA\xD0\n", "f", None).unwrap();
        assert_eq!((s.as_str(), e), ("id\n太原市\n", TextEncoding::Gb18030));
        let (s, _) = decode("太原市".as_bytes(), "f", None).unwrap();
        assert_eq!(s, "太原市");
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(bom(b"\xEF\xBB\xBFid"), Some((TextEncoding::Utf8, 3)));
        assert_eq!(bom(b"\xFF\xFEi\0"), Some((TextEncoding::Utf16Le, 2)));
        assert_eq!(bom(b"\xFE\xFF\0i"), Some((TextEncoding::Utf16Be, 2)));
        assert_eq!(bom(b"id"), None);
        assert_eq!(bom_len(b"\xEF\xBB\xBFid", TextEncoding::Utf16Le), 0);
        assert_eq!(bom_len(b"\xEF\xBB\xBFid", TextEncoding::Utf8), 3);
    }

    #[test]
    fn utf8_lines_then_gbk_lines_are_an_error_naming_both() {
        let mut bytes = "id,name\n1,太原市\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"2,\xB4\xF3\xCD\xAC\xCA\xD0\n"); // 大同市 in GBK
        let err = decode(&bytes, "m.csv", None).unwrap_err().to_string();
        // In either language: another unit test may have switched the process's language.
        assert!(
            err.starts_with("m.csv:3: 字节 0xB4 不是 UTF-8，但第 2 行是 UTF-8 文字")
                || err.starts_with("m.csv:3: byte 0xB4 is not UTF-8 but line 2 is UTF-8 text"),
            "{err}"
        );
    }

    #[test]
    fn gbk_with_utf8_bom_is_an_error_with_line() {
        let err = decode(b"\xEF\xBB\xBFid\nx\n\xCC\xAB\xD4\xAD\xCA\xD0\n", "a.csv", None)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.csv:3:"), "{err}");
        assert!(err.contains("字节顺序标记（BOM）") || err.contains("byte-order mark"), "{err}");
    }

    #[test]
    fn undecodable_bytes_are_an_error() {
        // 0xFF is invalid as a GB18030 lead byte and as UTF-8.
        let err = decode(b"id\n\n\xFF\xFF\n", "b.csv", None).unwrap_err().to_string();
        assert!(err.starts_with("b.csv:3:"), "{err}");
        assert!(
            err.contains("既不是有效的 UTF-8，也不是 GB18030")
                || err.contains("neither valid UTF-8 nor GB18030"),
            "{err}"
        );
    }
}
