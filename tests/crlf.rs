//! Line endings change nothing (issue 11, "CRLF line endings"): Excel on Windows writes CRLF, and
//! a file may end without a final line break. The bundled example, converted every way, must give
//! every output byte for byte as the plain LF files do.
//!
//! Set aside: the SHA-256 of each input, which kaohe records so that a result can be traced to the
//! exact bytes it read (scores.json `inputs[].sha256`; the survey importer's inputs.csv and
//! import-report.md). A CRLF file is different bytes, so its hash must differ. Each run's hashes
//! are computed here from the files it was given and replaced by the file's name before comparing;
//! the replacement also checks that the recorded hash is the file's.

mod util;

use std::path::Path;

use sha2::{Digest, Sha256};
use util::*;

/// How a variant spells the end of a line, and whether the last line has one.
#[derive(Clone, Copy, Debug)]
enum Endings {
    Lf,
    Crlf,
    CrlfNoFinal,
    LfNoFinal,
}

impl Endings {
    fn apply(self, lf_text: &[u8]) -> Vec<u8> {
        assert!(!lf_text.contains(&b'\r'), "the bundled example is written with LF");
        let mut out = Vec::with_capacity(lf_text.len() * 11 / 10);
        for &b in lf_text {
            if b == b'\n' && matches!(self, Endings::Crlf | Endings::CrlfNoFinal) {
                out.push(b'\r');
            }
            out.push(b);
        }
        if matches!(self, Endings::CrlfNoFinal | Endings::LfNoFinal) {
            assert!(out.ends_with(b"\n"), "the bundled example ends its files with a line break");
            out.pop();
            if out.ends_with(b"\r") {
                out.pop();
            }
        }
        out
    }
}

const VARIANTS: [Endings; 3] = [Endings::Crlf, Endings::CrlfNoFinal, Endings::LfNoFinal];

/// Every .csv of the bundled example and its ignore list, converted, into `dir`.
fn write_example(dir: &Path, endings: Endings) {
    std::fs::create_dir_all(dir).unwrap();
    for e in std::fs::read_dir(repo().join("examples/shanxi-2022")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv" || x == "txt") {
            let bytes = std::fs::read(&p).unwrap();
            std::fs::write(dir.join(p.file_name().unwrap()), endings.apply(&bytes)).unwrap();
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every output file of `out` (name → text), with the hash of each input in `inputs` replaced by
/// `<sha256 of NAME>`.
fn outputs(out: &Path, inputs: &Path) -> Vec<(String, String)> {
    let hashes: Vec<(String, String)> = std::fs::read_dir(inputs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (sha256_hex(&std::fs::read(&p).unwrap()), format!("<sha256 of {name}>"))
        })
        .collect();
    let mut files: Vec<(String, String)> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let mut text = String::from_utf8(std::fs::read(&p).unwrap()).unwrap();
            for (hash, name) in &hashes {
                text = text.replace(hash, name);
            }
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

fn assert_same(lf: &[(String, String)], other: &[(String, String)], endings: Endings) {
    let names = |v: &[(String, String)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(lf), names(other), "{endings:?}: the same output files");
    for ((name, a), (_, b)) in lf.iter().zip(other) {
        if a != b {
            let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
            let show = |t: &str| line.and_then(|l| t.lines().nth(l)).unwrap_or("").to_string();
            panic!(
                "{endings:?}: {name} differs from the LF run at line {:?}\n LF: {}\n{endings:?}: {}",
                line.map(|l| l + 1),
                show(a),
                show(b)
            );
        }
    }
}

/// `kaohe score` on the example: LF, CRLF, CRLF without a final line break, LF without one.
#[test]
fn score_outputs_do_not_depend_on_line_endings() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |endings: Endings| {
        let (data, out) = (tmp.path().join(format!("{endings:?}")), tmp.path().join("out"));
        write_example(&data, endings);
        let _ = std::fs::remove_dir_all(&out);
        score_cmd(rules(), &data, &out).assert().success();
        let files = outputs(&out, &data);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"rankings.csv") && names.contains(&"scores.json"), "{names:?}");
        // The hashes were set aside: each data file's hash was found under its name.
        let scores = &files.iter().find(|(n, _)| n == "scores.json").unwrap().1;
        assert!(scores.contains("\"sha256\": \"<sha256 of agencies.csv>\""), "{endings:?}");
        files
    };
    let lf = run(Endings::Lf);
    for endings in VARIANTS {
        assert_same(&lf, &run(endings), endings);
    }
}

/// `kaohe survey import` of the example's 问卷星 export, written with `endings`: every output file
/// (name → text, input hashes set aside).
fn survey_import(tmp: &Path, endings: Endings) -> Vec<(String, String)> {
    let dir = tmp.join(format!("{endings:?}"));
    let export = dir.join("in");
    std::fs::create_dir_all(&export).unwrap();
    let lf = std::fs::read(repo().join("examples/survey-exports/shanxi-2022-social.csv")).unwrap();
    std::fs::write(export.join("survey-export.csv"), endings.apply(&lf)).unwrap();
    // Run from the variant's folder with relative paths: the outputs name the export as given.
    kaohe()
        .current_dir(&dir)
        .args(["survey", "import"])
        .arg(repo().join("surveys/shanxi-2022-social.toml"))
        .args(["in/survey-export.csv", "--out", "out"])
        .assert()
        .success();
    let files = outputs(&dir.join("out"), &export);
    let inputs = &files.iter().find(|(n, _)| n == "inputs.csv").expect("inputs.csv").1;
    assert!(inputs.contains(",<sha256 of survey-export.csv>,"), "{endings:?}: {inputs}");
    files
}

/// The survey export without a final line break imports exactly like the plain one.
#[test]
fn survey_import_outputs_do_not_depend_on_a_final_line_break() {
    let tmp = tempfile::tempdir().unwrap();
    let lf = survey_import(tmp.path(), Endings::Lf);
    assert_same(&lf, &survey_import(tmp.path(), Endings::LfNoFinal), Endings::LfNoFinal);
}

/// The survey export with CRLF line endings (with and without a final one) imports exactly like
/// the plain one. Today the importer reads a CRLF header a second time as a data row and rejects
/// it (a phantom row in rejected.csv and accounting.csv); the fix belongs to src/survey/.
#[test]
fn survey_import_outputs_do_not_depend_on_crlf() {
    let tmp = tempfile::tempdir().unwrap();
    let lf = survey_import(tmp.path(), Endings::Lf);
    for endings in [Endings::Crlf, Endings::CrlfNoFinal] {
        assert_same(&lf, &survey_import(tmp.path(), endings), endings);
    }
}
