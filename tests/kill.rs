//! Nothing half-written: `kaohe score` killed (SIGKILL) at random moments, again and again,
//! always leaves either the previous rankings.csv and scores.json or the complete new pair.

mod util;

use std::time::Duration;

use util::*;

#[test]
fn sigkill_at_any_moment_leaves_old_or_new_outputs_never_a_mix() {
    let w = Work::new();
    // Two data sets whose outputs differ: B lacks the last finding.
    let b = w.path("data-b");
    std::fs::create_dir_all(&b).unwrap();
    for e in std::fs::read_dir(w.data()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), b.join(e.file_name())).unwrap();
    }
    let findings = read(&b.join("findings.csv"));
    let mut lines: Vec<&str> = findings.lines().collect();
    lines.pop();
    std::fs::write(b.join("findings.csv"), lines.join("\n") + "\n").unwrap();
    let datasets = [w.data(), b];

    let score = |data: &std::path::Path, out: &std::path::Path| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("kaohe"));
        c.current_dir(repo())
            .arg("score")
            .arg(rules())
            .arg("--data")
            .arg(data)
            .arg("--out")
            .arg(out);
        c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
        c
    };
    // The complete outputs of each data set, for reference.
    let mut expected = Vec::new();
    for (i, d) in datasets.iter().enumerate() {
        let out = w.path(&format!("ref{i}"));
        assert!(score(d, &out).status().unwrap().success());
        expected.push((
            std::fs::read(out.join("rankings.csv")).unwrap(),
            std::fs::read(out.join("scores.json")).unwrap(),
        ));
    }
    // How long a whole run takes here, to spread the kills over it.
    let t0 = std::time::Instant::now();
    assert!(score(&datasets[0], &w.path("timing")).status().unwrap().success());
    let span = t0.elapsed().as_micros() as u64 * 12 / 10 + 1;

    let out = w.path("out");
    let mut state: Option<usize> = None; // which data set's outputs `out` holds
    let (mut completed, mut killed) = (0, 0);
    let mut x: u64 = 0x9E3779B97F4A7C15; // a fixed xorshift sequence: the same delays every run
    for k in 0..40 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let i = k % 2;
        let mut child = score(&datasets[i], &out).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(x % span));
        let finished = child.try_wait().unwrap().is_some_and(|s| s.success());
        let _ = child.kill();
        let _ = child.wait();
        if finished {
            completed += 1;
        } else {
            killed += 1;
        }
        let have =
            (std::fs::read(out.join("rankings.csv")), std::fs::read(out.join("scores.json")));
        match have {
            (Ok(r), Ok(s)) => {
                let which = expected.iter().position(|e| e.0 == r && e.1 == s);
                assert!(
                    which.is_some(),
                    "kill {k}: rankings.csv and scores.json are not a pair from one run"
                );
                assert!(
                    which == Some(i) || which == state,
                    "kill {k}: outputs of neither the previous nor this run"
                );
                state = which;
            }
            (Err(_), Err(_)) => assert!(state.is_none(), "kill {k}: the previous outputs are gone"),
            _ => panic!("kill {k}: one output file without the other"),
        }
    }
    assert!(
        completed > 0 && killed > 0,
        "the kills should land both during and after runs ({completed} completed, {killed} killed)"
    );
    // A later run clears what the killed ones left beside `out`.
    assert!(score(&datasets[0], &out).status().unwrap().success());
    let left: Vec<String> = std::fs::read_dir(w.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains("kaohe-"))
        .collect();
    assert!(left.is_empty(), "staging left behind: {left:?}");
}
