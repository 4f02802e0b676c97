//! `kaohe export-previews` folders: named `ID-单位名称`, never shared by two agencies, and the
//! export directory holds exactly the agencies of the current run (issue 11, class 2).

mod util;

use std::collections::BTreeSet;
use std::path::Path;

use predicates::prelude::*;
use util::*;

fn export(w: &Work, out: &Path) -> assert_cmd::assert::Assert {
    kaohe()
        .arg("export-previews")
        .arg(rules())
        .arg("--data")
        .arg(w.data())
        .arg("--out")
        .arg(out)
        .assert()
}

fn folders(out: &Path) -> BTreeSet<String> {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn two_ids_that_escape_to_one_folder_are_refused_naming_both() {
    let w = Work::new();
    w.append("agencies.csv", "t.1,测试单位,city,");
    w.append("agencies.csv", "t_1,测试单位,city,");
    let out = w.path("previews");
    export(&w, &out)
        .code(2)
        .stderr(predicate::str::contains("`t.1`").and(predicate::str::contains("`t_1`")))
        .stderr(predicate::str::contains("t_1-测试单位"));
    assert!(!out.exists(), "nothing written on refusal");
}

#[test]
fn the_export_holds_exactly_the_listed_agencies_after_a_re_export() {
    let w = Work::new();
    let agencies = std::fs::read_to_string(w.data().join("agencies.csv")).unwrap();
    w.append("agencies.csv", "t-9,临时单位,city,");
    let out = w.path("previews");
    export(&w, &out).success();
    assert!(out.join("t-9-临时单位/preview.html").is_file());
    // A file the user put there is theirs, not an agency folder: it stays.
    std::fs::write(out.join("说明.txt"), "x").unwrap();

    // The agency is no longer listed: its folder must go.
    w.write("agencies.csv", agencies.as_bytes());
    export(&w, &out).success();
    let names = folders(&out);
    assert!(!names.contains("t-9-临时单位"), "stale folder kept");
    let n_listed = agencies.lines().count() - 1;
    let expected: BTreeSet<String> = agencies
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            format!("{}-{}", f.next().unwrap(), f.next().unwrap())
        })
        .chain(["说明.txt".to_string()])
        .collect();
    assert_eq!(expected.len(), n_listed + 1);
    assert_eq!(names, expected);
}
