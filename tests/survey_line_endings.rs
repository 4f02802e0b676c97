//! Line endings do not change an import: the hand-worked export (tests/fixtures/survey/mini.csv)
//! with LF, CRLF (what Excel on Windows writes), and either without a line break after its last
//! row, imports to byte-identical outputs (only the input file's SHA-256 differs). A CRLF header
//! row used to be read a second time as a data row and rejected (issue 11).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/survey").join(name)
}

/// Import `bytes` saved as `mini.csv` in a fresh directory (the same relative name every time, as
/// outputs name the file) and return every output file, the input's hash blanked.
fn import_bytes(bytes: &[u8]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mini.csv"), bytes).unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .current_dir(dir.path())
        .args(["survey", "import"])
        .arg(fixture("mini.toml"))
        .args(["mini.csv", "--out", "out"])
        .assert()
        .success();
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = String::from_utf8(std::fs::read(e.path()).unwrap()).unwrap();
            let text = text.replace(&sha256_hex(bytes), "<sha256>");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn lf_crlf_and_a_missing_final_break_import_identically() {
    let lf = std::fs::read_to_string(fixture("mini.csv")).unwrap();
    assert!(lf.ends_with('\n') && !lf.contains('\r'));
    let crlf = lf.replace('\n', "\r\n");
    let variants = [
        lf.trim_end_matches('\n').to_string(),
        crlf.clone(),
        crlf.trim_end_matches("\r\n").to_string(),
    ];
    let expected = import_bytes(lf.as_bytes());
    let accounting = &expected.iter().find(|(n, _)| n == "accounting.csv").unwrap().1;
    // 15 data rows (mini.csv has 16 lines): no phantom header row.
    assert!(accounting.contains("(total),15,5,1,1,1,1,1,5\n"), "{accounting}");
    for v in &variants {
        assert_eq!(import_bytes(v.as_bytes()), expected, "{:?}", &v[..40]);
    }
}
