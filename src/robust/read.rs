//! Reading what the survey analysis draws from: survey.csv's confidence intervals, or the valid
//! responses in `survey-responses.csv`.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

use super::{GroupResponses, RESPONSES_FILE};
use crate::error::{Error, Location, Result};
use crate::survey::stats::MICRO;

/// Standard errors of survey indices from `survey.{csv,xlsx}`'s ci_low and ci_high columns, by
/// (agency, survey). Rows without both are absent.
pub fn survey_errors(dir: &Path) -> Result<BTreeMap<(String, String), Decimal>> {
    let mut out = BTreeMap::new();
    let Some(path) = crate::input::load::find_file(dir, "survey")? else { return Ok(out) };
    let t = crate::util::table::read_table(&path, &crate::pipeline::display(&path), None)?;
    let (Some(a), Some(s), Some(lo), Some(hi)) =
        (t.column("agency"), t.column("survey"), t.column("ci_low"), t.column("ci_high"))
    else {
        return Ok(out);
    };
    for row in &t.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        if cell(lo).is_empty() || cell(hi).is_empty() {
            continue;
        }
        let parse = |i: usize, key: &str| {
            crate::input::parse::decimal(cell(i))
                .map_err(|m| Error::at(t.at(row, i), format!("{key}: {m}")))
        };
        let (l, h) = (parse(lo, "ci_low")?, parse(hi, "ci_high")?);
        if h < l {
            return Err(Error::at(
                Location::line(&t.file, row.line).with_column("ci_high"),
                crate::t!("robust-ci-reversed", high = h, low = l),
            ));
        }
        out.insert((cell(a).to_string(), cell(s).to_string()), (h - l) / Decimal::new(392, 2));
    }
    Ok(out)
}

/// The responses in `dir/survey-responses.csv` by (agency, survey), or `None` without the file.
/// Columns `agency,survey,group,weight,y` (y in points with at most 6 decimals, as the importer
/// writes it); a group must have one weight within an agency × survey.
pub fn survey_responses(dir: &Path) -> Result<Option<BTreeMap<(String, String), GroupResponses>>> {
    let path = dir.join(RESPONSES_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let t = crate::util::table::read_table(&path, &crate::pipeline::display(&path), None)?;
    t.deny_unknown_columns(&crate::survey::output::RESPONSES_HEADER)?;
    let mut cols = [0; 5];
    for (c, name) in cols.iter_mut().zip(crate::survey::output::RESPONSES_HEADER) {
        *c = t.require(name)?;
    }
    let [a, s, g, w, y] = cols;
    let mut out: BTreeMap<(String, String), (Vec<String>, GroupResponses)> = BTreeMap::new();
    for row in &t.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        let parse = |i: usize, key: &str| {
            crate::input::parse::decimal(cell(i))
                .map_err(|m| Error::at(t.at(row, i), format!("{key}: {m}")))
        };
        let weight = parse(w, "weight")?;
        if weight <= Decimal::ZERO {
            return Err(Error::at(
                t.at(row, w),
                crate::t!("robust-weight-not-positive", weight = weight),
            ));
        }
        let micro = parse(y, "y")? * Decimal::from(MICRO);
        let yv = match (micro.fract().is_zero(), rust_decimal::prelude::ToPrimitive::to_i64(&micro))
        {
            (true, Some(v)) => v,
            _ => {
                return Err(Error::at(t.at(row, y), crate::t!("robust-y-decimals", y = cell(y))));
            }
        };
        let (names, groups) = out.entry((cell(a).to_string(), cell(s).to_string())).or_default();
        match names.iter().position(|n| n == cell(g)) {
            Some(i) if groups[i].0 != weight => {
                return Err(Error::at(
                    t.at(row, w),
                    crate::t!(
                        "robust-weight-differs",
                        group = cell(g),
                        weight = weight,
                        earlier = groups[i].0,
                        agency = cell(a)
                    ),
                ));
            }
            Some(i) => groups[i].1.push(yv),
            None => {
                names.push(cell(g).to_string());
                groups.push((weight, vec![yv]));
            }
        }
    }
    Ok(Some(out.into_iter().map(|(k, (_, g))| (k, g)).collect()))
}
