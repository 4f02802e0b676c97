//! The range and precision of every number in a rules file (issue 11 class 3), checked on the
//! TOML text before any number becomes a decimal, so that nothing is rounded silently on reading:
//! every number lies within ±10^12 and has at most 10 decimal places (a `weight` at most 28, what
//! a decimal holds, so that a weight such as 1/12 can be written as exactly as the engine computes).

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{Error, Location, Result};

/// The largest magnitude of any number in rules or data.
pub const MAX_MAGNITUDE: f64 = 1e12;
/// Decimal places of a number in rules or data.
pub const MAX_DECIMALS: u32 = 10;
/// Decimal places of a weight.
pub const MAX_WEIGHT_DECIMALS: u32 = 28;

/// Check every number of a rules file's text; all problems are reported together.
pub fn check(text: &str, file: &str) -> Result<()> {
    // Syntax errors are reported by the deserializer, which runs first.
    let Ok(table) = DeTable::parse(text) else { return Ok(()) };
    let mut errors = Vec::new();
    walk_table(table.get_ref(), text, file, &mut errors);
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
        _ => return,
    };
    let most = if key == "weight" { MAX_WEIGHT_DECIMALS } else { MAX_DECIMALS };
    if let Some(message) = problem(number, most) {
        let line = crate::util::encoding::line_of(text.as_bytes(), value.span().start);
        let location =
            Location { file: file.to_string(), line: Some(line), column: Some(key.to_string()) };
        errors.push(Error::at(location, message));
    }
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
        return Some(format!(
            "`{text}` is too large: expected a number between -1000000000000 and 1000000000000 \
             (±10^12)"
        ));
    }
    let decimals = decimal_places(&plain);
    if decimals > i64::from(most_decimals) {
        return Some(format!(
            "`{text}` has {decimals} decimal places: expected at most {most_decimals} (a number \
             is never rounded on reading)"
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
        assert!(problem("1000000000001", 10).unwrap().contains("too large"));
        assert!(problem("-7.9e28", 10).unwrap().contains("too large"));
        assert_eq!(problem("0.0000000001", 10), None);
        assert!(problem("0.00000000001", 10).unwrap().contains("11 decimal places"));
    }
}
