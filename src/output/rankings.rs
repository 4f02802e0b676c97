//! rankings.csv: one row per agency, by group and rank; UTF-8 with a BOM so Excel opens it in
//! Chinese. The component columns add up to `total` exactly.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::score::result::{AgencyResult, RunResult};

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

pub fn to_csv(run: &RunResult) -> Result<Vec<u8>> {
    let dp = run.scheme.decimals;
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = crate::util::csv_out::Writer::from_writer(&mut buf);
        let mut header: Vec<String> = LEAD.iter().map(|s| s.to_string()).collect();
        header.extend(run.scheme.dimensions.iter().map(|d| d.id.clone()));
        header.extend(TAIL.iter().map(|s| s.to_string()));
        w.write_record(&header).expect("write to memory");
        for a in &run.agencies {
            let (total, dims, tail) = shown_points(a, dp);
            let mut row = vec![
                a.group.clone(),
                if a.rank == 0 { String::new() } else { a.rank.to_string() },
                a.agency_id.clone(),
                a.agency.clone(),
                total.to_string(),
                a.grade.clone(),
            ];
            row.extend(dims.iter().map(|d| d.map(|v| v.to_string()).unwrap_or_default()));
            row.extend(tail.iter().map(Decimal::to_string));
            row.extend([
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
