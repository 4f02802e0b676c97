//! rankings.csv: one row per agency, by group and rank; UTF-8 with a BOM so Excel opens it in
//! Chinese. The component columns add up to `total` exactly.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::score::result::RunResult;

/// Fixed columns before and after the per-dimension columns.
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

fn fmt(d: Decimal, dp: u32) -> String {
    // Fixed decimals, so a column reads evenly and re-parses to the same value.
    let mut r = d.round_dp_with_strategy(
        dp.max(d.scale()),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    if r.scale() < dp {
        r.rescale(dp);
    }
    r.to_string()
}

pub fn to_csv(run: &RunResult) -> Result<Vec<u8>> {
    let dp = run.scheme.decimals;
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        let mut header: Vec<String> = LEAD.iter().map(|s| s.to_string()).collect();
        header.extend(run.scheme.dimensions.iter().map(|d| d.id.clone()));
        header.extend(TAIL.iter().map(|s| s.to_string()));
        w.write_record(&header).expect("write to memory");
        for a in &run.agencies {
            let mut row = vec![
                a.group.clone(),
                a.rank.to_string(),
                a.agency_id.clone(),
                a.agency.clone(),
                fmt(a.total, dp),
                a.grade.clone(),
            ];
            row.extend(a.dimensions.iter().map(|d| d.map(|v| fmt(v, dp)).unwrap_or_default()));
            row.extend([
                fmt(a.applicable_max, dp),
                fmt(a.rescale, dp),
                fmt(a.bonus, dp),
                fmt(a.penalty, dp),
                fmt(a.lookback, dp),
                fmt(a.adjustment, dp),
                a.veto.as_ref().map(|v| v.rule.clone()).unwrap_or_default(),
                a.demoted_by_quota.to_string(),
                a.appeals_changed.join(" "),
                a.appeals_pending.join(" "),
            ]);
            w.write_record(&row).expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    Ok(buf)
}
