//! report.html in headless Chromium (Debian's `chromium`): the page loads without a single network
//! request, a screenshot is taken, and Chinese text drawn with the page's embedded font renders as
//! distinct glyphs, not as identical missing-glyph boxes, on a machine without CJK fonts.
//!
//! Runs when /usr/bin/chromium exists; under CI (`CI` set) a missing Chromium is a failure, since
//! CI installs it (docs/report.md, "CI setup").

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn chromium_or_skip() -> bool {
    util::chromium::available()
}

/// Loads `page` headless, writing a screenshot of `size` and Chromium's network log.
fn screenshot(page: &Path, size: (u32, u32), shot: &Path, netlog: &Path) {
    let extra = [
        "--hide-scrollbars".to_string(),
        format!("--window-size={},{}", size.0, size.1),
        format!("--log-net-log={}", netlog.display()),
        format!("--screenshot={}", shot.display()),
    ];
    util::chromium::run(page, &extra, Duration::from_secs(120));
    assert!(shot.is_file(), "no screenshot written");
}

/// URLs the page itself requested over the network. Chromium's own background calls (update
/// checks, account lookups) are not the page's: the page's carry the file:// site it runs in.
fn page_requests(netlog: &Path) -> Vec<String> {
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(netlog).unwrap()).expect("net log is JSON");
    let mut urls: Vec<String> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| {
            let p = e.get("params")?;
            let url = p.get("url")?.as_str()?;
            let from_page = ["network_isolation_key", "site_for_cookies", "initiator"]
                .iter()
                .any(|k| p.get(*k).and_then(|v| v.as_str()).is_some_and(|v| v.contains("file://")));
            from_page.then(|| url.to_string())
        })
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let grey = buf[..info.buffer_size()].chunks(channels).map(|p| p[1]).collect();
    (info.width, info.height, grey)
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report_browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn report_loads_offline_and_renders_chinese() {
    if !chromium_or_skip() {
        return;
    }
    let dir = out_dir();
    let bundle = dir.join("bundle");
    let status = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "--dpi", "48", "--out"])
        .arg(&bundle)
        .env("CI", "1")
        .status()
        .unwrap();
    assert!(status.success());
    let html = bundle.join("report.html");

    // The report itself: no request leaves the page, and the screenshot shows something.
    let shot = dir.join("report.png");
    let netlog = dir.join("report-netlog.json");
    screenshot(&html, (1280, 2400), &shot, &netlog);
    assert_eq!(page_requests(&netlog), Vec::<String>::new(), "report.html made network requests");
    let (w, h, grey) = decode(&shot);
    assert_eq!((w, h), (1280, 2400));
    let dark = grey.iter().filter(|g| **g < 128).count();
    assert!(dark > 5_000, "screenshot is nearly blank ({dark} dark pixels)");
    eprintln!("screenshot: {}", shot.display());

    // Chinese glyphs: a probe page with the report's own <head> (its @font-face).
    let text = std::fs::read_to_string(&html).unwrap();
    assert_head_renders_chinese(&text, &dir, "probe");
}

/// A probe page with `page`'s own <head> (its @font-face) shows three characters in fixed cells.
/// Missing-glyph boxes are the same for every character; glyphs are not.
fn assert_head_renders_chinese(page: &str, dir: &Path, tag: &str) {
    let head = &page[..page.find("</head>").expect("the page has a head")];
    let probe = dir.join(format!("{tag}.html"));
    std::fs::write(
        &probe,
        format!(
            "{head}<style>body{{margin:0;max-width:none;padding:0}}span{{display:inline-block;width:100px;height:100px;\
             font-size:80px;line-height:100px;text-align:center;overflow:hidden}}</style></head>\
             <body><span>太</span><span>原</span><span>市</span></body></html>"
        ),
    )
    .unwrap();
    let probe_shot = dir.join(format!("{tag}.png"));
    let netlog = dir.join(format!("{tag}-netlog.json"));
    // Headless Chromium draws nothing in very small windows; the cells sit at the top left.
    screenshot(&probe, (800, 400), &probe_shot, &netlog);
    assert_eq!(page_requests(&netlog), Vec::<String>::new());
    let (w, _, grey) = decode(&probe_shot);
    let cell = |k: u32| -> Vec<u8> {
        (0..100u32)
            .flat_map(|y| (0..100u32).map(move |x| (x, y)))
            .map(|(x, y)| grey[(y * w + k * 100 + x) as usize])
            .collect()
    };
    let cells: Vec<Vec<u8>> = (0..3).map(cell).collect();
    for (k, c) in cells.iter().enumerate() {
        let ink = c.iter().filter(|g| **g < 128).count();
        assert!(ink > 200, "character {} of 太原市 left {ink} dark pixels", k + 1);
    }
    assert!(
        cells[0] != cells[1] && cells[1] != cells[2] && cells[0] != cells[2],
        "太原市 drew identical boxes"
    );
}

#[test]
fn agency_preview_loads_offline_and_renders_chinese() {
    if !chromium_or_skip() {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("preview_browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("preview.html");
    let status = Command::new(env!("CARGO_BIN_EXE_kaohe"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["preview", "--agency", "140100", "--html"])
        .arg(&html)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("@font-face"), "preview.html embeds no font");
    let shot = dir.join("preview-shot.png");
    let netlog = dir.join("preview-netlog.json");
    screenshot(&html, (1280, 2400), &shot, &netlog);
    assert_eq!(page_requests(&netlog), Vec::<String>::new(), "preview.html made network requests");
    assert_head_renders_chinese(&text, &dir, "preview-probe");
}
