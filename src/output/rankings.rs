//! rankings.csv: one row per agency, by group and rank; UTF-8 with a BOM so Excel opens it in
//! Chinese. The component columns add up to `total` exactly.
//!
//! Headers and the words in its cells are in the run's language: in Chinese the column titles an
//! office reads (类别, 名次, 单位代码, 单位名称, 总分, 等次, the dimensions' names, …) and the
//! scheme's own names for groups and vetoes, 是/否 for yes and no; in English the column keys
//! (`group`, `rank`, `agency_id`, …, the dimensions' ids) and ids as values, as programs read them.
//! The numbers are the same in both.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::score::result::{AgencyResult, RunResult};
use crate::util::i18n::Lang;

/// Fixed columns before and after the per-dimension columns, by key (the English header).
pub const LEAD: &[&str] = &["group", "rank", "agency_id", "agency", "total", "grade"];
pub const TAIL: &[&str] = &[
    "applicable_max",
    "rescale",
    "bonus",
    "penalty",
    "lookback",
    "adjustment",
    "veto",
    "demoted_by_quota",
    "appeals_changed",
    "appeals_pending",
];

/// The title of a fixed column (a key of [`LEAD`] or [`TAIL`]) in `lang`.
pub fn title_in(lang: Lang, key: &str) -> String {
    let id = format!("output-column.{}", key.replace('_', "-"));
    crate::util::i18n::tr_in(lang, &id, &[])
}

/// The header of rankings.csv in `lang`: fixed columns, then one per dimension (its name in
/// Chinese, its id in English).
pub fn header_in(run: &RunResult, lang: Lang) -> Vec<String> {
    let mut header: Vec<String> = LEAD.iter().map(|k| title_in(lang, k)).collect();
    header.extend(run.scheme.dimensions.iter().map(|d| match lang {
        Lang::Zh => d.name.clone(),
        Lang::En => d.id.clone(),
    }));
    header.extend(TAIL.iter().map(|k| title_in(lang, k)));
    header
}

/// The key of a rankings.csv column from its header in either language (`名次` or `rank` →
/// `rank`), for readers of an earlier year's file; `None` for a dimension's or an unknown column.
pub fn column_key(header: &str) -> Option<&'static str> {
    let h = header.trim();
    LEAD.iter()
        .chain(TAIL)
        .copied()
        .find(|k| *k == h || Lang::ALL.iter().any(|l| title_in(*l, k) == h))
}

/// A group as rankings.csv names it in `lang`: the scheme's name in Chinese, the id in English.
pub fn group_in(run: &RunResult, a: &AgencyResult, lang: Lang) -> String {
    match lang {
        Lang::En => a.group.clone(),
        Lang::Zh => run
            .scheme
            .groups
            .iter()
            .find(|g| g.id == a.group)
            .map_or_else(|| a.group.clone(), |g| g.name.clone()),
    }
}

/// The veto applied to an agency in `lang`: the scheme's name in Chinese, the rule id in English;
/// empty when none.
pub fn veto_in(a: &AgencyResult, lang: Lang) -> String {
    a.veto
        .as_ref()
        .map(|v| match lang {
            Lang::Zh => v.name.clone(),
            Lang::En => v.rule.clone(),
        })
        .unwrap_or_default()
}

/// Yes or no in `lang` (是/否; `true`/`false` in English).
pub fn flag_in(b: bool, lang: Lang) -> String {
    crate::t_in!(lang, if b { "output-yes" } else { "output-no" })
}

/// Half away from zero to `dp` decimals, written with exactly `dp` decimals.
fn round(d: Decimal, dp: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

/// The points a rankings row shows, each at the scheme's decimals: the total, each dimension
/// (`None` where nothing applies), then applicable_max, rescale, bonus, penalty, lookback and
/// adjustment. The ledger is exact and the columns are rounded, so the rounding of the shown
/// columns goes into `adjustment`, beside the rounding, floor and veto lines it already holds:
/// each row adds up exactly. Every format that shows rankings (CSV, workbook, report) uses this.
pub fn shown_points(a: &AgencyResult, dp: u32) -> (Decimal, Vec<Option<Decimal>>, [Decimal; 6]) {
    let dims: Vec<Option<Decimal>> = a.dimensions.iter().map(|d| d.map(|v| round(v, dp))).collect();
    let parts = [a.rescale, a.bonus, a.penalty, a.lookback].map(|v| round(v, dp));
    let total = round(a.total, dp);
    let adjustment = total - dims.iter().flatten().sum::<Decimal>() - parts.iter().sum::<Decimal>();
    (total, dims, [round(a.applicable_max, dp), parts[0], parts[1], parts[2], parts[3], adjustment])
}

/// One agency's row of rankings.csv in `lang` (`yes_no`: [`flag_in`]'s words for true and false,
/// looked up once for all rows).
fn record_in(run: &RunResult, a: &AgencyResult, lang: Lang, yes_no: &[String; 2]) -> Vec<String> {
    let (total, dims, tail) = shown_points(a, run.scheme.decimals);
    let mut row = vec![
        group_in(run, a, lang),
        if a.rank == 0 { String::new() } else { a.rank.to_string() },
        a.agency_id.clone(),
        a.agency.clone(),
        total.to_string(),
        a.grade.clone(),
    ];
    row.extend(dims.iter().map(|d| d.map(|v| v.to_string()).unwrap_or_default()));
    row.extend(tail.iter().map(Decimal::to_string));
    row.extend([
        veto_in(a, lang),
        yes_no[usize::from(!a.demoted_by_quota)].clone(),
        a.appeals_changed.join(" "),
        a.appeals_pending.join(" "),
    ]);
    row
}

/// rankings.csv in the run's language (the language its ledger was written in).
pub fn to_csv(run: &RunResult) -> Result<Vec<u8>> {
    to_csv_in(run, run.lang)
}

/// rankings.csv in `lang`.
pub fn to_csv_in(run: &RunResult, lang: Lang) -> Result<Vec<u8>> {
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = crate::util::csv_out::Writer::from_writer(&mut buf);
        w.write_record(header_in(run, lang)).expect("write to memory");
        let yes_no = [flag_in(true, lang), flag_in(false, lang)];
        for a in &run.agencies {
            w.write_record(record_in(run, a, lang, &yes_no)).expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_keys_from_either_language() {
        assert_eq!(column_key("名次"), Some("rank"));
        assert_eq!(column_key("rank"), Some("rank"));
        assert_eq!(column_key("单位代码"), Some("agency_id"));
        assert_eq!(column_key(" 总分 "), Some("total"));
        assert_eq!(column_key("等次"), Some("grade"));
        assert_eq!(column_key("D1"), None);
    }

    #[test]
    fn every_column_has_a_title_in_both_languages() {
        for lang in Lang::ALL {
            for k in LEAD.iter().chain(TAIL) {
                assert!(!title_in(lang, k).starts_with("output-column"), "{lang} {k}");
            }
        }
        assert_eq!(title_in(Lang::En, "agency_id"), "agency_id");
    }

    #[test]
    fn yes_and_no() {
        assert_eq!((flag_in(true, Lang::Zh), flag_in(false, Lang::Zh)), ("是".into(), "否".into()));
        assert_eq!(flag_in(false, Lang::En), "false");
    }
}
