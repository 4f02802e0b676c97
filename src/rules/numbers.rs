//! The range and precision of every number in a rules file (issue 11 class 3), checked on the
//! TOML text before any number becomes a decimal, so that nothing is rounded silently on reading:
//! every number lies within ±10^12 and has at most 10 decimal places (a `weight` at most 28, what
//! a decimal holds, so that a weight such as 1/12 can be written as exactly as the engine computes).
//! The same pass holds rule ids to a character set (issue 11 class 7): every `id` and `kind` a
//! scheme defines is ASCII letters, digits, `-`, `_` and `.`, so `А.1` (Cyrillic А) can never
//! stand beside `A.1`. The agencies of `[[case]]` tables are data, checked as agency ids are.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{Error, Location, Result};
use crate::t;

/// The largest magnitude of any number in rules or data.
pub const MAX_MAGNITUDE: f64 = 1e12;
/// Decimal places of a number in rules or data.
pub const MAX_DECIMALS: u32 = 10;
/// Decimal places of a weight, and of a number in data (a measured value copied from a published
/// table may carry 22): what a decimal holds.
pub const MAX_WEIGHT_DECIMALS: u32 = 28;
/// Decimal places of a number in a data file.
pub const MAX_DATA_DECIMALS: u32 = 28;
/// Significant digits a decimal holds exactly.
pub const MAX_DIGITS: usize = 28;

/// Check every number of a rules file's text; all problems are reported together.
pub fn check(text: &str, file: &str) -> Result<()> {
    // Syntax errors are reported by the deserializer, which runs first.
    let Ok(table) = DeTable::parse(text) else { return Ok(()) };
    let mut errors = Vec::new();
    for (key, value) in table.get_ref() {
        if key.get_ref() != "case" {
            walk(key.get_ref(), value, text, file, &mut errors);
        }
    }
    Error::collect(errors)
}

fn walk_table(table: &DeTable<'_>, text: &str, file: &str, errors: &mut Vec<Error>) {
    for (key, value) in table {
        walk(key.get_ref(), value, text, file, errors);
    }
}

fn walk(key: &str, value: &Spanned<DeValue<'_>>, text: &str, file: &str, errors: &mut Vec<Error>) {
    let number = match value.get_ref() {
        DeValue::Table(t) => return walk_table(t, text, file, errors),
        DeValue::Array(a) => {
            for v in a {
                walk(key, v, text, file, errors);
            }
            return;
        }
        DeValue::Integer(i) if i.radix() == 10 => i.as_str(),
        DeValue::Float(f) => f.as_str(),
        DeValue::String(id) if key == "id" || key == "kind" => {
            if let Some(message) = rule_id_problem(id) {
                errors.push(Error::at(at(key, value, text, file), message));
            }
            return;
        }
        _ => return,
    };
    let most = if key == "weight" { MAX_WEIGHT_DECIMALS } else { MAX_DECIMALS };
    if let Some(message) = problem(number, most) {
        errors.push(Error::at(at(key, value, text, file), message));
    }
}

fn at(key: &str, value: &Spanned<DeValue<'_>>, text: &str, file: &str) -> Location {
    let line = crate::util::encoding::line_of(text.as_bytes(), value.span().start);
    Location { file: file.into(), line: Some(line), column: Some(key.to_string()) }
}

/// A rule id's characters: ASCII letters, digits, `-`, `_`, `.`.
pub fn rule_id_problem(id: &str) -> Option<String> {
    let bad = id.chars().find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))?;
    Some(t!("rules-id-character", id = id, character = bad, code = format!("{:04X}", bad as u32)))
}

/// An agency id's characters: those of a rule id, and CJK ideographs (`省政府办公厅`).
pub fn agency_id_problem(id: &str) -> Option<String> {
    let cjk = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2FFFF}');
    let bad = id
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') || cjk(c)))?;
    let code = format!("{:04X}", bad as u32);
    Some(t!("rules-agency-id-character", id = id, character = bad, code = code))
}

/// What is wrong with a number written as `text` (TOML or cell text), if anything.
pub fn problem(text: &str, most_decimals: u32) -> Option<String> {
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    let value: f64 = plain.parse().ok()?;
    if !value.is_finite() {
        // nan and inf have their own message where they are read.
        return None;
    }
    if value.abs() > MAX_MAGNITUDE {
        return Some(t!("rules-number-too-large", text = text));
    }
    let decimals = decimal_places(&plain);
    if decimals > i64::from(most_decimals) {
        return Some(t!(
            "rules-number-decimals",
            text = text,
            decimals = decimals,
            most = most_decimals
        ));
    }
    let (mantissa, _) = plain.split_once(['e', 'E']).unwrap_or((&plain, ""));
    let digits = mantissa.trim_start_matches(['-', '+']).replace('.', "");
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    if significant > MAX_DIGITS {
        return Some(t!(
            "rules-number-digits",
            text = text,
            digits = significant,
            most = MAX_DIGITS
        ));
    }
    None
}

/// Decimal places a number's text spells: fraction digits less the exponent (`1.25e1` has 1),
/// trailing zeros of the fraction not counted.
fn decimal_places(plain: &str) -> i64 {
    let (mantissa, exponent) = plain.split_once(['e', 'E']).unwrap_or((plain, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let fraction = mantissa.split_once('.').map_or("", |(_, f)| f).trim_end_matches('0');
    (fraction.len() as i64 - exponent).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_places_count_the_exponent() {
        assert_eq!(decimal_places("1.25e1"), 1);
        assert_eq!(decimal_places("1.5"), 1);
        assert_eq!(decimal_places("1.50000"), 1);
        assert_eq!(decimal_places("15e-3"), 3);
        assert_eq!(decimal_places("100"), 0);
        assert_eq!(decimal_places("99.999999999999999999999999999999"), 30);
    }

    #[test]
    fn range_and_precision() {
        assert_eq!(problem("1000000000000", 10), None);
        // In whichever language the process speaks (tests run in parallel: none sets it).
        let large = |text: &str| Some(t!("rules-number-too-large", text = text));
        assert_eq!(problem("1000000000001", 10), large("1000000000001"));
        assert_eq!(problem("-7.9e28", 10), large("-7.9e28"));
        assert_eq!(problem("0.0000000001", 10), None);
        let eleven =
            t!("rules-number-decimals", text = "0.00000000001", decimals = 11i64, most = 10u32);
        assert_eq!(problem("0.00000000001", 10), Some(eleven));
        assert_eq!(problem("1.22872765251582e-08", 28), None);
        let long = "123456789012.1234567890123456789";
        let digits = t!("rules-number-digits", text = long, digits = 31usize, most = MAX_DIGITS);
        assert_eq!(problem(long, 28), Some(digits));
    }
}
