//! report.docx from `kaohe report` on the bundled example, unpacked with `unzip -p`: the title
//! and an agency's ranking row are in word/document.xml, every chart placed in the document is a
//! PNG under word/media, header rows repeat and wide tables sit in landscape sections.

mod report_publish;

use std::process::Command;

use report_publish::{ISSUER, TITLE, ranked, report};

fn unzip(member: &str) -> Vec<u8> {
    let docx = report().join("report.docx");
    let out = Command::new("unzip").arg("-p").arg(&docx).arg(member).output().expect("unzip runs");
    assert!(out.status.success(), "unzip -p {member}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn listing() -> String {
    let docx = report().join("report.docx");
    let out = Command::new("unzip").arg("-l").arg(&docx).output().expect("unzip runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The text of each `w:tr` (table row), cell texts in order.
fn rows(xml: &str) -> Vec<Vec<String>> {
    let doc = roxmltree::Document::parse(xml).expect("document.xml is XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "tr")
        .map(|tr| {
            tr.children()
                .filter(|c| c.tag_name().name() == "tc")
                .map(|tc| {
                    tc.descendants()
                        .filter(|t| t.tag_name().name() == "t")
                        .filter_map(|t| t.text())
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn title_masthead_and_an_agency_row() {
    let xml = String::from_utf8(unzip("word/document.xml")).unwrap();
    assert!(xml.contains(TITLE), "title missing");
    assert!(xml.contains(ISSUER), "issuer missing");
    let rows = rows(&xml);
    for group in ["city", "county", "department"] {
        let (_, rank, id, name, total) = ranked(report(), group, "1");
        let row = rows.iter().find(|r| r.get(1) == Some(&id));
        let row = row.unwrap_or_else(|| panic!("no table row for {id}"));
        assert_eq!(&row[..4], &[rank, id, name, total]);
    }
}

#[test]
fn charts_are_embedded_as_png() {
    let list = listing();
    let media: Vec<&str> = list.lines().filter(|l| l.contains("word/media/")).collect();
    // Charts the document places: the distribution, and per group ranking, composition, heat map.
    let charts = std::fs::read_dir(report().join("charts"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".png"))
        .filter(|n| {
            ["distribution", "ranking-", "composition-", "heatmap-"]
                .iter()
                .any(|s| n.starts_with(s))
        })
        .count();
    // One distribution chart, and for each of the three groups (city, county, department) a ranking,
    // composition and heat-map chart, each possibly split into numbered parts for A4.
    let names: Vec<String> = std::fs::read_dir(report().join("charts"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    for kind in ["ranking", "composition", "heatmap"] {
        for group in ["city", "county", "department"] {
            let whole = format!("{kind}-{group}.png");
            let part = format!("{kind}-{group}-1.png");
            assert!(names.contains(&whole) || names.contains(&part), "no {kind} chart for {group}");
        }
    }
    assert!(charts > 3 * 3, "expected at least the example's ten page charts");
    assert_eq!(media.iter().filter(|l| l.trim_end().ends_with(".png")).count(), charts, "{list}");
    for l in media.iter().filter(|l| l.trim_end().ends_with(".png")) {
        let name = l.split_whitespace().last().unwrap();
        assert_eq!(&unzip(name)[..8], b"\x89PNG\r\n\x1a\n", "{name} is not a PNG");
    }
    let rels = String::from_utf8(unzip("word/_rels/document.xml.rels")).unwrap();
    assert_eq!(rels.matches("relationships/image").count(), charts, "{rels}");
}

#[test]
fn header_rows_repeat_and_ranking_tables_are_landscape() {
    let xml = String::from_utf8(unzip("word/document.xml")).unwrap();
    // Four tables (grade bands and three groups), each with one repeating header row.
    assert_eq!(xml.matches("<w:tblHeader />").count(), 4);
    assert_eq!(xml.matches("w:orient=\"landscape\"").count(), 3);
}
