//! Issue 14: each real scheme shipped in scoring-rules/ has a synthetic data directory in
//! examples/ (written by `kaohe synth <scheme> --agencies 40 --seed 2022`) that scores: every
//! agency gets a total and a grade, and a vetoed agency under `veto_rank = "unranked"` has an
//! empty rank cell.

mod util;

use assert_cmd::Command;
use util::repo;

const SCHEMES: [&str; 4] = ["gov-website-2019", "mianyang-2022", "xuancheng-2019", "yuncheng-2022"];

#[test]
fn each_real_scheme_scores_its_example_data() {
    for s in SCHEMES {
        let out = tempfile::tempdir().expect("temp dir");
        let rules = repo().join("scoring-rules").join(format!("{s}.toml"));
        let data = repo().join("examples").join(s);
        let run = Command::cargo_bin("kaohe")
            .expect("binary built")
            .arg("score")
            .arg(&rules)
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(out.path())
            .output()
            .expect("kaohe runs");
        assert!(
            run.status.success(),
            "{s}: kaohe score failed\n{}{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
        let csv = std::fs::read_to_string(out.path().join("rankings.csv")).expect("rankings.csv");
        let agencies = std::fs::read_to_string(data.join("agencies.csv")).expect("agencies.csv");
        // One row per agency (each file has a header line).
        assert_eq!(csv.lines().count(), agencies.lines().count(), "{s}: one row per agency");
        for row in csv.lines().skip(1) {
            let cells: Vec<&str> = row.split(',').collect();
            assert!(cells.len() > 5 && !cells[5].is_empty(), "{s}: a row without a grade: {row}");
        }
    }
}
