//! The command line's own texts: help and argument errors in Chinese by default, English with
//! `--lang en` or `KAOHE_LANG=en`; `--help` and `--version` exit 0, a usage error exits 2.

mod util;

use util::{kaohe, kaohe_zh};

fn run(mut cmd: assert_cmd::Command, args: &[&str]) -> (i32, String, String) {
    let out = cmd.args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

#[test]
fn score_help_in_chinese_by_default() {
    let (code, out, err) = run(kaohe_zh(), &["score", "--help"]);
    assert_eq!(code, 0, "{err}");
    for line in [
        "为每个单位计分、排名、定等次；写出 rankings.csv 和 scores.json\n",
        "\n用法: kaohe score [选项] [RULES]\n",
        "\n参数:\n  [RULES]  计分规则文件（TOML） [默认：scoring-rules/shanxi-2022.toml]\n",
        "\n选项:\n",
        "  --out <OUT>             输出目录 [默认：out]\n",
        "  --show <SHOW>           摘要中每个类别显示排在最前和最后的单位数 [默认：5]\n",
        "  -h, --help                  显示帮助\n",
        "[可选值：findings, tasks, measures, awards, lookback, survey]",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    for english in ["Usage", "Options", "Arguments", "default:", "Print help", "Output directory"] {
        assert!(!out.contains(english), "{english:?} in the Chinese help:\n{out}");
    }
}

#[test]
fn score_help_in_english_on_request() {
    let expect = [
        "Score, rank and grade every agency; write rankings.csv and scores.json\n",
        "\nUsage: kaohe score [OPTIONS] [RULES]\n",
        "\nArguments:\n  [RULES]  The scoring rules (TOML) [default: scoring-rules/shanxi-2022.toml]\n",
        "\nOptions:\n",
        "  --out <OUT>             Output directory [default: out]\n",
        "  -h, --help                  Print help\n",
    ];
    let by_flag = run(kaohe_zh(), &["score", "--help", "--lang", "en"]);
    let by_env = run(kaohe(), &["score", "--help"]);
    let by_equals = run(kaohe_zh(), &["--lang=en", "score", "-h"]);
    for (code, out, _) in [&by_flag, &by_env, &by_equals] {
        assert_eq!(*code, 0);
        for line in expect {
            assert!(out.contains(line), "missing {line:?} in\n{out}");
        }
        assert!(!out.contains("用法") && !out.contains("输出目录"), "{out}");
    }
}

#[test]
fn every_subcommand_lists_in_chinese() {
    let (code, out, _) = run(kaohe_zh(), &["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("\n用法: kaohe [选项] <子命令>\n"), "{out}");
    assert!(out.contains("\n子命令:\n  score "), "{out}");
    assert!(out.contains("  -V, --version      显示版本\n"), "{out}");
    // `kaohe help survey import` is the same page as `kaohe survey import --help`.
    let (code, via_help, _) = run(kaohe_zh(), &["help", "survey", "import"]);
    assert_eq!(code, 0);
    let (_, direct, _) = run(kaohe_zh(), &["survey", "import", "--help"]);
    assert_eq!(via_help, direct);
    assert!(direct.starts_with("导入问卷导出文件"), "{direct}");
    let (code, version, _) = run(kaohe_zh(), &["--version"]);
    assert_eq!((code, version.as_str()), (0, concat!("kaohe ", env!("CARGO_PKG_VERSION"), "\n")));
}

#[test]
fn invalid_value_in_chinese_and_english() {
    let (code, out, err) = run(kaohe_zh(), &["report", "--dpi", "abc"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "错误：参数 '--dpi <DPI>' 的值 'abc' 无效：abc 不是整数（应为 20 到 1200 之间的整数）\n\n\
         更多信息请运行 '--help'。\n"
    );
    let (code, _, err) = run(kaohe_zh(), &["report", "--dpi", "1201"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("错误：参数 '--dpi <DPI>' 的值 '1201' 无效：1201 不在 20 到 1200 之间\n")
    );
    let (code, _, err) = run(kaohe(), &["report", "--dpi", "abc"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: invalid value 'abc' for '--dpi <DPI>': abc is not a whole number (expected 20..=1200)\n"),
        "{err}"
    );
    let (code, _, err) = run(kaohe_zh(), &["robustness", "--weight-range", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("应为 0（含）到 1（不含）之间的比例，实为 1"), "{err}");
    let (code, _, err) = run(kaohe_zh(), &["score", "--encoding", "latin1"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "错误：参数 '--encoding <ENCODING>' 的值 'latin1' 无效：未知编码 `latin1`："
        ),
        "{err}"
    );
    let (code, _, err) = run(kaohe_zh(), &["synth", "--seed", "x", "--out", "never-written"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("错误：参数 '--seed <SEED>' 的值 'x' 无效：x 不是整数"), "{err}");
}

#[test]
fn unknown_flag_and_subcommand_suggest_the_right_one() {
    let (code, _, err) = run(kaohe_zh(), &["score", "--dat", "x"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "错误：无法识别的参数 '--dat'\n\n  提示：有相近的参数：'--data'\n\n\
         用法: kaohe score [选项] [RULES]\n\n更多信息请运行 '--help'。\n"
    );
    let (code, _, err) = run(kaohe(), &["score", "--dat", "x"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: unexpected argument '--dat' found\n\n  tip: a similar argument exists: '--data'\n\n\
         Usage: kaohe score [OPTIONS] [RULES]\n\nFor more information, try '--help'.\n"
    );
    let (code, _, err) = run(kaohe_zh(), &["scor"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("错误：无法识别的子命令 'scor'\n\n  提示：有相近的子命令：'score'\n"),
        "{err}"
    );
    let (code, _, err) = run(kaohe_zh(), &["score", "--allow-missing", "finding"]);
    assert_eq!(code, 2);
    assert!(err.contains("[可选值：findings, tasks"), "{err}");
    assert!(err.contains("提示：有相近的值：'findings'"), "{err}");
}

#[test]
fn a_value_that_looks_like_a_flag() {
    let (code, _, err) = run(kaohe_zh(), &["robustness", "--replicates", "-1"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "错误：无法识别的参数 '-1'\n\n  提示：如要把 '-1' 作为值传入，请写成 '-- -1'\n\n\
             用法: kaohe robustness [选项] [RULES]\n"
        ),
        "{err}"
    );
    let (code, _, err) = run(kaohe(), &["robustness", "--replicates", "-1"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "error: unexpected argument '-1' found\n\n  tip: to pass '-1' as a value, use '-- -1'\n"
        ),
        "{err}"
    );
}

#[test]
fn missing_arguments_are_named() {
    let (code, _, err) = run(kaohe_zh(), &["survey", "import"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "错误：缺少以下必需的参数：\n  --out <OUT>\n  <QUESTIONNAIRE>\n  <FILES>...\n"
        ),
        "{err}"
    );
    // A bare `kaohe` shows the help (on standard error) and fails.
    let (code, out, err) = run(kaohe_zh(), &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("用法: kaohe [选项] <子命令>"), "{err}");
}
