//! rankings.xlsx: one sheet per peer group with the rankings.csv columns, and a sheet with every
//! agency's points per indicator (summed from its ledger), for offices that work in Excel.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::error::{Error, Location, Result};
use crate::output::rankings;
use crate::report::table::{self, Cell};
use crate::report::view;
use crate::score::result::RunResult;
use crate::util::i18n::Lang;

/// Name of the indicator-points sheet in `lang` (指标得分; English "indicator points").
pub fn indicator_sheet(lang: Lang) -> String {
    crate::t_in!(lang, "report-xlsx-indicator-sheet")
}

pub fn write(result: &RunResult) -> Result<Vec<u8>> {
    build(result).map_err(|e| Error::at(Location::file("rankings.xlsx"), e.to_string()))
}

fn build(result: &RunResult) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date keeps the file byte-identical for the same run.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new().set_title(&result.scheme.title).set_creation_datetime(&epoch),
    );
    let header = Format::new().set_bold();
    let points = Format::new().set_num_format(points_format(result.scheme.decimals));
    let columns = table::columns(result);
    let mut used = BTreeSet::new();
    // The workbook speaks the run's language, as rankings.csv does.
    let lang = result.lang;
    let indicator_sheet = indicator_sheet(lang);
    used.insert(indicator_sheet.clone());

    for g in view::groups(result) {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&g.summary.name, &mut used))?;
        for (c, name) in columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, name, &header)?;
        }
        for (r, a) in g.agencies.iter().enumerate() {
            let row = r as u32 + 1;
            for (c, cell) in table::row(result, a).into_iter().enumerate() {
                let col = c as u16;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(row, col, s)?;
                    }
                    Cell::Int(i) => {
                        ws.write_number(row, col, f64::from(i))?;
                    }
                    Cell::Points(d) => {
                        ws.write_number_with_format(row, col, num(d), &points)?;
                    }
                    Cell::Flag(b) => {
                        ws.write_string(row, col, rankings::flag_in(b, lang))?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_column_width(3, 18)?;
        ws.set_freeze_panes(1, 4)?;
    }

    let ws = wb.add_worksheet();
    ws.set_name(&indicator_sheet)?;
    let titles = [
        rankings::title_in(lang, "group"),
        rankings::title_in(lang, "agency_id"),
        rankings::title_in(lang, "agency"),
        crate::t_in!(lang, "report-xlsx-rule"),
        crate::t_in!(lang, "report-xlsx-points"),
    ];
    for (c, name) in titles.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, name, &header)?;
    }
    let mut row = 1u32;
    for g in view::groups(result) {
        for a in &g.agencies {
            let group = rankings::group_in(result, a, lang);
            // Indicator points: the ledger lines of each rule summed, in the ledger's order.
            let mut rules: Vec<(&str, Decimal)> = Vec::new();
            for l in a.ledger.entries() {
                match rules.iter_mut().find(|(r, _)| *r == &**l.rule()) {
                    Some((_, p)) => *p += l.points(),
                    None => rules.push((&**l.rule(), l.points())),
                }
            }
            for (rule, p) in rules {
                ws.write_string(row, 0, &group)?;
                ws.write_string(row, 1, &a.agency_id)?;
                ws.write_string(row, 2, &a.agency)?;
                ws.write_string(row, 3, rule)?;
                ws.write_number_with_format(row, 4, num(p), &points)?;
                row += 1;
            }
        }
    }
    ws.set_column_width(2, 18)?;
    ws.set_column_width(3, 24)?;
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}

fn num(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn points_format(decimals: u32) -> String {
    if decimals == 0 { "0".into() } else { format!("0.{}", "0".repeat(decimals as usize)) }
}

/// An Excel sheet name from a group name: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(name: &str, used: &mut BTreeSet<String>) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    let clean =
        if clean.trim().is_empty() { crate::t!("report-xlsx-unnamed-group") } else { clean };
    let mut candidate = clean.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        let suffix = format!("-{n}");
        candidate =
            format!("{}{suffix}", clean.chars().take(31 - suffix.len()).collect::<String>());
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut used = BTreeSet::new();
        assert_eq!(sheet_name("县（市、区）", &mut used), "县（市、区）");
        assert_eq!(sheet_name("县（市、区）", &mut used), "县（市、区）-2");
        assert_eq!(sheet_name("a/b[c]", &mut used), "abc");
        assert_eq!(sheet_name(&"长".repeat(40), &mut used).chars().count(), 31);
    }
}
