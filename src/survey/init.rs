//! `kaohe survey init EXPORT`: draft a questionnaire from a survey team's export.
//!
//! The draft lists every question column (matrix rows included) with the answers seen, in
//! order (numerically for `N分` scales), groups identical answer sets into shared scales, and
//! lists the metadata columns. What only the team can decide is marked `TODO` (`待填` in the
//! Chinese draft): option values (a suggestion is written beside known satisfaction labels),
//! question and group weights, the
//! agency column and its id table, the respondent-group column. The draft is valid TOML but does
//! not load until those are filled in, so nothing undecided slips into an import.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::survey::wjx::{self, Header};
use crate::util::encoding::TextEncoding;
use crate::util::table::{Table, read_table};

/// Most distinct answers listed for one column; more means free text, not a choice.
const MAX_OPTIONS: usize = 30;

/// Suggested values for common satisfaction labels.
const SUGGEST: [(&str, &str); 8] = [
    ("非常满意", "100"),
    ("满意", "80"),
    ("比较满意", "80"),
    ("基本满意", "60"),
    ("一般", "60"),
    ("不满意", "40"),
    ("非常不满意", "20"),
    ("不了解", "dont_know"),
];

struct Column {
    header: String,
    text: String,
    answers: Vec<String>,
    kind: &'static str,
    /// The matrix a row belongs to: its rows share one scale.
    matrix: Option<String>,
    /// `*必答` in the header: the questionnaire made it required.
    required: bool,
    /// The answers are in questionnaire order, observed by pairing with the by-number export.
    confirmed: bool,
}

/// The by-number export paired with a by-text one: its rows by response (序号, 提交答卷时间).
struct Pairing<'t> {
    number: &'t Table,
    rows: HashMap<(String, String), usize>,
    text_key: (usize, Option<usize>),
}

impl<'t> Pairing<'t> {
    fn new(text: &Table, number: &'t Table, display: &str) -> Result<Pairing<'t>> {
        let key = |t: &Table| {
            let at = |name: &str| t.headers.iter().position(|h| h.trim() == name);
            at(wjx::RESPONSE_ID).map(|id| (id, at("提交答卷时间")))
        };
        let (Some(text_key), Some(number_key)) = (key(text), key(number)) else {
            return Err(Error::Usage(crate::t!("survey-init-pairing-id", file = display)));
        };
        let cell = |t: &Table, r: usize, c: Option<usize>| {
            c.and_then(|c| t.rows[r].cells.get(c)).map(|s| s.trim().to_string()).unwrap_or_default()
        };
        let rows = (0..number.rows.len())
            .map(|r| ((cell(number, r, Some(number_key.0)), cell(number, r, number_key.1)), r))
            .collect();
        Ok(Pairing { number, rows, text_key })
    }

    /// For the text export's column `c` (header `h`): each label's position, as the paired rows
    /// show it; `None` if the column is not in the by-number export or a label has two positions.
    fn positions(&self, text: &Table, c: usize, h: &str) -> Option<HashMap<String, usize>> {
        let n = self.number.headers.iter().position(|x| x.trim() == h.trim())?;
        let mut map: HashMap<String, usize> = HashMap::new();
        for row in &text.rows {
            let get = |i: Option<usize>| {
                i.and_then(|i| row.cells.get(i)).map(|s| s.trim().to_string()).unwrap_or_default()
            };
            let key = (get(Some(self.text_key.0)), get(self.text_key.1));
            let Some(&r) = self.rows.get(&key) else { continue };
            let label = get(Some(c));
            if wjx::is_blank(&label) {
                continue;
            }
            let label = wjx::strip_other(&label).unwrap_or(&label).to_string();
            let pos = wjx::position(self.number.rows[r].cells.get(n)?.trim())?;
            if *map.entry(label).or_insert(pos) != pos {
                return None;
            }
        }
        Some(map)
    }
}

/// Order a scale's labels by their observed positions, a position nobody chose as a TODO label;
/// `None` when a label's position was not observed.
fn by_position(labels: &[String], pos: &HashMap<String, usize>) -> Option<Vec<String>> {
    let mut at: Vec<(usize, &String)> =
        labels.iter().map(|l| pos.get(l).map(|&p| (p, l))).collect::<Option<_>>()?;
    at.sort();
    let max = at.last().map(|&(p, _)| p).unwrap_or(0);
    Some(
        (1..=max)
            .map(|p| match at.iter().find(|&&(q, _)| q == p) {
                Some((_, l)) => (*l).clone(),
                None => crate::t!("survey-init-unchosen-label", position = p),
            })
            .collect(),
    )
}

/// Numbers above this in a column are ids or counts (agency_id 140100), not ratings or positions.
const MAX_RATING_NUMBER: f64 = 100.0;

fn toml_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Order answers: numerically for `N分`/numbers, otherwise as first seen.
fn order(mut v: Vec<String>) -> Vec<String> {
    let num = |s: &str| s.trim_end_matches('分').parse::<f64>().ok();
    if v.iter().all(|s| num(s).is_some()) {
        v.sort_by(|a, b| num(a).partial_cmp(&num(b)).unwrap_or(std::cmp::Ordering::Equal));
    } else if v.iter().any(|s| SUGGEST.iter().any(|(l, _)| l == s)) {
        v.sort_by_key(|s| SUGGEST.iter().position(|(l, _)| l == s).unwrap_or(usize::MAX));
    }
    v
}

/// Draft questionnaire TOML for an export; given the by-text and by-number exports of one survey
/// (in that order), rows are paired by response to learn each option's position.
pub fn draft(paths: &[PathBuf], encoding: Option<TextEncoding>) -> Result<String> {
    let path: &Path = &paths[0];
    let display = path.display().to_string();
    let table = read_table(path, &display, encoding)?;
    let number = match paths.get(1) {
        Some(p) => Some(read_table(p, &p.display().to_string(), encoding)?),
        None => None,
    };
    let pairing = match &number {
        Some(n) => Some(Pairing::new(&table, n, &display)?),
        None => None,
    };
    let Scan { mut columns, learned, metadata, skipped } = scan(&table, pairing.as_ref());
    share_matrix_scales(&mut columns, &learned);
    let by_number = mark_by_number(&mut columns);
    let (scales, scale_of) = shared_scales(&columns);

    let mut o = String::new();
    write_preamble(&mut o, &display, table.rows.len(), by_number, &metadata);
    write_scales(&mut o, &scales);
    write_fixed_sections(&mut o, &metadata);
    write_questions(&mut o, &columns, &scale_of);
    if !skipped.is_empty() {
        let _ = writeln!(o, "\n# {}", crate::t!("survey-init-skipped"));
        for s in skipped {
            let _ = writeln!(o, "#   {s}");
        }
    }
    Ok(o)
}

/// What a pass over the export's columns found.
struct Scan {
    /// The columns drafted as rated questions.
    columns: Vec<Column>,
    /// Per column: the option positions observed by pairing with the by-number export.
    learned: Vec<Option<HashMap<String, usize>>>,
    metadata: Vec<String>,
    /// Columns not drafted, each with why.
    skipped: Vec<String>,
}

/// Classify every column of the export: metadata, skipped (with why) or a rated question.
fn scan(table: &Table, pairing: Option<&Pairing>) -> Scan {
    let mut sc = Scan {
        columns: Vec::new(),
        learned: Vec::new(),
        metadata: Vec::new(),
        skipped: Vec::new(),
    };
    let mut in_matrix: Option<String> = None;
    for (i, h) in table.headers.iter().enumerate() {
        let (answers, free_text, multi) = distinct_answers(table, i);
        let Some((text, kind)) = classify(h, &mut in_matrix, &mut sc) else {
            continue;
        };
        if let Some(why) = not_a_rating(h, &answers, multi, free_text) {
            sc.skipped.push(why);
            continue;
        }
        let matrix = if kind == "matrix row" { in_matrix.clone() } else { None };
        sc.learned.push(pairing.and_then(|p| p.positions(table, i, h)));
        sc.columns.push(Column {
            header: h.trim().to_string(),
            text,
            answers,
            kind,
            matrix,
            required: h.contains("*必答"),
            confirmed: false,
        });
    }
    sc
}

/// The distinct answers in column `i` (at most [`MAX_OPTIONS`]), whether there were more (free
/// text), and whether any answer holds several choices.
fn distinct_answers(table: &Table, i: usize) -> (Vec<String>, bool, bool) {
    let mut answers: Vec<String> = Vec::new();
    let mut free_text = false;
    let mut multi = false;
    for row in &table.rows {
        let c = row.cells.get(i).map(|s| s.trim()).unwrap_or("");
        if wjx::is_blank(c) {
            continue;
        }
        if c.contains('┋') || c.contains('→') {
            multi = true;
        }
        let c = wjx::strip_other(c).unwrap_or(c);
        if !answers.iter().any(|a| a == c) {
            if answers.len() == MAX_OPTIONS {
                free_text = true;
                break;
            }
            answers.push(c.to_string());
        }
    }
    (answers, free_text, multi)
}

/// A column's question text and kind from its header; `None` (recorded in `sc`) for metadata
/// and columns that are not ratings. Tracks the matrix the following bare rows belong to.
fn classify(
    h: &str,
    in_matrix: &mut Option<String>,
    sc: &mut Scan,
) -> Option<(String, &'static str)> {
    Some(match wjx::header(h) {
        Header::Metadata(m) => {
            sc.metadata.push(m);
            *in_matrix = None;
            return None;
        }
        Header::ChoiceOption { number, option } => {
            sc.skipped.push(crate::t!(
                "survey-init-choice-option",
                header = h,
                number = number,
                option = option
            ));
            *in_matrix = None;
            return None;
        }
        Header::MatrixFirst { title, row, .. } => {
            *in_matrix = Some(title.clone());
            (format!("{title} — {row}"), "matrix row")
        }
        Header::Question { title, kind, .. } => {
            *in_matrix = None;
            // wjx names the type: fill-in and multiple-choice questions are not ratings.
            if let Some(k) = kind
                .as_deref()
                .filter(|k| k.contains("填空") || k.contains("多选") || k.contains("排序"))
            {
                sc.skipped.push(crate::t!("survey-init-typed-not-rating", header = h, kind = k));
                return None;
            }
            (title, "question")
        }
        Header::Other(t) => match in_matrix {
            Some(m) => (format!("{m} — {t}"), "matrix row"),
            None => (t, "column"),
        },
    })
}

/// Why a column's answers are not a rating (several choices, free text, ids or counts), if so.
fn not_a_rating(h: &str, answers: &[String], multi: bool, free_text: bool) -> Option<String> {
    if multi {
        return Some(crate::t!("survey-init-multiple-choice", header = h));
    }
    if free_text {
        return Some(crate::t!("survey-init-free-text", header = h, max = MAX_OPTIONS));
    }
    let number = |a: &String| a.trim_end_matches('分').parse::<f64>().ok();
    if let Some(max) = answers
        .iter()
        .map(number)
        .collect::<Option<Vec<f64>>>()
        .and_then(|v| v.into_iter().reduce(f64::max).filter(|&m| m > MAX_RATING_NUMBER))
    {
        return Some(crate::t!("survey-init-numbers", header = h, max = max.to_string()));
    }
    None
}

/// A matrix's rows share its scale: the union of the answers seen in any row.
fn share_matrix_scales(columns: &mut [Column], learned: &[Option<HashMap<String, usize>>]) {
    let mut i = 0;
    while i < columns.len() {
        let mut j = i + 1;
        if columns[i].matrix.is_some() {
            while j < columns.len() && columns[j].matrix == columns[i].matrix {
                j += 1;
            }
        }
        let mut union: Vec<String> = Vec::new();
        for c in &columns[i..j] {
            for a in &c.answers {
                if !union.contains(a) {
                    union.push(a.clone());
                }
            }
        }
        // Positions observed for every label, consistently across the matrix's rows.
        let mut pos: Option<HashMap<String, usize>> = Some(HashMap::new());
        for l in &learned[i..j] {
            pos = match (pos, l) {
                (Some(mut acc), Some(l)) => {
                    let agree = l.iter().all(|(k, v)| *acc.entry(k.clone()).or_insert(*v) == *v);
                    agree.then_some(acc)
                }
                _ => None,
            };
        }
        let observed = pos.as_ref().and_then(|p| by_position(&union, p));
        let confirmed = observed.is_some();
        let union = observed.unwrap_or_else(|| order(union));
        for c in &mut columns[i..j] {
            c.answers = union.clone();
            c.confirmed = confirmed;
        }
        i = j;
    }
}

/// A by-number export: most question columns hold only option positions (a free-text column
/// the header did not mark can hold anything). Their answers become positions 1..max.
fn mark_by_number(columns: &mut [Column]) -> bool {
    let numeric =
        |c: &Column| !c.answers.is_empty() && c.answers.iter().all(|a| wjx::position(a).is_some());
    let by_number = 2 * columns.iter().filter(|c| numeric(c)).count() > columns.len();
    if by_number {
        // Positions 1..max: the labels are in the by-text export (or the questionnaire), not here.
        for c in columns.iter_mut().filter(|c| numeric(c)) {
            let max = c.answers.iter().filter_map(|a| wjx::position(a)).max().unwrap_or(1);
            c.answers = (1..=max).map(|p| crate::t!("survey-init-label", position = p)).collect();
            c.confirmed = true;
        }
    }
    by_number
}

/// Shared scales (identical answer sets) and the scale of each column.
fn shared_scales(columns: &[Column]) -> (Vec<(Vec<String>, bool)>, Vec<usize>) {
    let mut scales: Vec<(Vec<String>, bool)> = Vec::new();
    let mut scale_of = Vec::new();
    for c in columns {
        let s = match scales.iter().position(|s| s.0 == c.answers && s.1 == c.confirmed) {
            Some(s) => s,
            None => {
                scales.push((c.answers.clone(), c.confirmed));
                scales.len() - 1
            }
        };
        scale_of.push(s);
    }
    (scales, scale_of)
}

/// The draft's opening comment and top-level keys.
fn write_preamble(
    o: &mut String,
    display: &str,
    rows: usize,
    by_number: bool,
    metadata: &[String],
) {
    let _ = writeln!(o, "{}", crate::t!("survey-init-preamble", file = display, rows = rows));
    let _ = writeln!(o, "id = \"TODO-survey-id\"");
    let _ = writeln!(o, "title = {}", toml_str(&crate::t!("survey-init-todo")));
    let form = if by_number { "number" } else { "text" };
    let _ =
        writeln!(o, "answers = \"{form}\"  # {}", crate::t!("survey-init-answers", form = form));
    if !metadata.is_empty() {
        let _ =
            writeln!(o, "# {}", crate::t!("survey-init-metadata", columns = metadata.join(", ")));
    }
}

/// One `[scales.sN]` table per shared scale, options in order with suggested values.
fn write_scales(o: &mut String, scales: &[(Vec<String>, bool)]) {
    for (k, (s, confirmed)) in scales.iter().enumerate() {
        let _ = writeln!(o, "\n[scales.s{}]", k + 1);
        if !confirmed {
            let _ = writeln!(
                o,
                "{}\npositions_confirmed = false",
                crate::t!("survey-init-order-unobserved")
            );
        }
        let _ = writeln!(o, "{}", crate::t!("survey-init-scale-todo"));
        let _ = writeln!(o, "options = [");
        for a in s {
            let hint = SUGGEST
                .iter()
                .find(|(l, _)| l == a)
                .map(|(_, v)| crate::t!("survey-init-suggested", value = *v))
                .unwrap_or_default();
            let todo = crate::t!("survey-init-todo-value");
            let _ = writeln!(o, "  {{ label = {} }}, # {todo}{hint}", toml_str(a));
        }
        let _ = writeln!(o, "]");
    }
}

/// The sections the survey team fills in: agency, respondents, minimum and screening.
fn write_fixed_sections(o: &mut String, metadata: &[String]) {
    let _ = writeln!(o, "\n[agency]");
    let _ = writeln!(o, "{}", crate::t!("survey-init-agency-todo"));
    let todo = toml_str(&crate::t!("survey-init-todo"));
    let _ = writeln!(o, "column = {todo}");
    let _ = writeln!(o, "options = [ {{ label = {todo}, id = \"TODO\" }} ]");
    let _ = writeln!(o, "\n[respondents]");
    let _ = writeln!(o, "{}", crate::t!("survey-init-respondents-todo"));
    let _ = writeln!(o, "column = {todo}");
    let _ = writeln!(o, "groups = [ {{ id = \"public\", label = {todo}, weight = 1 }} ]");
    let _ = writeln!(o, "\n[minimum]\nsample = 30  # {}", crate::t!("survey-init-sample-todo"));
    let _ = writeln!(o, "below = \"flag\"  # {}", crate::t!("survey-init-below-todo"));
    let _ = writeln!(o, "\n[screening]");
    if metadata.iter().any(|m| m == "所用时间") {
        let _ = writeln!(o, "# min_seconds = 60  # {}", crate::t!("survey-init-seconds-todo"));
    }
    if metadata.iter().any(|m| m == "来自IP") {
        let todo = crate::t!("survey-init-todo");
        let _ =
            writeln!(o, "# duplicates = {{ columns = [\"来自IP\"], keep = \"first\" }}  # {todo}");
    }
}

/// One `[[questions]]` table per drafted column.
fn write_questions(o: &mut String, columns: &[Column], scale_of: &[usize]) {
    for (c, s) in columns.iter().zip(scale_of) {
        let id = format!("q{}", columns.iter().position(|x| std::ptr::eq(x, c)).unwrap_or(0) + 1);
        let _ = writeln!(
            o,
            "\n[[questions]]  # {}",
            crate::t!("survey-init-kind", kind = c.kind.replace(' ', "-"))
        );
        let _ = writeln!(o, "id = \"{id}\"");
        let _ = writeln!(o, "text = {}", toml_str(&c.text));
        let _ = writeln!(o, "column = {}", toml_str(&c.header));
        let _ = writeln!(o, "scale = \"s{}\"", s + 1);
        let _ = writeln!(o, "weight = 1  # {}", crate::t!("survey-init-todo"));
        if c.required {
            let _ = writeln!(o, "required = true  # {}", crate::t!("survey-init-required"));
        } else {
            let _ = writeln!(o, "required = false  # {}", crate::t!("survey-init-optional"));
        }
    }
}
