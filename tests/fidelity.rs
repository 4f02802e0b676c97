//! Issue 14: docs/shanxi-2022-fidelity.md marks each of the circular's 56 requirements scored,
//! justified or not covered in scoring-rules/shanxi-2022.toml; at least 50 must be scored or
//! justified, and every indicator id and kind the table names must exist in the rules file.

mod util;

use util::*;

/// The requirement rows of the table: (number, v2 indicator cell, status cell).
fn rows() -> Vec<(u32, String, String)> {
    let text = read(&repo().join("docs/shanxi-2022-fidelity.md"));
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // | # | requirement | clause | v1 item | v1 applicability | v1 review | v2 | status |
            let n = cells.get(1)?.parse::<u32>().ok()?;
            (cells.len() == 10).then(|| (n, cells[7].to_string(), cells[8].to_string()))
        })
        .collect()
}

#[test]
fn every_requirement_has_a_row_and_at_least_50_are_scored_or_justified() {
    let rows = rows();
    let numbers: Vec<u32> = rows.iter().map(|r| r.0).collect();
    assert_eq!(numbers, (1..=56).collect::<Vec<_>>(), "rows 1 to 56, once each, in order");
    for (n, _, status) in &rows {
        assert!(
            ["scored", "justified", "not covered"].contains(&status.as_str()),
            "requirement {n}: status `{status}`"
        );
    }
    let covered = rows.iter().filter(|r| r.2 == "scored" || r.2 == "justified").count();
    assert!(covered >= 50, "{covered} of 56 scored or justified");
    // The figure the document states is the count of its rows.
    let text = read(&repo().join("docs/shanxi-2022-fidelity.md"));
    let scored = rows.iter().filter(|r| r.2 == "scored").count();
    let justified = rows.iter().filter(|r| r.2 == "justified").count();
    let stated = format!("{scored} scored + {justified} justified = {covered} of 56");
    assert!(text.contains(&stated), "the document states `{stated}`");
}

#[test]
fn the_indicators_and_kinds_named_exist_in_the_rules() {
    let rules = read(&rules());
    let ids: Vec<String> = rules
        .lines()
        .filter_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"').map(str::to_string))
        .collect();
    let is_id = |w: &str| {
        let first = w.split('.').next().unwrap_or("");
        let dim = first.len() >= 2 && first.starts_with('D') && first[1..].parse::<u32>().is_ok();
        dim || ["L", "R", "W", "E"].contains(&first)
    };
    let mut named = 0;
    for (n, cell, status) in rows() {
        if status == "scored" {
            assert!(!cell.starts_with('—'), "requirement {n} is scored but names no indicator");
        }
        for w in cell.split(|c: char| c.is_whitespace() || "(),;/".contains(c)) {
            let w = w.trim_matches('`');
            if is_id(w) {
                assert!(ids.iter().any(|i| i == w), "requirement {n}: no indicator `{w}`");
                named += 1;
            }
        }
        let mut parts = cell.split('`');
        while let (Some(_), Some(kind)) = (parts.next(), parts.next()) {
            assert!(
                rules.contains(&format!("\"{kind}\"")),
                "requirement {n}: `{kind}` is not a kind, bonus or veto of the rules"
            );
            named += 1;
        }
    }
    assert!(named > 56, "the table names the indicators and kinds: {named}");
}
