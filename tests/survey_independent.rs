//! The bundled Shanxi example's survey export, checked against an independent computation
//! (tests/fixtures/survey/independent.py, pure Python with exact fractions, written from
//! docs/survey.md; its output is committed beside it), and the synthetic export's reproducibility.

mod util;

use assert_cmd::Command;
use util::{repo, text_without_bom};

#[test]
fn shanxi_export_matches_independent_computation() {
    let out = tempfile::tempdir().unwrap();
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .args(["survey", "import"])
        .arg(repo().join("surveys/shanxi-2022-social.toml"))
        .arg(repo().join("examples/survey-exports/shanxi-2022-social.csv"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let fx = repo().join("tests/fixtures/survey");
    // All 128 cities and counties: index, CI, n, n_eff, flag.
    assert_eq!(
        text_without_bom(&out.path().join("survey.csv")),
        text_without_bom(&fx.join("shanxi-expected-survey.csv"))
    );
    // Every row accounted for, rule by rule, as the independent script counts them.
    let acc = text_without_bom(&out.path().join("accounting.csv"));
    let total = acc.lines().last().unwrap().strip_prefix("(total),").unwrap().to_string();
    let expected = text_without_bom(&fx.join("shanxi-expected-totals.csv"));
    assert_eq!(acc.lines().next().unwrap(), format!("agency,{}", expected.lines().next().unwrap()));
    assert_eq!(total, expected.lines().nth(1).unwrap());
    let v: Vec<u64> = total.split(',').map(|x| x.parse().unwrap()).collect();
    assert_eq!(v[0], 12_000);
    assert_eq!(v[0], v[1..].iter().sum::<u64>());
}

#[test]
fn bundled_export_is_reproducible_from_its_seed() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("export.csv");
    Command::cargo_bin("kaohe")
        .unwrap()
        .env("KAOHE_LANG", "en")
        .env("RAYON_NUM_THREADS", "1")
        .args(["survey", "synth"])
        .arg(repo().join("surveys/shanxi-2022-social.toml"))
        .args(["--rows", "12000", "--seed", "2022", "--out"])
        .arg(&file)
        .assert()
        .success();
    assert!(
        std::fs::read(&file).unwrap()
            == std::fs::read(repo().join("examples/survey-exports/shanxi-2022-social.csv"))
                .unwrap(),
        "examples/survey-exports/shanxi-2022-social.csv is `kaohe survey synth surveys/shanxi-2022-social.toml --rows 12000 --seed 2022`"
    );
}

#[test]
fn xlsx_export_gives_the_csv_numbers() {
    let fx = repo().join("tests/fixtures/survey");
    let out = tempfile::tempdir().unwrap();
    for (name, dir) in [("mini.csv", "c"), ("mini.xlsx", "x")] {
        Command::cargo_bin("kaohe")
            .unwrap()
            .env("KAOHE_LANG", "en")
            .args(["survey", "import"])
            .arg(fx.join("mini.toml"))
            .arg(fx.join(name))
            .arg("--out")
            .arg(out.path().join(dir))
            .assert()
            .success();
    }
    for f in ["survey.csv", "counts.csv", "moments.csv", "accounting.csv"] {
        assert_eq!(
            text_without_bom(&out.path().join("c").join(f)),
            text_without_bom(&out.path().join("x").join(f)),
            "{f}"
        );
    }
}

#[test]
fn shanxi_questionnaire_rates_every_city_and_county_by_the_agencies_ids() {
    // tests/fixtures/survey/shanxi-agencies.csv is derived from shared/data/shanxi-divisions.csv
    // as examples/shanxi-2022/agencies.csv is (city id = city code, county id = city code + "-" +
    // its 2-digit position in the city); social evaluation covers cities and counties only.
    let q = kaohe::survey::questionnaire::Questionnaire::load(
        &repo().join("surveys/shanxi-2022-social.toml"),
    )
    .unwrap();
    let text = text_without_bom(&repo().join("tests/fixtures/survey/shanxi-agencies.csv"));
    let mut cities = std::collections::HashMap::new();
    let mut expected = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let label = match f[2] {
            "city" => {
                cities.insert(f[0].to_string(), f[1].to_string());
                f[1].to_string()
            }
            _ => format!("{}{}", cities[f[3]], f[1]),
        };
        expected.push((f[0].to_string(), label));
    }
    let got: Vec<(String, String)> =
        q.agencies.iter().map(|a| (a.id.clone(), a.label.clone())).collect();
    assert_eq!(got.len(), 128);
    assert_eq!(got, expected);
}
