//! Every chart is produced in both formats, decodes to the size it claims, and names the agencies.

mod report_support;
mod util;

use std::path::Path;

use kaohe::report::chart::{self, Rendered};
use kaohe::report::previous::Previous;
use plotters::style::RGBColor;

fn keep(r: &Rendered) {
    // Set KAOHE_KEEP_CHARTS=dir to look at the charts a test drew.
    if let Ok(dir) = std::env::var("KAOHE_KEEP_CHARTS") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/{}.png", r.name), &r.png).unwrap();
        std::fs::write(format!("{dir}/{}.svg", r.name), &r.svg).unwrap();
    }
}

fn previous() -> Previous {
    // Last year: every city 3 points lower than the fixture's totals would not test anything the
    // fixture does not already fix, so use fixed totals and leave one agency out.
    let csv = "group,rank,agency_id,agency,total,grade\n\
               city,1,c0000,太原市,80,良好\ncity,2,c0001,大同市,95.5,优秀\n\
               county,1,k0000,小店区,70,合格\ndept,1,p0000,省司法厅,88,良好\n";
    Previous::parse(Path::new("last/rankings.csv"), csv.as_bytes()).unwrap()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(bytes);
    let reader = decoder.read_info().expect("PNG decodes");
    let info = reader.info();
    (info.width, info.height)
}

fn svg_text(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_chart_decodes_and_names_its_agencies() {
    let result = report_support::run_result();
    let prev = previous();
    let plan = chart::plan(&result, Some(&prev), true);
    let names: Vec<String> = plan.iter().map(|c| c.name()).collect();
    for expected in [
        "distribution",
        "ranking-city",
        "composition-county",
        "heatmap-dept",
        "change-city",
        "satisfaction-county",
        "agency-k0003",
    ] {
        assert!(names.iter().any(|n| n == expected), "no chart {expected} in {names:?}");
    }
    assert_eq!(plan.iter().filter(|c| c.is_per_agency()).count(), result.agencies.len());

    for c in &plan {
        let r = c.render(96).unwrap();
        keep(&r);
        assert_eq!(png_size(&r.png), c.size(), "{}", r.name);
        let text = svg_text(&r.svg);
        // Group charts name every agency of their group; the distribution chart names the groups.
        let group =
            ["city", "county", "dept"].into_iter().find(|g| r.name.ends_with(&format!("-{g}")));
        if let Some(g) = group {
            for a in result.agencies.iter().filter(|a| a.group == g) {
                assert!(text.contains(&a.agency), "{} lacks {}", r.name, a.agency);
            }
        } else if r.name == "distribution" {
            for g in ["设区市", "县（市、区）", "省直部门"] {
                assert!(text.contains(g), "distribution lacks {g}");
            }
        } else {
            let id = r.name.strip_prefix("agency-").unwrap();
            let a = result.agencies.iter().find(|a| a.agency_id == id).unwrap();
            assert!(text.contains(&a.agency), "{} lacks {}", r.name, a.agency);
        }
        assert!(
            r.svg
                .contains("font-family=\"Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif\"")
        );
    }
}

#[test]
fn agencies_sharing_a_name_are_told_apart_by_parent() {
    let result = report_support::run_result();
    let c = chart::plan(&result, None, false)
        .into_iter()
        .find(|c| c.name() == "ranking-county")
        .unwrap();
    let text = svg_text(&c.render(96).unwrap().svg);
    assert!(text.contains("城区（阳泉市）") && text.contains("城区（长治市）"), "{text}");
}

#[test]
fn png_resolution_follows_dpi() {
    let result = report_support::run_result();
    let c =
        chart::plan(&result, None, false).into_iter().find(|c| c.name() == "distribution").unwrap();
    let r = c.render(192).unwrap();
    let (w, h) = c.size();
    assert_eq!(png_size(&r.png), (2 * w, 2 * h));
    let decoder = png::Decoder::new(&r.png[..]);
    let reader = decoder.read_info().unwrap();
    let dims = reader.info().pixel_dims.expect("pHYs chunk");
    // 192 dpi = 7559 pixels per metre.
    assert_eq!((dims.xppu, dims.unit), (7559, png::Unit::Meter));
}

#[test]
fn same_result_draws_identical_svg() {
    let result = report_support::run_result();
    let a: Vec<String> =
        chart::plan(&result, None, false).iter().map(|c| c.render(48).unwrap().svg).collect();
    let b: Vec<String> =
        chart::plan(&result, None, false).iter().map(|c| c.render(48).unwrap().svg).collect();
    assert_eq!(a, b);
}

fn rgb_pixels(bytes: &[u8]) -> Vec<[u8; 3]> {
    let decoder = png::Decoder::new(bytes);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf[..info.buffer_size()].chunks(3).map(|p| [p[0], p[1], p[2]]).collect()
}

#[test]
fn ranking_bars_take_the_colour_of_each_grade_present() {
    let result = report_support::run_result();
    let bands = ["优秀", "良好", "合格", "不合格"];
    for g in ["city", "county", "dept"] {
        let c = chart::plan(&result, None, false)
            .into_iter()
            .find(|c| c.name() == format!("ranking-{g}"))
            .unwrap();
        let pixels = rgb_pixels(&c.render(96).unwrap().png);
        for (i, band) in bands.iter().enumerate() {
            let RGBColor(r, gr, b) = chart::grade_color(Some(i), bands.len());
            let count = pixels.iter().filter(|p| **p == [r, gr, b]).count();
            let present = result.agencies.iter().any(|a| a.group == g && a.grade == *band);
            // A bar is at least 100 px wide and 15 px high at 96 dpi.
            assert_eq!(
                count > 1500,
                present,
                "{g}: colour of {band} drawn on {count} pixels, grade present: {present}"
            );
        }
    }
}

/// Every chart fits A4 at 16 cm wide: its PNG at 300 dpi is at most 16 cm wide and at most 1.5
/// times as tall as wide, and every text it draws is at least 9 pt when the chart is placed at
/// 16 cm. The text size is read from the SVG's `font-size` (the em, in the SVG's pixels, which map
/// to the PNG's pixels at 300/96); a group too long for one page comes as numbered parts.
#[test]
fn every_chart_fits_a_page_with_text_of_nine_points() {
    let result = report_support::run_result_scaled(20);
    let mut plan = chart::plan(&result, Some(&previous()), true);
    // One agency chart stands for all (they share one layout).
    let first_agency = plan.iter().position(|c| c.is_per_agency()).unwrap();
    plan.truncate(first_agency + 1);
    for c in &plan {
        let r = c.render(300).unwrap();
        let (w, h) = png_size(&r.png);
        let width_cm = f64::from(w) / 300.0 * 2.54;
        assert!(width_cm <= 16.0 + 1e-9, "{}: {width_cm:.2} cm wide", r.name);
        assert!(
            f64::from(h) <= 1.5 * f64::from(w),
            "{}: {w}×{h} px taller than 1.5 × its width",
            r.name
        );
        // At 16 cm wide the chart is scaled by 16 / width_cm; 1 pt = 300/72 px at 300 dpi.
        let scale = 16.0 / width_cm;
        let doc = roxmltree::Document::parse(&r.svg).unwrap();
        let mut sizes = 0;
        for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let em: f64 = n.attribute("font-size").expect("text has a font-size").parse().unwrap();
            let pt = em * 300.0 / 96.0 * scale / (300.0 / 72.0);
            assert!(pt >= 9.0, "{}: text {:?} is {pt:.2} pt at 16 cm", r.name, n.text());
            sizes += 1;
        }
        assert!(sizes > 0, "{} draws no text", r.name);
    }
}

#[test]
fn a_long_group_is_split_into_numbered_parts_on_one_scale() {
    let result = report_support::run_result_scaled(20);
    let county = result.agencies.iter().filter(|a| a.group == "county").count();
    let plan = chart::plan(&result, None, false);
    let parts: Vec<&chart::AnyChart> =
        plan.iter().filter(|c| c.name().starts_with("ranking-county")).collect();
    // 22 px a row and 120 px of title and axis: at most 35 rows in 906 px.
    let want = county.div_ceil(35);
    assert_eq!(parts.len(), want, "{county} counties");
    assert!(want > 1, "the scaled fixture has {county} counties: too few to split");
    {
        for (k, c) in parts.iter().enumerate() {
            assert_eq!(c.name(), format!("ranking-county-{}", k + 1));
            assert!(c.title().contains(&format!("第{}部分/共{want}部分", k + 1)), "{}", c.title());
        }
    }
}
