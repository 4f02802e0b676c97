//! The message catalogues: every message exists in Chinese and in English with the same
//! arguments, every id the code names exists, and the language is chosen by `--lang`, then
//! `KAOHE_LANG`, then Chinese.

mod util;

use std::collections::BTreeSet;
use std::path::Path;

use kaohe::util::i18n::{Lang, catalogue_problems, message_ids};

#[test]
fn catalogues_parse_without_duplicates() {
    assert_eq!(catalogue_problems(), Vec::<String>::new());
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let zh = message_ids(Lang::Zh);
    let en = message_ids(Lang::En);
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(only_zh.is_empty(), "messages only in locales/zh: {only_zh:?}");
    assert!(only_en.is_empty(), "messages only in locales/en: {only_en:?}");
    let differ: Vec<_> = zh.iter().filter(|(k, v)| en[*k] != **v).map(|(k, _)| k).collect();
    assert!(differ.is_empty(), "messages whose arguments differ between zh and en: {differ:?}");
}

/// Message ids named in the code: the first string literal of `t!(`, `tr(`, the second of `t_in!(`.
fn ids_in_code(dir: &Path, out: &mut BTreeSet<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in_code(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for marker in ["t!(\"", "tr(\"", "t_in!("] {
                for (at, _) in text.match_indices(marker) {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue; // `format!(`, `attr(`: not a message
                    }
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    if text[line_start..at].trim_start().starts_with("//") {
                        continue; // an example in a comment
                    }
                    let rest = &text[at + marker.len()..];
                    let rest = if marker == "t_in!(" {
                        match rest.find('"') {
                            Some(q) if !rest[..q].contains(')') => &rest[q + 1..],
                            _ => continue,
                        }
                    } else {
                        rest
                    };
                    if let Some(end) = rest.find('"') {
                        out.insert((rest[..end].to_string(), path.display().to_string()));
                    }
                }
            }
        }
    }
}

#[test]
fn every_id_the_code_names_is_in_the_catalogues() {
    let zh = message_ids(Lang::Zh);
    let mut used = BTreeSet::new();
    ids_in_code(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    assert!(used.iter().any(|(id, _)| id == "error-line"), "the scan finds the ids");
    let missing: Vec<_> = used.iter().filter(|(id, _)| !zh.contains_key(id)).collect();
    assert!(missing.is_empty(), "ids used in src/ but absent from locales/: {missing:?}");
}

#[test]
fn language_flag_then_environment_then_chinese() {
    let run = |args: &[&str], env: Option<&str>| {
        let mut cmd = util::kaohe_zh();
        if let Some(v) = env {
            cmd.env("KAOHE_LANG", v);
        }
        let out = cmd.args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let bad = ["score", "no-such-rules.toml", "--data", "no-such-dir"];
    assert!(run(&bad, None).starts_with("错误："), "{}", run(&bad, None));
    assert!(run(&bad, Some("en")).starts_with("error: "));
    let mut flagged = bad.to_vec();
    flagged.extend(["--lang", "zh"]);
    assert!(run(&flagged, Some("en")).starts_with("错误："));
    flagged.extend(["--lang", "en"]);
    assert!(run(&flagged, None).starts_with("error: "));
    assert!(run(&bad, Some("fr")).contains("fr"));
}
