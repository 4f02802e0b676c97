//! survey-report.xlsx: the report's tables for survey teams that work in Excel — the accounting
//! (outcomes, then per agency), the rejection reasons, the answers over all agencies, and one long
//! sheet of the answers per agency (one line per agency × question × option).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::data::{Answers, Data, Kind, share_tenths};
use crate::error::{Error, Location, Result};
use crate::t;

pub fn write(d: &Data, rule_labels: &[String]) -> Result<Vec<u8>> {
    build(d, rule_labels)
        .map_err(|e| Error::at(Location::file("survey-report.xlsx"), e.to_string()))
}

struct Formats {
    bold: Format,
    share: Format,
}

fn build(d: &Data, rule_labels: &[String]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date keeps the file byte-identical for the same import.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let title = t!("survey-report-title", survey = d.q.title.as_str());
    wb.set_properties(&DocProperties::new().set_title(&title).set_creation_datetime(&epoch));
    let f = Formats { bold: Format::new().set_bold(), share: Format::new().set_num_format("0.0") };
    accounting(wb.add_worksheet(), d, rule_labels, &f)?;
    reasons(wb.add_worksheet(), d, &f)?;
    overall(wb.add_worksheet(), d, &f)?;
    per_agency(wb.add_worksheet(), d, &f)?;
    wb.save_to_buffer()
}

fn header(
    ws: &mut Worksheet,
    row: u32,
    cells: &[String],
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    for (c, h) in cells.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &f.bold)?;
    }
    Ok(())
}

/// A share cell: the share rounded to one decimal (as shown everywhere), blank with no base.
fn share(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    count: u64,
    base: u64,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    if let Some(t) = share_tenths(count, base) {
        ws.write_number_with_format(row, col, t as f64 / 10.0, &f.share)?;
    }
    Ok(())
}

fn accounting(
    ws: &mut Worksheet,
    d: &Data,
    rule_labels: &[String],
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    ws.set_name(t!("survey-report-sheet-accounting"))?;
    header(
        ws,
        0,
        &[
            t!("survey-report-col-outcome"),
            t!("survey-report-col-rows"),
            t!("survey-report-col-share-read"),
        ],
        f,
    )?;
    let mut r = 1;
    for (label, count) in super::outcomes(d, rule_labels) {
        ws.write_string(r, 0, &label)?;
        ws.write_number(r, 1, count as f64)?;
        share(ws, r, 2, count, d.total.rows, f)?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, t!("survey-report-rows-read"), &f.bold)?;
    ws.write_number_with_format(r, 1, d.total.rows as f64, &f.bold)?;
    r += 2;
    header(ws, r, &super::accounting_header(rule_labels), f)?;
    for cells in super::accounting_rows(d) {
        r += 1;
        ws.write_string(r, 0, &cells[0])?;
        ws.write_string(r, 1, &cells[1])?;
        for (c, v) in cells.iter().enumerate().skip(2) {
            ws.write_number(r, c as u16, v.parse::<u64>().unwrap_or(0) as f64)?;
        }
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 16)?;
    Ok(())
}

fn reasons(ws: &mut Worksheet, d: &Data, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name(t!("survey-report-sheet-reasons"))?;
    header(
        ws,
        0,
        &[
            t!("survey-report-col-reason"),
            t!("survey-report-col-rows"),
            t!("survey-report-col-first"),
        ],
        f,
    )?;
    for (i, x) in d.reasons.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &x.text)?;
        ws.write_number(r, 1, x.rows as f64)?;
        ws.write_string(r, 2, &x.first)?;
    }
    ws.set_column_width(0, 60)?;
    Ok(())
}

fn answer_header(agency: bool) -> Vec<String> {
    let mut h = Vec::new();
    if agency {
        h.extend([t!("survey-report-col-agency-id"), t!("survey-report-col-agency")]);
    }
    h.extend([
        t!("survey-report-col-question-id"),
        t!("survey-report-col-question"),
        t!("survey-report-col-option"),
        t!("survey-report-col-kind"),
        t!("survey-report-col-count"),
        t!("survey-report-col-base"),
        t!("survey-report-col-share"),
    ]);
    h
}

/// Question `qi`'s answers `x` from row `r` on, starting at column `c0`; returns the next row.
fn answer_rows(
    ws: &mut Worksheet,
    d: &Data,
    qi: usize,
    x: &Answers,
    (r, c0): (u32, u16),
    f: &Formats,
    prefix: &[&str],
) -> std::result::Result<u32, XlsxError> {
    let kinds = d.kinds(qi);
    let qq = &d.q.questions[qi];
    let mut r = r;
    for (o, (&count, &kind)) in x.counts.iter().zip(&kinds).enumerate() {
        for (c, p) in prefix.iter().enumerate() {
            ws.write_string(r, c as u16, *p)?;
        }
        let base = x.base(&kinds, kind);
        ws.write_string(r, c0, &qq.id)?;
        ws.write_string(r, c0 + 1, &qq.text)?;
        ws.write_string(r, c0 + 2, d.option_label(qi, o))?;
        ws.write_string(r, c0 + 3, kind_name(kind))?;
        ws.write_number(r, c0 + 4, count as f64)?;
        ws.write_number(r, c0 + 5, base as f64)?;
        share(ws, r, c0 + 6, count, base, f)?;
        r += 1;
    }
    Ok(r)
}

fn kind_name(k: Kind) -> String {
    match k {
        Kind::Rated => t!("survey-report-kind-rated"),
        Kind::DontKnow => t!("survey-report-kind-dont-know"),
        Kind::Skipped => t!("survey-report-kind-skipped"),
    }
}

fn overall(ws: &mut Worksheet, d: &Data, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name(t!("survey-report-sheet-overall"))?;
    header(ws, 0, &answer_header(false), f)?;
    let mut r = 1;
    for (qi, x) in d.overall.iter().enumerate() {
        r = answer_rows(ws, d, qi, x, (r, 0), f, &[])?;
    }
    ws.set_column_width(1, 30)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn per_agency(ws: &mut Worksheet, d: &Data, f: &Formats) -> std::result::Result<(), XlsxError> {
    ws.set_name(t!("survey-report-sheet-per-agency"))?;
    header(ws, 0, &answer_header(true), f)?;
    let mut r = 1;
    for (a, per_question) in d.q.agencies.iter().zip(&d.agencies) {
        for (qi, x) in per_question.iter().enumerate() {
            r = answer_rows(ws, d, qi, x, (r, 2), f, &[&a.id, &a.label])?;
        }
    }
    ws.set_column_width(1, 16)?;
    ws.set_column_width(3, 30)?;
    ws.set_freeze_panes(1, 2)?;
    Ok(())
}
