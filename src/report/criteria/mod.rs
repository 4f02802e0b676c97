//! The published 评分细则 (scoring criteria) of a scheme, written from the rules file alone: the
//! indicator table (一级指标, 二级指标 and deeper, 分值, 评分标准, 适用对象, 依据) with each
//! rule written out in words, then the method, how indicators combine, bonus, penalties, vetoes,
//! the look-back and the grade bands with quotas. `kaohe rules table` writes it as Markdown, Word
//! or Excel (merged cells, A4 landscape). Nothing is typed
//! twice: every word comes from the TOML and the criteria.ftl catalogue.

mod docx;
mod sections;
mod sentence;
mod write;

use crate::error::Result;
use crate::report::document::{Block, Document, Table};
use crate::rules::Scheme;
use crate::rules::scheme::Applicability;
use crate::t;

use sentence::num;

/// The file kinds the table is written as, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Docx,
    Xlsx,
}

impl Format {
    /// `.md`, `.docx` or `.xlsx` (any case); `None` for anything else.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// One row of the indicator table: a leaf item under its ancestors.
#[derive(Debug, Clone)]
pub struct Row {
    /// Node indices from the dimension down to the leaf.
    pub path: Vec<usize>,
    pub points: String,
    pub standard: String,
    pub applies: String,
    pub basis: String,
}

/// The criteria of a scheme, in the current language.
#[derive(Debug, Clone)]
pub struct Criteria {
    pub title: String,
    /// The basis line and the method, before the table.
    pub intro: Vec<Block>,
    /// Levels of the tree (columns 一级指标 …).
    pub depth: usize,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// The text of each node's level cell (`name（N分）` for a node with children).
    pub labels: Vec<String>,
    /// Composition, bonus, penalty, vetoes, look-back and grades.
    pub after: Vec<Block>,
}

/// Agency names by id (单位名称 of the data's agencies): 适用对象 names an agency a scheme lists
/// by its name where one is known, else by its id.
pub type AgencyNames = std::collections::BTreeMap<String, String>;

/// Builds the criteria of `scheme`, agencies named from `names` where it has them.
pub fn build_named(scheme: &Scheme, names: &AgencyNames) -> Criteria {
    let mut rows = vec![];
    for &root in &scheme.roots {
        walk(scheme, names, root, &mut vec![], &mut rows);
    }
    let depth = rows.iter().map(|r| r.path.len()).max().unwrap_or(1);
    let mut header: Vec<String> = (1..=depth).map(|n| t!("criteria-level", n = n)).collect();
    for id in [
        "criteria-col-points",
        "criteria-col-standard",
        "criteria-col-applies",
        "criteria-col-basis",
    ] {
        header.push(crate::util::i18n::tr(id, &[]));
    }
    let labels = scheme
        .nodes
        .iter()
        .map(|n| {
            if n.method().is_some() {
                n.name.clone()
            } else if n.parent.is_none() && n.weight != rust_decimal::Decimal::ONE {
                t!(
                    "criteria-node-weighted",
                    name = n.name,
                    points = num(n.max),
                    weight = num(n.weight)
                )
            } else {
                t!("criteria-node-points", name = n.name, points = num(n.max))
            }
        })
        .collect();
    let basis = sentence::capitalised(&t!("criteria-basis-line", basis = scheme.basis));
    let mut intro = vec![Block::Paragraph(basis)];
    intro.extend(sections::method(scheme));
    let mut after = sections::composition(scheme);
    after.extend(sections::bonus(scheme, names));
    after.extend(sections::penalty(scheme));
    after.extend(sections::vetoes(scheme));
    after.extend(sections::lookback(scheme));
    after.extend(sections::grades(scheme));
    Criteria {
        title: t!("criteria-title", title = scheme.title),
        intro,
        depth,
        header,
        rows,
        labels,
        after,
    }
}

fn walk(
    scheme: &Scheme,
    names: &AgencyNames,
    node: usize,
    path: &mut Vec<usize>,
    rows: &mut Vec<Row>,
) {
    path.push(node);
    let n = &scheme.nodes[node];
    if n.method().is_some() {
        let applies: Vec<&Applicability> = path.iter().map(|&i| &scheme.nodes[i].applies).collect();
        rows.push(Row {
            path: path.clone(),
            points: num(n.max),
            standard: sentence::leaf(scheme, node),
            applies: sections::applies(scheme, names, &applies),
            basis: n.basis.clone(),
        });
    } else {
        for &c in n.children() {
            walk(scheme, names, c, path, rows);
        }
    }
    path.pop();
}

impl Criteria {
    /// The level cells of row `r`: a node's label on its first row, blank below it (merged).
    pub fn level_cells(&self, r: usize) -> Vec<String> {
        let row = &self.rows[r];
        (0..self.depth)
            .map(|level| match row.path.get(level) {
                Some(&node) if level + 1 == row.path.len() => self.labels[node].clone(),
                Some(&node) if r > 0 && self.rows[r - 1].path.get(level) == Some(&node) => {
                    String::new()
                }
                Some(&node) => self.labels[node].clone(),
                None => String::new(),
            })
            .collect()
    }

    /// The indicator table as a document table (blank cells where a node spans rows).
    pub fn table(&self) -> Table {
        let rows = (0..self.rows.len())
            .map(|r| {
                let row = &self.rows[r];
                let mut cells = self.level_cells(r);
                cells.extend([
                    row.points.clone(),
                    row.standard.clone(),
                    row.applies.clone(),
                    row.basis.clone(),
                ]);
                cells
            })
            .collect();
        let mut numeric = vec![false; self.header.len()];
        numeric[self.depth] = true;
        Table {
            caption: t!("criteria-table-caption"),
            header: self.header.clone(),
            rows,
            numeric,
            landscape: true,
        }
    }

    /// The whole criteria as a document (for Markdown).
    pub fn document(&self) -> Document {
        let mut blocks = self.intro.clone();
        blocks.push(Block::Heading(t!("criteria-table-caption")));
        blocks.push(Block::Table(self.table()));
        blocks.extend(self.after.iter().cloned());
        Document { title: self.title.clone(), issuer: String::new(), date: String::new(), blocks }
    }
}

/// The criteria of `scheme` as the bytes of a file of `format`, agencies named from `names`.
pub fn render(scheme: &Scheme, names: &AgencyNames, format: Format) -> Result<Vec<u8>> {
    let c = build_named(scheme, names);
    match format {
        Format::Markdown => Ok(write::markdown(&c.document()).into_bytes()),
        Format::Docx => docx::docx(&c),
        Format::Xlsx => write::xlsx(&c),
    }
}

#[cfg(test)]
mod tests;
