//! The scoring rules format: a TOML file (documented key by key in docs/rules.md) is parsed into
//! [`raw`] structs that reject unknown keys, then validated into a [`Scheme`]. Nothing downstream
//! ever sees an unvalidated rule.

pub mod case;
pub(crate) mod numbers;
pub(crate) mod raw;
pub(crate) mod scheme;
pub(crate) mod validate;

use std::path::Path;

pub use case::{Case, TaskStatus};
pub use scheme::*;

use crate::error::{Error, Location, Result};
use crate::t;

/// Largest rules file read (a province's scheme is tens of kilobytes).
pub const MAX_RULES_BYTES: u64 = 16 << 20;

/// Read and validate a rules file. `display` is the name used in messages.
pub fn load(path: &Path, display: &str) -> Result<Scheme> {
    parse(&read(path, display)?, display)
}

/// A rules file's bytes, refusing files over [`MAX_RULES_BYTES`].
pub fn read(path: &Path, display: &str) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_RULES_BYTES {
        return Err(Error::at(
            Location::file(display),
            t!("rules-file-too-large", size = size, most = MAX_RULES_BYTES),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Parse and validate rules from bytes (UTF-8, with or without BOM).
pub fn parse(bytes: &[u8], file: &str) -> Result<Scheme> {
    let sha256 = crate::util::hash::sha256_hex(bytes);
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::at(
            Location::line(file, crate::util::encoding::line_of(body, e.valid_up_to())),
            t!("rules-file-not-utf8"),
        )
    })?;
    if text.trim().is_empty() {
        return Err(Error::at(Location::line(file, 1), t!("rules-file-empty")));
    }
    let raw: raw::RawScheme = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
    numbers::check(text, file)?;
    validate::validate(raw, validate::Source { file, text }, sha256)
}

/// A TOML syntax or shape error, with its line and the key serde names (unknown keys included).
fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> Error {
    let line = e.span().map(|s| crate::util::encoding::line_of(text.as_bytes(), s.start));
    // The key on the error's line (`points = nan`), so the message names it.
    let key = e.span().and_then(|s| {
        let start = text[..s.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let (key, _) = text[start..].lines().next()?.split_once('=')?;
        let key = key.trim();
        let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '"');
        (!key.is_empty() && key.chars().all(bare)).then(|| key.to_string())
    });
    let raw = e.message().trim();
    let message = if raw.contains("floating point `NaN`")
        || raw.contains("floating point `inf`")
        || raw.contains("floating point `-inf`")
    {
        t!("rules-not-finite")
    } else if raw == "duplicate key" {
        t!("rules-duplicate-key")
    } else if raw.contains("max recursion depth") {
        t!("rules-too-deep", reason = raw)
    } else {
        unknown_name(raw).unwrap_or_else(|| raw.to_string())
    };
    Error::at(Location { file: file.into(), line, column: key }, message)
}

/// serde's "unknown field `x`, expected one of `a`, `b`, …" (or "unknown variant"), in the
/// current language and with the closest expected name as a "did you mean".
fn unknown_name(raw: &str) -> Option<String> {
    let (field, rest) = match raw.strip_prefix("unknown field `") {
        Some(rest) => (true, rest),
        None => (false, raw.strip_prefix("unknown variant `")?),
    };
    let (name, rest) = rest.split_once('`')?;
    let (_, list) = rest.split_once("expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let expected: Vec<&str> = list
        .split(", ")
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty())
        .collect();
    let hint = crate::util::suggest::closest(name, &expected)
        .map(|c| crate::t!("rules-did-you-mean", name = c))
        .unwrap_or_default();
    let listed = expected.iter().map(|e| format!("`{e}`")).collect::<Vec<_>>().join(", ");
    Some(if field {
        crate::t!("rules-unknown-key", key = name, hint = hint, expected = listed)
    } else {
        crate::t!("rules-unknown-value", value = name, hint = hint, expected = listed)
    })
}

#[cfg(test)]
mod tests {
    use crate::t;
    use rust_decimal_macros::dec;

    #[test]
    fn nan_inf_and_duplicate_keys_name_the_key_and_line() {
        let head = "[scheme]\nid = \"t\"\ntitle = \"t\"\nbasis = \"b\"\n";
        for (value, line) in [("nan", 5), ("inf", 5), ("-inf", 5), ("+nan", 5)] {
            let text = format!("{head}total = {value}\n");
            let err = super::parse(text.as_bytes(), "r.toml").unwrap_err().to_string();
            assert_eq!(
                err,
                format!("r.toml:{line}: `total`: {}", t!("rules-not-finite")),
                "{value}"
            );
        }
        let err = super::parse(format!("{head}id = \"u\"\n").as_bytes(), "r.toml")
            .unwrap_err()
            .to_string();
        assert_eq!(err, format!("r.toml:5: `id`: {}", t!("rules-duplicate-key")));
        // An error on a table header names no key (not one from a later line).
        let err = super::parse(format!("{head}[[group]]\nid = \"g\"\n").as_bytes(), "r.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("r.toml:") && !err.contains("`id`:"), "{err}");
    }

    #[test]
    fn an_unknown_key_or_value_suggests_the_closest() {
        // In whichever language the process speaks (tests run in parallel: none sets it).
        let hint = |name: &str| crate::t!("rules-did-you-mean", name = name);
        let key =
            super::unknown_name("unknown field `bassis`, expected one of `id`, `basis`, `max`");
        let key = key.unwrap();
        assert!(key.contains("`bassis`") && key.contains(&hint("basis")), "{key}");
        let value = super::unknown_name("unknown variant `sun`, expected `sum` or `mean`").unwrap();
        assert!(value.contains(&hint("sum")) && value.contains("`mean`"), "{value}");
        let far = super::unknown_name("unknown field `zzzzzz`, expected `id` or `basis`").unwrap();
        assert!(!far.contains(&hint("id")) && !far.contains(&hint("basis")), "{far}");
        assert_eq!(super::unknown_name("duplicate key"), None);
    }

    /// The smallest valid scheme: one group, one deduction item (22 lines with the first, empty).
    pub(super) const TINY: &str = r#"
[scheme]
id = "t"
title = "t"
basis = "b"
total = 0.3
[[group]]
id = "g"
name = "g"
  [[group.grade]]
  name = "p"
  min = 0
[[indicator]]
id = "A"
name = "A"
max = 0.3
basis = "b"
  [[indicator.deduct]]
  kind = "k"
  name = "k"
  points = 0.1
  cap = 0.2
"#;

    /// TOML floats reach the scheme as the decimals they spell (0.1 is 0.1, not the nearest
    /// binary float): points are exact from the file on.
    #[test]
    fn toml_floats_are_read_as_exact_decimals() {
        let s = super::parse(TINY.as_bytes(), "t.toml").unwrap();
        assert_eq!(s.total, dec!(0.3));
        match s.nodes[0].method() {
            Some(super::Method::Deduct(k)) => {
                assert_eq!(k[0].points, dec!(0.1));
                assert_eq!(k[0].cap, Some(dec!(0.2)));
            }
            _ => panic!("deduct"),
        }
    }
}
