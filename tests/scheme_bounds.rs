//! Issue 11 class 3: `kaohe check` rejects a scheme that `kaohe score` cannot score. Every number
//! is within ±10^12 where it is read, but a scheme can multiply such inputs past rust_decimal's
//! ±7.9 × 10^28; the check bounds each indicator path and names it with the bound.

mod util;

use util::*;

/// The bundled rules with D5.2's per_unit step made 10^-10 with 10^12 points a step. Every number
/// is within the read limits, so this scheme used to pass `kaohe check`; then a measured D5.2 of
/// −10^12 (also within the limits) is (100 + 10^12) ÷ 10^-10 ≈ 10^22 units short, × 10^12 points
/// = 10^34 > 7.9 × 10^28, and `kaohe score` stopped with "value -1000000000000: the arithmetic
/// leaves the decimal range" (measured on this branch with the check taken out).
fn overflowing_rules(w: &Work) -> std::path::PathBuf {
    let from = r#"per_unit = { target = 100, points = 0.1, per = 1, units = "exact" }"#;
    let to = r#"per_unit = { target = 100, points = 1000000000000, per = 0.0000000001, units = "exact" }"#;
    let text = read(&rules());
    assert!(text.contains(from), "the bundled rules price D5.2 per unit");
    let p = w.path("rules.toml");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    p
}

/// The line of D5.2's `id` in the bundled rules (1-based).
fn d52_line() -> usize {
    let text = read(&rules());
    let at = text.find("id = \"D5.2\"").unwrap();
    text[..at].lines().count() + 1
}

/// `kaohe check` (as `cmd` runs it) on the overflowing rules: exit 2, stderr holding `want`
/// after the file name and D5.2's line.
fn check_refuses(mut cmd: assert_cmd::Command, want: &str) {
    let w = Work::new();
    let rules = overflowing_rules(&w);
    let out = cmd.arg("check").arg(&rules).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let want = format!("rules.toml:{}: {want}", d52_line());
    assert!(stderr.contains(&want), "{stderr}");
}

#[test]
fn check_names_the_path_and_the_bound_in_english() {
    // (100 + 10^12) / 10^-10 × 10^12 = 1.0000000001e34; × rescaling ≤ 100 / 1 (the smallest item).
    check_refuses(
        kaohe(),
        "indicator D5 › D5.2: an input within ±10^12 can make a ledger line of 1.00e34 points \
         (the item's own arithmetic up to 1.00e34, × weights 1.00e0 × rescaling up to 1.00e2), \
         beyond the 1.00e27 the engine computes with",
    );
}

#[test]
fn check_names_the_path_and_the_bound_in_chinese() {
    check_refuses(
        kaohe_zh(),
        "指标 D5 › D5.2：在±10^12以内的输入可使一条明细达到1.00e34分（本项运算至多1.00e34，\
         × 权重1.00e0 × 折算系数至多1.00e2），超出引擎可计算的1.00e27",
    );
}

#[test]
fn score_refuses_it_before_reading_data_and_writes_nothing() {
    let w = Work::new();
    let rules = overflowing_rules(&w);
    let out = score_cmd(&rules, &w.data(), &w.out()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "exit 2, not 101");
    assert!(String::from_utf8_lossy(&out.stderr).contains("indicator D5 › D5.2"));
    assert!(!w.out().exists(), "nothing written");
}

#[test]
fn the_same_step_at_a_realistic_size_passes() {
    // 0.1 point per 10^-10 units: (100 + 10^12) / 10^-10 × 0.1 ≈ 10^21 ≤ 10^27.
    let w = Work::new();
    let text =
        read(&rules()).replacen("points = 0.1, per = 1,", "points = 0.1, per = 0.0000000001,", 1);
    let p = w.path("rules.toml");
    std::fs::write(&p, text).unwrap();
    kaohe().arg("check").arg(&p).assert().success();
}
