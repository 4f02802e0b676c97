//! The real 问卷星 exports in tests/data/wjx-exports (legacy .xls, BIFF8): each pair is the
//! same answers exported by text and by number, so once decoded both must give identical
//! statistics and accounting.

mod util;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use util::*;

fn import(q: &str, file: &str, answers: &str, out: &Path) {
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "import"])
        .arg(survey_fixture(q))
        .arg(published("wjx-exports").join(file))
        .args(["--answers", answers, "--out"])
        .arg(out)
        .assert()
        .success();
}

/// Import a pair and check both decode to the same numbers; returns the by-text output dir.
fn pair(q: &str, text: &str, number: &str, dir: &Path) -> PathBuf {
    let (t, n) = (dir.join("text"), dir.join("number"));
    import(q, text, "text", &t);
    import(q, number, "number", &n);
    for name in ["survey.csv", "counts.csv", "moments.csv", "satisfaction.csv", "accounting.csv"] {
        assert_eq!(
            read(&t.join(name)),
            read(&n.join(name)),
            "{q}: {name} differs between {text} and {number}"
        );
    }
    t
}

fn total_line(dir: &Path) -> Vec<u64> {
    let acc = read(&dir.join("accounting.csv"));
    let total = acc.lines().find(|l| l.starts_with("(total)")).unwrap().to_string();
    total.split(',').skip(1).map(|x| x.parse().unwrap()).collect()
}

#[test]
fn zte_matrix_and_zero_to_ten() {
    let dir = tempfile::tempdir().unwrap();
    let t = pair("wjx-zte.toml", "All_Data_Readable.xls", "All_Data_Original.xls", dir.path());
    // 4 rows: rows 1 and 3 skipped everything, 性别 included → rejected (no agency).
    assert_eq!(total_line(&t), vec![4, 2, 0, 0, 0, 0, 2]);
    // Row 2 (男, 25-29岁): matrix 9×4分, 7×3分, 1×2分 → 9·75 + 7·50 + 25 = 1050; 整体 3分 = 30
    // (exported by number as position 4); (1050 + 30)/18 = 60.
    // Row 4 (女, 35-39岁): 7×4分, 2×5分, 8×3分 → 525 + 200 + 400 = 1125; 3分 = 30; 1155/18 = 64.17.
    assert_eq!(
        read(&t.join("survey.csv")),
        "\u{feff}agency,survey,index,ci_low,ci_high,n,n_eff,below_minimum\n\
         m,wjx-zte,60.00,0.00,100.00,1,1.00,false\n\
         f,wjx-zte,64.17,0.00,100.00,1,1.00,false\n"
    );
    let rej = read(&t.join("rejected.csv"));
    assert!(
        rej.contains(
            "All_Data_Readable.xls,2,(unresolved),column `37、性别 (单选题 *必答)`: no agency given"
        ),
        "{rej}"
    );
    assert!(rej.contains("All_Data_Readable.xls,4,(unresolved),"), "{rej}");
}

#[test]
fn pair_800_with_filled_in_other() {
    let dir = tempfile::tempdir().unwrap();
    let t = pair("wjx-800.toml", "wjx-800-by-text.xls", "wjx-800-by-number.xls", dir.path());
    let total = total_line(&t);
    assert_eq!(total[0], 800);
    assert_eq!(total[1] + total[2..].iter().sum::<u64>(), 800);
}

#[test]
fn pair_357_with_null_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let t = pair("wjx-357.toml", "wjx-357-by-text.xls", "wjx-357-by-number.xls", dir.path());
    let total = total_line(&t);
    assert_eq!(total[0], 204);
    assert_eq!(total[1] + total[2..].iter().sum::<u64>(), 204);
}
