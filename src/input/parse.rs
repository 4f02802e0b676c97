//! Parsing cell text into numbers, counts, dates and flags, accepting what Chinese offices type:
//! full-width digits (２０２２), dates as 2022-04-26, 2022/4/26, 2022.4.26, 2022年4月26日, 20220426
//! or an Excel serial number. Each parser returns a message saying what was expected; the caller
//! adds the location.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the ideographic space to a space.
pub fn normalize_width(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                '。' => '.',
                c => c,
            })
            .collect(),
    )
}

/// Why a cell is not a decimal number.
enum NotDecimal {
    Empty,
    /// Out of range or too precise (the message says which).
    Problem(String),
    /// `1,234` (or full-width `１，２３４`) may be a thousands separator or a decimal comma.
    Comma,
    Other,
}

fn decimal_or(s: &str) -> Result<Decimal, NotDecimal> {
    let n = normalize_width(s.trim());
    let t = n.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err(NotDecimal::Empty);
    }
    if let Some(problem) =
        crate::rules::numbers::problem(t, crate::rules::numbers::MAX_DATA_DECIMALS)
    {
        return Err(NotDecimal::Problem(problem));
    }
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        t.parse::<Decimal>().ok()
    };
    // A comma: refuse to guess between a thousands separator and a decimal comma.
    parsed.ok_or(if t.contains(',') { NotDecimal::Comma } else { NotDecimal::Other })
}

/// A decimal number (`12`, `-0.5`, `1.5e2`, `８５．５`, `85%` as 85).
pub fn decimal(s: &str) -> Result<Decimal, String> {
    decimal_or(s).map_err(|e| match e {
        NotDecimal::Empty => crate::t!("input-number-empty"),
        NotDecimal::Problem(p) => p,
        NotDecimal::Comma => crate::t!("input-number-comma", value = s),
        NotDecimal::Other => crate::t!("input-not-a-number", value = s),
    })
}

/// The number Excel's scientific notation spells, when a cell looks like one (`1.40100E+05` is
/// what Excel shows, and writes to CSV, for a long id typed into a cell formatted as a number).
pub fn excel_scientific(s: &str) -> Option<Decimal> {
    let t = s.trim();
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    let exp = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    if !(digits(int) && digits(frac) && digits(exp)) {
        return None;
    }
    Decimal::from_scientific(t).ok().map(|d| d.normalize())
}

/// The largest count a row may give (findings, awards, responses).
pub const MAX_COUNT: u32 = 1_000_000;

/// A non-negative whole count; blank means `default`.
pub fn count(s: &str, default: u32) -> Result<u32, String> {
    // Plain digits (what nearly every row holds) need no decimal parse.
    if (1..=7).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = s.parse::<u32>()
        && n <= MAX_COUNT
    {
        return Ok(n);
    }
    if s.trim().is_empty() {
        return Ok(default);
    }
    let d = decimal_or(s).map_err(|e| match e {
        NotDecimal::Comma => crate::t!("input-count-comma", value = s),
        _ => crate::t!("input-not-a-count", value = s),
    })?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(crate::t!("input-count-negative", value = s));
    }
    if d.fract() != Decimal::ZERO {
        return Err(crate::t!("input-count-not-whole", value = s));
    }
    u32::try_from(d.trunc().mantissa() / 10i128.pow(d.scale()))
        .ok()
        .filter(|&n| n <= MAX_COUNT)
        .ok_or_else(|| crate::t!("input-count-too-large", value = s, max = MAX_COUNT.to_string()))
}

/// A calendar date in any of the accepted spellings.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    let n = normalize_width(s.trim());
    let t = n.trim();
    let invalid = || crate::t!("input-invalid-date", value = s);
    let not_a_date = || crate::t!("input-not-a-date", value = s);
    if t.is_empty() {
        return Err(crate::t!("input-date-empty"));
    }
    if let Some(d) = iso_date(t) {
        return Ok(d);
    }
    // Drop a time part (`2022-11-30 00:00:00`, `2022/11/30 9:05`).
    let day = t.split([' ', 'T']).next().unwrap_or(t);
    if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(day, "%Y%m%d").map_err(|_| invalid());
    }
    if !day.is_empty() && day.len() <= 6 && day.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // An Excel serial day number (1900 date system, with Excel's fictitious 1900-02-29).
        let serial: f64 = day.parse().map_err(|_| not_a_date())?;
        if (1.0..=2_958_465.0).contains(&serial) {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
            return base
                .checked_add_days(chrono::Days::new(serial.trunc() as u64))
                .ok_or_else(not_a_date);
        }
    }
    let unified: String = day
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            c => c,
        })
        .filter(|&c| c != '日' && c != '号')
        .collect();
    let parts: Vec<&str> = unified.split('-').collect();
    if parts.len() == 3
        && let (Ok(y), Ok(m), Ok(d)) =
            (parts[0].parse::<i32>(), parts[1].parse::<u32>(), parts[2].parse::<u32>())
        && y >= 1900
    {
        return NaiveDate::from_ymd_opt(y, m, d).ok_or_else(invalid);
    }
    Err(not_a_date())
}

/// A valid date written `YYYY-MM-DD` from 1900 on (what nearly every row holds), read without
/// the general spellings' work; anything else is `None`.
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if y < 1900 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// true/false, yes/no, 1/0, 是/否.
pub fn flag(s: &str) -> Result<bool, String> {
    match normalize_width(s.trim()).to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "是" => Ok(true),
        "false" | "no" | "n" | "0" | "否" | "" => Ok(false),
        _ => Err(crate::t!("input-not-a-flag", value = s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_spelling() {
        for s in [
            "2022-04-26",
            "2022/4/26",
            "2022.4.26",
            "2022年4月26日",
            "20220426",
            "２０２２年４月２６日",
            "2022-04-26 00:00:00",
            "44677",
        ] {
            assert_eq!(date(s).unwrap(), d(2022, 4, 26), "{s}");
        }
        assert!(date("2022-02-30").is_err());
        assert!(date("1899-12-31").is_err(), "years before 1900 are refused");
        assert!(date("2022-13-01").is_err());
        assert!(date("next week").is_err());
    }

    #[test]
    fn numbers_and_counts() {
        assert_eq!(decimal("８５．５").unwrap().to_string(), "85.5");
        assert_eq!(decimal("1.5e2").unwrap(), Decimal::from(150));
        assert_eq!(count("3", 1), Ok(3));
        assert_eq!(count("", 1), Ok(1));
        assert_eq!((count("007", 1), count("1000000", 1)), (Ok(7), Ok(1_000_000)));
        assert!(count("1000001", 1).is_err());
        assert!(count("-1", 1).unwrap_err().contains("-1"));
        assert!(count("two", 1).is_err());
        assert!(count("1.5", 1).is_err());
        let comma = |e: String| e.contains("逗号") || e.contains("has a comma");
        assert!(comma(decimal("１，２３４").unwrap_err()), "no guessing");
        assert!(comma(count("1,234", 1).unwrap_err()));
    }

    #[test]
    fn excel_scientific_ids() {
        assert_eq!(excel_scientific("1.40100E+05"), Some(Decimal::from(140100)));
        assert_eq!(
            excel_scientific("1.4E+17").map(|d| d.to_string()).as_deref(),
            Some("140000000000000000")
        );
        assert_eq!(excel_scientific("140100"), None);
        assert_eq!(excel_scientific("dept-fgw"), None);
        assert_eq!(excel_scientific("e5"), None);
    }
}
