//! Last year's results, read from the rankings.csv of last year's output (given as the file or as
//! the output directory holding it), for the change-against-last-year chart and table.
//!
//! Agencies are matched by `agency_id`, never by name (names repeat: two 城区). The header may be
//! Chinese (单位代码, 名次, 总分, 等次: what kaohe writes by default) or English (`agency_id`,
//! `rank`, `total`, `grade`: `--lang en`, and every rankings.csv written before issue 12).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, Location, Result};

#[derive(Debug, Clone)]
pub struct PreviousRow {
    pub rank: u32,
    pub total: Decimal,
    pub grade: String,
}

#[derive(Debug, Clone)]
pub struct Previous {
    /// The file read, as given.
    pub path: PathBuf,
    /// SHA-256 of the file, recorded in the report's notes on method like every other input.
    pub sha256: String,
    pub rows: BTreeMap<String, PreviousRow>,
}

impl Previous {
    /// Reads `path`: a rankings.csv, or a directory containing one.
    pub fn load(path: &Path) -> Result<Previous> {
        let file = if path.is_dir() { path.join("rankings.csv") } else { path.to_path_buf() };
        let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
        Self::parse(&file, &bytes)
    }

    pub fn parse(file: &Path, bytes: &[u8]) -> Result<Previous> {
        let name = file.display().to_string();
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::at(Location::file(&name), crate::t!("report-previous-not-utf8")))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| Error::at(Location::line(&name, 1), e.to_string()))?
            .clone();
        // Each column by its Chinese or its English header.
        let col = |zh: &str, en: &str| {
            headers.iter().position(|h| h.trim() == zh || h.trim() == en).ok_or_else(|| {
                Error::at(
                    Location::line(&name, 1).with_column(format!("{zh} / {en}")),
                    crate::t!("report-previous-missing-column"),
                )
            })
        };
        let (id_col, rank_col, total_col, grade_col) = (
            col("单位代码", "agency_id")?,
            col("名次", "rank")?,
            col("总分", "total")?,
            col("等次", "grade")?,
        );
        let header_of = |c: usize| headers.get(c).unwrap_or("").trim().to_string();
        let mut rows = BTreeMap::new();
        for (i, record) in reader.records().enumerate() {
            let line = i as u64 + 2;
            let record =
                record.map_err(|e| Error::at(Location::line(&name, line), e.to_string()))?;
            let get = |c: usize| crate::util::csv_out::restore(record.get(c).unwrap_or("").trim());
            let total = Decimal::from_str(get(total_col)).map_err(|_| {
                Error::at(
                    Location::line(&name, line).with_column(header_of(total_col)),
                    crate::t!(
                        "report-previous-not-a-number",
                        value = format!("{:?}", get(total_col))
                    ),
                )
            })?;
            // An agency without a rank (a veto that leaves it unranked) has an empty cell.
            let rank = match get(rank_col) {
                "" | "—" => 0,
                r => r.parse::<u32>().map_err(|_| {
                    Error::at(
                        Location::line(&name, line).with_column(header_of(rank_col)),
                        crate::t!("report-previous-not-a-rank", value = format!("{r:?}")),
                    )
                })?,
            };
            let id = get(id_col).to_string();
            let row = PreviousRow { rank, total, grade: get(grade_col).to_string() };
            if rows.insert(id.clone(), row).is_some() {
                return Err(Error::at(
                    Location::line(&name, line).with_column(header_of(id_col)),
                    crate::t!("report-previous-twice", agency = id),
                ));
            }
        }
        let sha256 = crate::util::hash::sha256_hex(bytes);
        Ok(Previous { path: file.to_path_buf(), sha256, rows })
    }

    pub fn total(&self, agency_id: &str) -> Option<Decimal> {
        self.rows.get(agency_id).map(|r| r.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rankings_csv_with_bom_by_agency_id() {
        let csv = "\u{feff}group,rank,agency_id,agency,total,grade,content\ncounty,1,k1,城区,88.50,优秀,30\ncounty,2,k2,城区,70,合格,20\n";
        let p = Previous::parse(Path::new("rankings.csv"), csv.as_bytes()).unwrap();
        assert_eq!(p.total("k1"), Some(Decimal::new(8850, 2)));
        assert_eq!(p.rows["k2"].rank, 2);
        assert_eq!(p.total("k3"), None);
    }

    #[test]
    fn bad_total_names_file_line_and_column() {
        let csv = "group,rank,agency_id,agency,total,grade\ncity,1,c1,太原市,x,优秀\n";
        let e = Previous::parse(Path::new("last/rankings.csv"), csv.as_bytes()).unwrap_err();
        let shown = e.to_string();
        assert!(shown.starts_with("last/rankings.csv:2: `total`: "), "{shown}");
        assert!(shown.contains("\"x\""), "{shown}");
    }

    #[test]
    fn reads_the_chinese_header_kaohe_writes_by_default() {
        let csv = "\u{feff}类别,名次,单位代码,单位名称,总分,等次,政务公开\n设区市,1,c1,太原市,91.25,优秀,30\n设区市,,c2,大同市,40,不合格,10\n";
        let p = Previous::parse(Path::new("rankings.csv"), csv.as_bytes()).unwrap();
        assert_eq!(p.total("c1"), Some(Decimal::new(9125, 2)));
        assert_eq!(p.rows["c1"].grade, "优秀");
        assert_eq!(p.rows["c2"].rank, 0, "an unranked agency's empty cell");
        let e = Previous::parse(Path::new("r.csv"), "名次,总分\n1,2\n".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("单位代码 / agency_id"), "{e}");
    }
}
