//! robustness.csv.

use super::Analysis;
use crate::util::csv_out::CsvBuf;
use crate::util::encoding::TextEncoding;

const HEADER: [&str; 16] = [
    "analysis",
    "replicates",
    "group",
    "agency_id",
    "agency",
    "total",
    "rank",
    "grade",
    "rank_p05",
    "rank_median",
    "rank_p95",
    "rank_min",
    "rank_max",
    "grade_can_change",
    "grade_shares",
    "method",
];

/// robustness.csv: one row per analysis and agency; UTF-8 with a BOM for Excel.
pub fn to_csv(analyses: &[Analysis]) -> Vec<u8> {
    let mut out = CsvBuf::new(TextEncoding::Utf8.bom(), &HEADER);
    for an in analyses {
        for a in &an.agencies {
            let shares: Vec<String> = a
                .grades
                .iter()
                .map(|(g, p)| format!("{g} {}", p.round_dp(3).normalize()))
                .collect();
            out.row([
                an.kind.name().to_string(),
                an.replicates.to_string(),
                a.group.clone(),
                a.agency_id.clone(),
                a.agency.clone(),
                a.total.normalize().to_string(),
                a.rank.to_string(),
                a.grade.clone(),
                a.p05.to_string(),
                a.median.to_string(),
                a.p95.to_string(),
                a.min.to_string(),
                a.max.to_string(),
                a.grade_can_change().to_string(),
                shares.join("; "),
                an.method.name().to_string(),
            ]);
        }
    }
    out.into_bytes()
}
