//! `kaohe template`: one workbook to fill in (issue 12 item 3). A sheet per input kind (单位,
//! 问题清单, 任务, 数值, 加分, 回头看, 复核, 满意度) with Chinese headers; a 说明 sheet describing
//! every column and saying which sheets the scheme does not use; a 选项 sheet listing what the
//! drop-downs offer: agencies (the 单位 sheet's names, so agencies added there are offered too), the
//! scheme's groups, finding kinds, tasks, indicators, bonus items and surveys (by their Chinese
//! names where no two share one, else by id), and the status words. Date columns are formatted as
//! dates, id columns as text (so 140100 never becomes 1.40100E+05). The filled workbook is read by
//! `--data 考核数据.xlsx` ([`super::workbook`]).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::columns::{chinese, keys};
use super::load::{DECISION_WORDS, TASK_STATUS_WORDS, needed_kinds};
use super::records::Agency;
use super::resolve::{self, Names, Resolved};
use super::workbook::{GUIDE_SHEET, LISTS_SHEET, SHEETS};
use crate::rules::{Method, Scheme};

/// Rows that get drop-downs and formats (the sheet's data rows 2 to this).
const ROWS: u32 = 5000;

/// A drop-down list: its header on the 选项 sheet and its values.
struct List {
    title: String,
    values: Vec<String>,
}

/// What a column's cells are.
#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Text,
    Date,
    Any,
}

/// The workbook's bytes for `scheme`, with `agencies` (from `--data`) filled in on the 单位 sheet.
pub fn build(scheme: &Scheme, agencies: &[Agency]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date: the same scheme and agencies give the same bytes.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_title(&scheme.title).set_creation_datetime(&epoch));
    let lists = lists(scheme);
    guide_sheet(wb.add_worksheet(), scheme)?;
    for (stem, sheet) in SHEETS {
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        data_sheet(ws, stem, &lists)?;
        if stem == "agencies" {
            fill_agencies(ws, scheme, agencies)?;
        }
    }
    lists_sheet(wb.add_worksheet(), &lists)?;
    wb.save_to_buffer()
}

/// A label for each id: its name when the name names it alone, else the id.
fn labels(names: &Names, pairs: impl Iterator<Item = (String, String)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (id, name) in pairs {
        let label = match names.resolve(&name) {
            Resolved::Id(i) if i == id && !name.is_empty() => name,
            _ => id,
        };
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

/// The drop-down lists, keyed by the column they serve (`kind`, `group`, …).
fn lists(scheme: &Scheme) -> Vec<(&'static str, List)> {
    let list = |title: &str, values: Vec<String>| List { title: title.to_string(), values };
    let groups = scheme.groups.iter().map(|g| (g.id.clone(), g.name.clone()));
    let mut kinds: Vec<(String, String)> = Vec::new();
    for n in &scheme.nodes {
        if let Some(Method::Deduct(ks)) = n.method() {
            kinds.extend(ks.iter().map(|k| (k.kind.clone(), k.name.clone())));
        }
    }
    kinds.extend(scheme.penalty.kinds.iter().map(|k| (k.kind.clone(), k.name.clone())));
    kinds.extend(scheme.vetoes.iter().map(|v| (v.kind.clone(), v.name.clone())));
    let items = |of: fn(&Method) -> bool| -> Vec<(String, String)> {
        let nodes = scheme.nodes.iter().filter(|n| n.method().is_some_and(of));
        nodes.map(|n| (n.id.clone(), n.name.clone())).collect()
    };
    let tasks = items(|m| matches!(m, Method::Deadline(_)));
    let measures = items(|m| matches!(m, Method::Measure(_)));
    let mut measure_names = resolve::measure_names(scheme);
    let mut measure_labels = labels(&measure_names, measures.into_iter());
    for n in &scheme.nodes {
        if let Some(Method::Normalise(nm)) = n.method() {
            for m in std::iter::once(&nm.measure).chain(&nm.per) {
                if !measure_labels.contains(m) {
                    measure_labels.push(m.clone());
                    measure_names.add(m, "");
                }
            }
        }
    }
    let bonus = scheme.bonus.items.iter().map(|b| (b.id.clone(), b.name.clone()));
    let surveys: Vec<(String, String)> = scheme
        .nodes
        .iter()
        .filter_map(|n| match n.method() {
            Some(Method::Survey(s)) => Some((s.survey.clone(), String::new())),
            _ => None,
        })
        .collect();
    let words = |w: &[(&str, &[&str])]| w.iter().map(|(_, ws)| ws[0].to_string()).collect();
    // Each accepted by `Rectification::parse` (a unit test checks).
    let rect = ["已整改", "逾期整改", "部分整改", "未整改"];
    vec![
        ("group", list("类别", labels(&resolve::group_names(scheme), groups))),
        ("kind", list("问题类型", labels(&resolve::kind_names(scheme), kinds.into_iter()))),
        (
            "task",
            list(
                "任务",
                labels(
                    &resolve::item_names(scheme, |m| matches!(m, Method::Deadline(_))),
                    tasks.into_iter(),
                ),
            ),
        ),
        ("indicator", list("指标", measure_labels)),
        ("bonus", list("加分项", labels(&resolve::bonus_names(scheme), bonus))),
        ("survey", list("问卷", labels(&resolve::survey_names(scheme), surveys.into_iter()))),
        ("task-status", list("完成情况", words(&TASK_STATUS_WORDS))),
        ("lookback-status", list("整改情况", rect.iter().map(|r| r.to_string()).collect())),
        ("decision", list("复核结论", words(&DECISION_WORDS))),
        ("flag", list("是/否", vec!["是".into(), "否".into()])),
    ]
}

/// The list a column's cells choose from, if any: its key on the 选项 sheet, or `agency`.
fn list_of(stem: &str, key: &str) -> Option<&'static str> {
    Some(match (stem, key) {
        ("agencies", "group") => "group",
        (_, "agency") => "agency",
        ("findings" | "lookback", "kind") => "kind",
        ("tasks", "task") => "task",
        ("tasks", "status") => "task-status",
        ("measures", "indicator") => "indicator",
        ("awards", "bonus") => "bonus",
        ("lookback", "status") => "lookback-status",
        ("survey", "survey") => "survey",
        ("survey", "below_minimum") => "flag",
        ("appeals", "decision") => "decision",
        _ => return None,
    })
}

/// What a column holds, for its cell format.
fn cell_of(key: &str) -> Cell {
    match key {
        "date" | "completed" => Cell::Date,
        "id" | "agency" | "parent" | "finding" => Cell::Text,
        _ => Cell::Any,
    }
}

/// A sheet of one input kind: bold Chinese headers, formats and drop-downs on the data rows.
fn data_sheet(ws: &mut Worksheet, stem: &str, lists: &[(&str, List)]) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_background_color("DDEBF7");
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.set_freeze_panes(1, 0)?;
    for (c, key) in keys(stem).0.into_iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, chinese(stem, key), &header)?;
        let wide = matches!(key, "evidence" | "note" | "kind" | "name");
        ws.set_column_width(c, if wide { 36 } else { 14 })?;
        match cell_of(key) {
            Cell::Text => {
                ws.set_column_format(c, &text)?;
            }
            Cell::Date => {
                ws.set_column_format(c, &date)?;
            }
            Cell::Any => {}
        }
        let Some(list) = list_of(stem, key) else { continue };
        let source = if list == "agency" {
            // The 单位 sheet's names: agencies added there are offered at once.
            format!("='{}'!$B$2:$B${}", SHEETS[0].1, ROWS + 1)
        } else {
            let i = lists.iter().position(|(k, _)| *k == list).unwrap_or(0);
            let n = lists[i].1.values.len().max(1) as u32;
            format!("='{LISTS_SHEET}'!${col}$2:${col}${}", n + 1, col = column_letter(i))
        };
        // A warning, not a refusal: an id typed instead of a name is also accepted on reading.
        let v = DataValidation::new()
            .allow_list_formula(Formula::new(source))
            .set_error_style(DataValidationErrorStyle::Warning);
        ws.add_data_validation(1, c, ROWS, c, &v)?;
    }
    Ok(())
}

/// Spreadsheet column letters for a small index (0 → A).
fn column_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// The agencies from `--data` on the 单位 sheet (groups by their names).
fn fill_agencies(
    ws: &mut Worksheet,
    scheme: &Scheme,
    agencies: &[Agency],
) -> Result<(), XlsxError> {
    let text = Format::new().set_num_format("@");
    for (r, a) in agencies.iter().enumerate() {
        let r = r as u32 + 1;
        let group = scheme.group(&a.group).map_or(a.group.as_str(), |g| g.name.as_str());
        ws.write_string_with_format(r, 0, &a.id, &text)?;
        ws.write_string(r, 1, &a.name)?;
        ws.write_string(r, 2, group)?;
        if let Some(p) = &a.parent {
            ws.write_string_with_format(r, 3, p, &text)?;
        }
    }
    Ok(())
}

/// The 选项 sheet: one column per drop-down list.
fn lists_sheet(ws: &mut Worksheet, lists: &[(&str, List)]) -> Result<(), XlsxError> {
    ws.set_name(LISTS_SHEET)?;
    let header = Format::new().set_bold();
    for (c, (_, list)) in lists.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &list.title, &header)?;
        ws.set_column_width(c, 24)?;
        for (r, v) in list.values.iter().enumerate() {
            ws.write_string(r as u32 + 1, c, v)?;
        }
    }
    Ok(())
}

/// The 说明 sheet: how to fill the workbook, then every sheet's columns described.
fn guide_sheet(ws: &mut Worksheet, scheme: &Scheme) -> Result<(), XlsxError> {
    ws.set_name(GUIDE_SHEET)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 10)?;
    ws.set_column_width(3, 80)?;
    ws.write_string_with_format(
        0,
        0,
        crate::t!("template-title", scheme = scheme.title.as_str()),
        &bold,
    )?;
    ws.write_string_with_format(1, 0, crate::t!("template-how"), &wrap)?;
    let head = [
        "template-head-sheet",
        "template-head-column",
        "template-head-required",
        "template-head-meaning",
    ];
    for (c, id) in head.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, crate::t!(id), &bold)?;
    }
    let needed = needed_kinds(scheme);
    let mut row = 4;
    for (stem, sheet) in SHEETS {
        let used = matches!(stem, "agencies" | "appeals") || needed.contains(&stem);
        let about = crate::t!(&format!("template-sheet-{stem}"));
        let about = if used { about } else { crate::t!("template-sheet-unused", about = about) };
        ws.write_string_with_format(row, 0, sheet, &bold)?;
        ws.write_string_with_format(row, 3, about, &wrap)?;
        row += 1;
        let (all, required) = keys(stem);
        for (i, key) in all.iter().enumerate() {
            let id = format!("template-col-{stem}-{}", key.replace('_', "-"));
            ws.write_string(row, 1, chinese(stem, key))?;
            if i < required {
                ws.write_string(row, 2, crate::t!("template-required"))?;
            }
            ws.write_string_with_format(row, 3, crate::t!(&id), &wrap)?;
            row += 1;
        }
    }
    ws.write_string_with_format(
        row + 1,
        0,
        crate::t!("template-lists", sheet = LISTS_SHEET),
        &wrap,
    )?;
    ws.set_active(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_word_offered_is_read() {
        let scheme =
            crate::rules::parse(include_bytes!("../../scoring-rules/shanxi-2022.toml"), "r.toml")
                .unwrap();
        let lists = lists(&scheme);
        let words = |k: &str| lists.iter().find(|(key, _)| *key == k).unwrap().1.values.clone();
        for w in words("lookback-status") {
            assert!(crate::rules::Rectification::parse(&w).is_some(), "{w}");
        }
        // Every kind offered resolves to a kind of the scheme.
        let names = resolve::kind_names(&scheme);
        for k in words("kind") {
            let id = match names.resolve(&k) {
                Resolved::Id(id) => id,
                _ => k.clone(),
            };
            assert!(scheme.knows_kind(&id), "{k}");
        }
    }
}
