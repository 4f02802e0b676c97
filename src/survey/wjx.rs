//! The quirks of 问卷星 (wjx.cn) exports, in one place: how a cell says "skipped", how long a
//! response took (`136秒`), where it came from (`1.2.3.4(上海-上海)`), when it was submitted, and
//! how question headers are written (`13、…(矩阵单选题 *必答)—外观`, `第6题(运动)`).
//!
//! Everything here is a pure function of a cell or header text, so each quirk has its own test.

/// Cells that mean "no answer": empty, `(跳过)` (skipped by logic, by-text export), `-3`
/// (skipped, by-number), `-2` (not ranked, by-number) and `NULL` (metadata wjx did not record).
pub fn is_blank(cell: &str) -> bool {
    is_blank_trimmed(cell.trim())
}

/// The column of a response's id in a 问卷星 export.
pub const RESPONSE_ID: &str = "序号";

/// `str::trim`, with a fast path for the usual cell that starts and ends with a character that is
/// plainly not whitespace (Unicode whitespace outside ASCII starts with byte C2, E1, E2 or E3).
#[inline]
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (None, _) | (_, None) => s,
        (Some(&f), Some(&l))
            if (f > b' ' && !matches!(f, 0xC2 | 0xE1 | 0xE2 | 0xE3)) && l > b' ' && l < 0x80 =>
        {
            s
        }
        (Some(&f), Some(_)) if f > b' ' && !matches!(f, 0xC2 | 0xE1 | 0xE2 | 0xE3) => {
            // Ends in a multi-byte character: whitespace only if its lead byte says so.
            let lead = b.iter().rev().take(4).find(|&&x| x & 0xC0 != 0x80).copied().unwrap_or(0);
            if lead >= 0xC0 && !matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                s
            } else {
                s.trim_end()
            }
        }
        _ => s.trim(),
    }
}

/// [`is_blank`] for a cell already trimmed (the importer trims each cell once).
#[inline]
pub fn is_blank_trimmed(cell: &str) -> bool {
    // Answers are mostly option labels (满意 is 6 bytes, E6 first): the length and the first
    // byte settle most cells.
    let first = cell.as_bytes().first().copied();
    if !matches!(first, None | Some(b'(' | 0xEF | b'-' | b'N' | b'n')) {
        return false;
    }
    cell.len() <= 9
        && matches!(
            cell,
            "" | "(跳过)" | "（跳过）" | "-3" | "-3.0" | "-2" | "-2.0" | "NULL" | "null"
        )
}

/// A 1-based option position as the by-number export writes it: `3`, or `3.0` when the .xls
/// stores it as a float.
pub fn position(cell: &str) -> Option<usize> {
    let t = trim(cell);
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 6 {
        return None;
    }
    t.parse().ok()
}

/// Seconds a response took: `136秒`, `136`, or `136.0`; `None` when the cell is not a
/// non-negative whole number of seconds.
pub fn seconds(cell: &str) -> Option<u64> {
    let t = trim(cell);
    let t = trim(t.strip_suffix('秒').unwrap_or(t));
    let t = t.strip_suffix(".0").unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 12 {
        return None;
    }
    t.parse().ok()
}

/// The address part of a `来自IP` cell: `183.192.16.69(上海-上海)` → `183.192.16.69`. The place
/// in brackets is wjx's geolocation and not part of the key.
pub fn ip_key(cell: &str) -> &str {
    let t = trim(cell);
    // A byte search (read on every row when IPs are keys): `(` is one byte, `（` is EF BC 88
    // (and EF starts no other character an IP cell holds, so a miss is rare and cheap).
    let b = t.as_bytes();
    let mut from = 0;
    let end = loop {
        match memchr::memchr2(b'(', 0xEF, &b[from..]) {
            None => break b.len(),
            Some(i) if b[from + i] == b'(' || b[from + i..].starts_with("（".as_bytes()) => {
                break from + i;
            }
            Some(i) => from += i + 1,
        }
    };
    trim(&t[..end])
}

/// A filled-in "other" answer in a by-text export, `其他【请注明】〖亲友赠送的〗`, is the option
/// `其他【请注明】` plus the respondent's words: the option label without the words.
pub fn strip_other(cell: &str) -> Option<&str> {
    let t = cell.trim();
    let open = t.find('〖')?;
    t.ends_with('〗').then(|| t[..open].trim_end())
}

/// Submission time as seconds since 1970 (local time of the export, taken as is):
/// `2016/12/17 14:22:55`, `2016-12-17 14:22:55`, with or without seconds.
pub fn submitted(cell: &str) -> Option<i64> {
    let t = trim(cell);
    if let Some(secs) = submitted_fixed(t.as_bytes()) {
        return Some(secs);
    }
    for fmt in ["%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(t, fmt) {
            return Some(d.and_utc().timestamp());
        }
    }
    None
}

/// The form every 问卷星 export writes, `2016/12/17 14:22:55` (or with `-`), read without a format
/// parser (it is read on every row when duplicates are screened); `None` for anything else,
/// which [`submitted`] then reads with chrono.
#[inline]
fn submitted_fixed(b: &[u8]) -> Option<i64> {
    if b.len() != 19 || b[4] != b[7] || !matches!(b[4], b'/' | b'-') || b[10] != b' ' {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let (h, m, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h >= 24 || m >= 60 || s >= 60 {
        return None;
    }
    // Rows come in submission order, so most share the previous row's date: its midnight is
    // remembered (per thread) and the calendar consulted once a day.
    let key = u128::from_le_bytes({
        let mut k = [0u8; 16];
        k[..10].copy_from_slice(&b[..10]);
        k
    });
    let midnight = match LAST_DATE.with(|c| c.get()) {
        (k, t) if k == key => t,
        _ => {
            let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
            let t = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
            LAST_DATE.with(|c| c.set((key, t)));
            t
        }
    };
    Some(midnight + i64::from(h * 3600 + m * 60 + s))
}

thread_local! {
    /// The date (its 10 bytes) [`submitted_fixed`] read last, and its midnight.
    static LAST_DATE: std::cell::Cell<(u128, i64)> = const { std::cell::Cell::new((0, 0)) };
}

/// A header cell of a wjx export, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// One of wjx's metadata columns (序号, 提交答卷时间, …).
    Metadata(String),
    /// A question: its number, its title without the type marker, and the type marker if any
    /// (`矩阵单选题`, `单选题`, …).
    Question { number: String, title: String, kind: Option<String> },
    /// A matrix question's first row: `13、title(矩阵单选题 *必答)—row`.
    MatrixFirst { number: String, title: String, row: String },
    /// One option of a multiple-choice question in a by-number export: `第6题(运动)`.
    ChoiceOption { number: String, option: String },
    /// Anything else: a bare matrix row label (after a matrix's first row) or a custom column.
    Other(String),
}

pub const METADATA: [&str; 7] =
    ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分"];

/// Classify one header cell.
pub fn header(cell: &str) -> Header {
    let t = cell.trim();
    if METADATA.contains(&t) {
        return Header::Metadata(t.to_string());
    }
    if let Some(rest) = t.strip_prefix('第')
        && let Some(i) = rest.find("题(")
        && rest.ends_with(')')
    {
        let number = &rest[..i];
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            let option = &rest[i + "题(".len()..rest.len() - 1];
            return Header::ChoiceOption { number: number.into(), option: option.into() };
        }
    }
    if let Some(i) = t.find('、') {
        let number = &t[..i];
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            let rest = t[i + '、'.len_utf8()..].trim();
            if let Some(dash) = rest.rfind('—') {
                let (title, row) = (&rest[..dash], &rest[dash + '—'.len_utf8()..]);
                if title.contains("矩阵") {
                    return Header::MatrixFirst {
                        number: number.into(),
                        title: strip_kind(title).0.to_string(),
                        row: row.trim().to_string(),
                    };
                }
            }
            let (title, kind) = strip_kind(rest);
            return Header::Question {
                number: number.into(),
                title: title.to_string(),
                kind: kind.map(str::to_string),
            };
        }
    }
    Header::Other(t.to_string())
}

/// Split `title(单选题 *必答)` into the title and the type marker.
fn strip_kind(t: &str) -> (&str, Option<&str>) {
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].trim_end_matches(')');
        if inner.contains('题') {
            let kind = inner.split_whitespace().next().unwrap_or(inner);
            return (t[..open].trim(), Some(kind));
        }
    }
    (t.trim(), None)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fixed_time_form_reads_as_chrono_does() {
        let chrono_reads = |t: &str| {
            chrono::NaiveDateTime::parse_from_str(t, "%Y/%m/%d %H:%M:%S")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S"))
                .ok()
                .map(|d| d.and_utc().timestamp())
        };
        for t in [
            "2016/12/17 14:22:55",
            "2022-06-01 00:00:00",
            "2024/02/29 23:59:59",
            "1999/12/31 23:59:59",
        ] {
            assert_eq!(super::submitted_fixed(t.as_bytes()), chrono_reads(t), "{t}");
            assert!(chrono_reads(t).is_some());
        }
        // The same date twice (the second from the remembered midnight), then another.
        for t in ["2022/06/01 23:59:59", "2022/06/01 00:00:01", "2022/06/02 00:00:00"] {
            assert_eq!(super::submitted_fixed(t.as_bytes()), chrono_reads(t), "{t}");
        }
        assert_eq!(super::submitted("2022/06/01 00:00:01"), Some(1_654_041_601));
        // A time out of range on a remembered date is still refused.
        assert_eq!(super::submitted_fixed(b"2022/06/01 23:60:00"), None);
        // 2022-06-01 00:00:00 UTC, worked out: 19,144 days after 1970-01-01, × 86,400.
        assert_eq!(super::submitted("2022/06/01 00:00:00"), Some(1_654_041_600));
        for t in
            ["2023/02/29 10:00:00", "2016/12/17 24:00:00", "2016/12-17 14:22:55", "2016/1/7 1:2:3"]
        {
            assert_eq!(super::submitted_fixed(t.as_bytes()), None, "{t}");
        }
        // Other forms still read, by chrono.
        assert_eq!(super::submitted("2016/1/7 1:02:03"), chrono_reads("2016/01/07 01:02:03"));
        assert_eq!(super::submitted("2016-12-17 14:22"), Some(1_481_984_520));
    }

    use super::*;

    #[test]
    fn cells() {
        assert!(is_blank("(跳过)") && is_blank("-3") && is_blank("-2.0") && is_blank(" "));
        assert!(!is_blank("0") && !is_blank("满意"));
        assert_eq!(position("4.0"), Some(4));
        assert_eq!(position("4分"), None);
        assert_eq!(seconds("136秒"), Some(136));
        assert_eq!(seconds("5"), Some(5));
        assert_eq!(seconds("NULL"), None);
        assert_eq!(ip_key("183.192.16.69(上海-上海)"), "183.192.16.69");
        assert_eq!(ip_key(" 1.2.3.4（北京-北京）"), "1.2.3.4");
        assert_eq!(ip_key("1.2.3.4 (北京)"), "1.2.3.4");
        assert_eq!(ip_key("1.2.3.4"), "1.2.3.4");
        // A full-width character before the bracket (EF but not EF BC 88) is not a bracket.
        assert_eq!(ip_key("1.2.3.4ｘ（北京）"), "1.2.3.4ｘ");
        assert_eq!(ip_key("（北京）"), "");
        assert_eq!(submitted("2016/12/17 14:22:55"), Some(1481984575));
        assert_eq!(submitted("2016-12-17 14:22:55"), Some(1481984575));
        assert_eq!(submitted("yesterday"), None);
        assert_eq!(strip_other("其他【请注明】〖我妈买的。〗"), Some("其他【请注明】"));
        assert_eq!(strip_other("满意"), None);
    }

    #[test]
    fn trims_like_str_trim() {
        for s in ["", " a ", "满意", " 满意", "满意\u{3000}", "\u{3000}满意", "a\u{a0}", "x", "\t"]
        {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn headers() {
        assert_eq!(header("来自IP"), Header::Metadata("来自IP".into()));
        assert_eq!(
            header("13、重要性如何?(矩阵单选题 *必答)—外观"),
            Header::MatrixFirst {
                number: "13".into(),
                title: "重要性如何?".into(),
                row: "外观".into()
            }
        );
        assert_eq!(
            header("37、性别 (单选题 *必答)"),
            Header::Question {
                number: "37".into(),
                title: "性别".into(),
                kind: Some("单选题".into())
            }
        );
        assert_eq!(
            header("第6题(运动)"),
            Header::ChoiceOption { number: "6".into(), option: "运动".into() }
        );
        assert_eq!(header("界面美观度"), Header::Other("界面美观度".into()));
    }
}
