//! A totals-only run (what robustness replicates use: no ledger text, no indicator values kept)
//! gives every agency the total a full run gives, and the total worked by hand in the rules file's
//! cases. The composite schemes normalise inner indicators on the data, which needs the values of
//! a first pass over every agency: a totals-only run once dropped them and scored such an
//! indicator as if no agency had a value.

use std::path::Path;

use kaohe::score::{Texts, score_with};

fn check_scheme(file: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let scheme = kaohe::rules::load(&path, file).unwrap();
    assert!(!scheme.cases.is_empty(), "{file} carries no case");
    let mut compared = 0;
    for case in &scheme.cases {
        let inputs = kaohe::input::case::inputs(case, &scheme.source);
        kaohe::input::check::check(&scheme, &inputs).unwrap();
        let full = score_with(&scheme, &inputs, Texts::Keep).unwrap();
        let totals = score_with(&scheme, &inputs, Texts::TotalsOnly).unwrap();
        assert_eq!(full.len(), totals.len(), "{file} case {:?}", case.name);
        for (f, t) in full.iter().zip(&totals) {
            assert_eq!(f.agency_id, t.agency_id);
            assert_eq!(f.total, t.total, "{file} case {:?}: {}", case.name, f.agency_id);
            assert!(t.ledger.is_empty(), "a totals-only run keeps no ledger");
        }
        // The totals the case works out by hand (before ranking: a case's grades and ranks are
        // the rank layer's).
        for e in &case.expect {
            let Some(want) = e.total else { continue };
            let Some(t) = totals.iter().find(|a| a.agency_id == e.agency) else {
                panic!("{file} case {:?}: no agency {}", case.name, e.agency)
            };
            assert!(
                (t.total - want).abs() <= case.tolerance,
                "{file} case {:?}: {} totals {} in a totals-only run, worked by hand {want}",
                case.name,
                e.agency,
                t.total
            );
            compared += 1;
        }
    }
    assert!(compared > 0, "{file}: no hand-worked total compared");
}

/// Min-max on the data (x, y) under a weighted mean, imputation by parent.
#[test]
fn composite_example_totals_only_equal_the_hand_worked_totals() {
    check_scheme("scoring-rules/composite-example.toml");
}

/// Min-max of an aggregate over the run: an inner indicator normalised on the data.
#[test]
fn gated_checklist_totals_only_equal_the_hand_worked_totals() {
    check_scheme("scoring-rules/composite-checklist.toml");
}

/// Min-max and best within the group, imputation of the run's mean.
#[test]
fn group_statistics_totals_only_equal_the_hand_worked_totals() {
    check_scheme("scoring-rules/composite-groups.toml");
}
