//! The report bundle: report.html, report.md, report.docx, report.pdf, rankings.xlsx and
//! `charts/*.png|svg`, written into an
//! output directory from one [`RunResult`].

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::report::chart::{self, Rendered};
use crate::report::document::{self, Masthead};
use crate::report::previous::Previous;
use crate::report::{docx, font, html, markdown, pdf, progress, xlsx};
use crate::score::result::RunResult;
use crate::util::fs::write_atomic;

#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Resolution of the PNG charts (print quality at 300).
    pub dpi: u32,
    /// Last year's results, for the change charts.
    pub previous: Option<Previous>,
    /// Draw one chart per agency (agency against its group).
    pub agency_charts: bool,
    /// Fail, rather than warn, when a label has characters the embedded font lacks.
    pub strict_glyphs: bool,
    /// Show a progress bar (callers pass [`progress::wanted`]).
    pub progress: bool,
    /// Title, issuer, date and quota rules of report.docx / report.pdf.
    pub masthead: Masthead,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            dpi: 300,
            previous: None,
            agency_charts: true,
            strict_glyphs: false,
            progress: false,
            masthead: Masthead::default(),
        }
    }
}

/// What [`write_bundle`] wrote.
#[derive(Debug)]
pub struct Bundle {
    /// Every file written, sorted.
    pub files: Vec<PathBuf>,
    /// Labels the embedded font cannot draw (each would show a box).
    pub warnings: Vec<String>,
}

pub fn write_bundle(result: &RunResult, out_dir: &Path, options: &ReportOptions) -> Result<Bundle> {
    let plan = chart::plan(result, options.previous.as_ref(), options.agency_charts);

    let mut labels: Vec<String> = plan.iter().flat_map(|c| c.labels()).collect();
    // The page draws these in the embedded font too.
    labels.push(result.scheme.title.clone());
    labels.push(result.scheme.basis.clone());
    let m = &options.masthead;
    labels.extend([&m.title, &m.issuer, &m.date].into_iter().flatten().cloned());
    let warnings = font::check_labels(labels.iter().map(String::as_str));
    if options.strict_glyphs && !warnings.is_empty() {
        return Err(Error::Many(warnings.into_iter().map(Error::Usage).collect()));
    }

    // Steps: draw each chart, write each chart (both formats fsync'd, which takes as long), then
    // the workbook, the Markdown and the page.
    let bar = progress::bar(
        2 * plan.len() as u64 + 5,
        options.progress,
        &crate::t!("report-progress-drawing"),
    );
    let rendered: Vec<Rendered> = plan
        .par_iter()
        .map(|c| {
            let r = c.render(options.dpi);
            bar.inc(1);
            r
        })
        .collect::<Result<_>>()?;

    let mut files = Vec::new();
    let mut put = |name: PathBuf, bytes: &[u8]| -> Result<()> {
        write_atomic(&out_dir.join(&name), bytes)?;
        files.push(name);
        Ok(())
    };
    bar.set_message(crate::t!("report-progress-writing"));
    for r in &rendered {
        put(Path::new("charts").join(format!("{}.svg", r.name)), r.svg.as_bytes())?;
        put(Path::new("charts").join(format!("{}.png", r.name)), &r.png)?;
        bar.inc(1);
    }
    bar.set_message("rankings.xlsx");
    put(PathBuf::from("rankings.xlsx"), &xlsx::write(result)?)?;
    bar.inc(1);
    let previous =
        options.previous.as_ref().map(|p| format!("{} (SHA-256 {})", p.path.display(), p.sha256));
    put(
        PathBuf::from("report.md"),
        markdown::write(result, &rendered, previous.as_deref()).as_bytes(),
    )?;
    bar.inc(1);
    let page = html::Page {
        result,
        charts: &rendered,
        previous: previous.as_deref(),
        warnings: &warnings,
    };
    put(PathBuf::from("report.html"), html::write(&page).as_bytes())?;
    bar.inc(1);
    bar.set_message("report.docx, report.pdf");
    let doc = document::build(result, &rendered, options.previous.as_ref(), &options.masthead);
    put(PathBuf::from("report.docx"), &docx::write_docx(&doc)?)?;
    bar.inc(1);
    put(PathBuf::from("report.pdf"), &pdf::write_pdf(&doc)?)?;
    bar.finish_and_clear();
    files.sort();
    remove_stale_charts(&out_dir.join("charts"), &files)?;
    Ok(Bundle { files, warnings })
}

/// Chart files an earlier run left in `charts/` that this run did not write (an agency that left the
/// run, last year's charts when `--previous` is no longer given): a reader of the folder would take
/// them for current. Only files named like our charts are touched.
fn remove_stale_charts(dir: &Path, written: &[PathBuf]) -> Result<()> {
    const STEMS: [&str; 7] = [
        "distribution",
        "ranking-",
        "composition-",
        "heatmap-",
        "change-",
        "satisfaction-",
        "agency-",
    ];
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = STEMS.iter().any(|s| name.starts_with(s))
            && (name.ends_with(".svg") || name.ends_with(".png"));
        if ours && !written.iter().any(|w| w == &Path::new("charts").join(&name)) {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(&entry.path(), e))?;
        }
    }
    Ok(())
}
