//! report.pdf from `kaohe report` on the bundled example, read back with poppler-utils (installed
//! by .ci/run): the text layer holds the title, the masthead and whole ranking rows; the font is
//! embedded; page 1 renders with ink on it; wide ranking tables sit on landscape pages.

mod report_publish;

use report_publish::{DATE, ISSUER, TITLE, poppler, ranked, report};

fn text() -> String {
    let pdf = report().join("report.pdf");
    String::from_utf8(poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])).unwrap()
}

#[test]
fn text_layer_has_title_masthead_and_ranking_rows() {
    let t = text();
    assert!(t.contains(TITLE), "title missing");
    assert!(t.contains(ISSUER) && t.contains(DATE), "issuer or date missing");
    for (group, rank) in [("city", "1"), ("county", "1"), ("department", "1")] {
        let (_, rank, id, name, total) = ranked(report(), group, rank);
        // One line of the laid-out text: rank, id, name and total in that order.
        let row = t.lines().find(|l| l.contains(&id) && l.contains(&name));
        let row = row.unwrap_or_else(|| panic!("no ranking row for {id} {name}"));
        let cells: Vec<&str> = row.split_whitespace().collect();
        let at = cells.iter().position(|c| *c == id).unwrap();
        assert_eq!(&cells[at - 1..at + 3], &[rank.as_str(), &id, &name, &total], "row {row:?}");
    }
    // The narrative: grade counts per group, vetoes and the quota.
    assert!(t.contains("设区市共"), "no group summary");
    assert!(t.contains("名额"), "no quota sentence");
}

#[test]
fn the_font_is_embedded_and_no_other() {
    let pdf = report().join("report.pdf");
    let fonts = String::from_utf8(poppler("pdffonts", &[pdf.to_str().unwrap()])).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for r in rows {
        assert!(r.contains("NotoSans"), "a font other than the embedded Noto: {r}");
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = r.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {r}");
    }
}

#[test]
fn page_one_renders_with_ink_and_wide_tables_are_landscape() {
    let pdf = report().join("report.pdf");
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let png = std::fs::read_dir(dir.path()).unwrap().next().unwrap().unwrap().path();
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    // A4 portrait at 40 dpi: 331 × 468 px.
    assert_eq!((info.width, info.height), (331, 468));
    let px = info.buffer_size() / (info.width * info.height) as usize;
    let dark = buf[..info.buffer_size()].chunks(px).filter(|p| p[0] < 128).count();
    assert!(dark > 500, "page 1 is (nearly) blank: {dark} dark pixels");

    let info =
        String::from_utf8(poppler("pdfinfo", &["-f", "1", "-l", "999", pdf.to_str().unwrap()]))
            .unwrap();
    let sizes: Vec<&str> = info.lines().filter(|l| l.contains("size:")).collect();
    assert!(sizes[0].contains("595.28 x 841.89"), "page 1 is not A4 portrait: {}", sizes[0]);
    let landscape = sizes.iter().filter(|l| l.contains("841.89 x 595.28")).count();
    assert!(landscape >= 3, "the three ranking tables should be on landscape pages: {sizes:?}");
}

#[test]
fn same_run_same_bytes() {
    let a = std::fs::read(report().join("report.pdf")).unwrap();
    let again = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("kaohe")
        .unwrap()
        .current_dir(report_publish::repo())
        .args(["report", "--dpi", "48", "--no-agency-charts", "--out"])
        .arg(again.path())
        .args(["--title", TITLE, "--issuer", ISSUER, "--date", DATE])
        .env("CI", "1")
        .env_remove("KAOHE_LANG") // Chinese, as a user runs it
        .assert()
        .success();
    assert!(a == std::fs::read(again.path().join("report.pdf")).unwrap(), "report.pdf differs");
    let d = std::fs::read(report().join("report.docx")).unwrap();
    assert!(d == std::fs::read(again.path().join("report.docx")).unwrap(), "report.docx differs");
}
