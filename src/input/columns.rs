//! Column headers matched to column keys (issue 12 item 2): every input kind accepts its English
//! keys (`kind`) and Chinese headers (`问题类型`), compared after [`super::resolve::key`]
//! (trimmed, full-width forms made half-width, blanks removed, ASCII lower-cased), so `单位　代码`
//! and `问题类型？`… are forgiven their spaces and widths. An unknown header is an error with the
//! closest known header; two headers for one key are an error naming both.

use std::collections::BTreeMap;

use super::load::KINDS;
use super::resolve::key;
use crate::error::{Error, Location, Result};

/// The Chinese headers a column key accepts in an input kind, the first being the one the
/// workbook template writes (docs/input.md lists them all).
pub fn aliases(stem: &str, column: &str) -> &'static [&'static str] {
    match (stem, column) {
        ("agencies", "id") => &["单位代码", "代码"],
        ("agencies", "name") => &["单位名称", "名称"],
        ("agencies", "group") => &["类别", "单位类别", "分组"],
        ("agencies", "parent") => &["上级单位"],
        (_, "agency") => &["单位", "单位代码", "单位名称", "被考核单位"],
        ("findings", "id") => &["编号", "问题编号"],
        ("awards", "id") => &["编号", "加分编号"],
        (_, "id") => &["编号"],
        (_, "kind") => &["问题类型"],
        (_, "count") => &["数量"],
        ("appeals", "date") => &["复核日期", "日期"],
        (_, "date") => &["日期"],
        (_, "evidence") => &["佐证材料"],
        (_, "note") => &["备注"],
        ("tasks", "task") => &["任务"],
        ("tasks", "completed") => &["完成日期"],
        ("tasks", "status") => &["完成情况"],
        ("measures", "indicator") => &["指标"],
        ("measures", "value") => &["数值"],
        ("awards", "bonus") => &["加分项"],
        ("lookback", "status") => &["整改情况"],
        ("survey", "survey") => &["问卷"],
        ("survey", "index") => &["满意度指数"],
        ("survey", "ci_low") => &["置信下限"],
        ("survey", "ci_high") => &["置信上限"],
        ("survey", "n") => &["样本量"],
        ("survey", "n_eff") => &["有效样本量"],
        ("survey", "below_minimum") => &["样本不足"],
        ("appeals", "finding") => &["问题编号"],
        ("appeals", "decision") => &["复核结论"],
        ("appeals", "points") => &["核定扣分"],
        _ => &[],
    }
}

/// The column keys of an input kind, required ones first, and how many are required.
pub fn keys(stem: &str) -> (Vec<&'static str>, usize) {
    let (_, required, optional) =
        KINDS.iter().find(|k| k.0 == stem).copied().unwrap_or(("", &[], &[]));
    (required.iter().chain(optional.iter()).copied().collect(), required.len())
}

/// The Chinese header the template writes for a column (the key itself if it has none).
pub fn chinese(stem: &str, column: &'static str) -> &'static str {
    aliases(stem, column).first().copied().unwrap_or(column)
}

/// A table's headers matched to column keys.
pub struct Sheet<'a> {
    /// The file as messages name it.
    pub file: &'a str,
    pub headers: &'a [String],
    /// The file name as its rows' locations share it.
    name: std::sync::Arc<str>,
    /// Column index of each key present.
    /// (A list, sorted by key: a row's cells are looked up by key millions of times, and a
    /// scan comparing lengths first costs less than a tree's string ordering.)
    columns: Vec<(&'static str, usize)>,
    /// The columns a findings row reads, looked up once, not once a cell.
    pub finding: FindingColumns,
}

/// The column index of each key a findings row reads, if the table has it.
#[derive(Debug, Clone, Copy, Default)]
pub struct FindingColumns {
    pub id: Option<usize>,
    pub agency: Option<usize>,
    pub kind: Option<usize>,
    pub count: Option<usize>,
    pub date: Option<usize>,
    pub evidence: Option<usize>,
    pub note: Option<usize>,
}

impl Sheet<'_> {
    /// The column index of a key, if the table has it.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().find(|(k, _)| *k == key).map(|&(_, i)| i)
    }
    /// The header as written for a key (the key if absent).
    pub fn header(&self, key: &str) -> String {
        self.column(key)
            .and_then(|i| self.headers.get(i))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
    /// Every key's header as written.
    pub fn written(&self) -> BTreeMap<String, String> {
        self.columns.iter().map(|(k, _)| (k.to_string(), self.header(k))).collect()
    }
    /// The location of the cell in the column of `key` of the row on `line`.
    pub fn at(&self, line: u64, key: &str) -> Location {
        self.cite(line).with_column(self.header(key))
    }
    /// The file name as its rows' locations share it.
    pub fn name(&self) -> std::sync::Arc<str> {
        self.name.clone()
    }
    /// Where the row on `line` is (`file:line`).
    pub fn cite(&self, line: u64) -> Location {
        Location::line(&self.name, line)
    }
}

/// The key a header names in an input kind, if any.
fn key_of(stem: &str, header: &str) -> Option<&'static str> {
    let h = key(header);
    let h = h.trim_end_matches(['*', '?', ':']);
    keys(stem).0.into_iter().find(|k| key(k) == h || aliases(stem, k).iter().any(|a| key(a) == h))
}

/// Match the headers of a table (`file`) to the keys of input kind `stem`: unknown headers, two
/// headers for one key and missing required columns are errors.
pub fn match_headers<'a>(stem: &str, file: &'a str, headers: &'a [String]) -> Result<Sheet<'a>> {
    let (all, required) = keys(stem);
    let mut columns = BTreeMap::new();
    for (i, h) in headers.iter().enumerate() {
        if h.trim().is_empty() {
            continue;
        }
        let at = Location::line(file, 1).with_column(h.trim());
        let Some(k) = key_of(stem, h) else {
            let labels = all
                .iter()
                .flat_map(|k| std::iter::once(*k).chain(aliases(stem, k).iter().copied()));
            let close = super::check::close_matches(h.trim(), labels);
            let expected = all
                .iter()
                .map(|k| crate::t!("input-key-and-header", key = *k, header = chinese(stem, k)))
                .collect::<Vec<_>>()
                .join(super::check::sep().as_str());
            return Err(Error::at(
                at,
                crate::t!(
                    "input-unknown-column",
                    number = i + 1,
                    header = h.trim(),
                    hint = super::check::hint(&close),
                    expected = expected
                ),
            ));
        };
        if let Some(&first) = columns.get(k) {
            let first: &String = &headers[first];
            return Err(Error::at(
                at,
                crate::t!("input-column-twice", first = first.as_str(), header = h.trim(), key = k),
            ));
        }
        columns.insert(k, i);
    }
    for k in &all[..required] {
        if !columns.contains_key(k) {
            let has = headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(super::check::sep().as_str());
            return Err(Error::at(
                Location::line(file, 1),
                crate::t!("input-missing-column", key = *k, header = chinese(stem, k), has = has),
            ));
        }
    }
    let at = |k: &str| columns.get(k).copied();
    let finding = FindingColumns {
        id: at("id"),
        agency: at("agency"),
        kind: at("kind"),
        count: at("count"),
        date: at("date"),
        evidence: at("evidence"),
        note: at("note"),
    };
    let columns = columns.into_iter().collect();
    Ok(Sheet { file, headers, name: file.into(), columns, finding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_english_headers_with_any_width() {
        assert_eq!(key_of("findings", "问题类型"), Some("kind"));
        assert_eq!(key_of("findings", " KIND "), Some("kind"));
        assert_eq!(key_of("agencies", "单位　代码"), Some("id"));
        assert_eq!(key_of("findings", "单位代码"), Some("agency"));
        assert_eq!(key_of("appeals", "问题编号"), Some("finding"));
        assert_eq!(key_of("findings", "问题编号"), Some("id"));
        assert_eq!(key_of("survey", "置信下限＊"), Some("ci_low"));
        assert_eq!(key_of("findings", "问题类形"), None);
    }

    #[test]
    fn every_key_of_every_kind_has_a_chinese_header() {
        for (stem, _, _) in KINDS {
            for k in keys(stem).0 {
                assert!(!aliases(stem, k).is_empty(), "{stem}.{k}");
            }
        }
    }
}
