//! `kaohe report [RULES] [--data DIR] [--out DIR]`: score the run and write the report bundle
//! (report.html, report.md, report.docx, report.pdf, rankings.xlsx, charts/) beside rankings.csv and scores.json.

use std::path::PathBuf;

use super::args::RunArgs;
use crate::report::document::{Masthead, quota_rules};
use crate::report::{ReportOptions, previous::Previous, progress, write_bundle};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub run: RunArgs,
    /// Output directory.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Last year's results (its output directory or its rankings.csv), for the change charts.
    #[arg(long, value_name = "OUT_DIR_OR_RANKINGS_CSV")]
    pub previous: Option<PathBuf>,
    /// Resolution of the PNG charts (dots per inch, 20 to 1200).
    #[arg(long, default_value_t = 300, value_parser = super::args::whole::<u32>(20, 1200))]
    pub dpi: u32,
    /// Skip the chart per agency (one agency against its group).
    #[arg(long)]
    pub no_agency_charts: bool,
    /// Fail if a label has a character the embedded font lacks (default: warn).
    #[arg(long)]
    pub strict_glyphs: bool,
    /// Title of report.docx/report.pdf (通报标题; default: 关于<scheme title>结果的通报).
    #[arg(long)]
    pub title: Option<String>,
    /// Issuer shown under the title (发文单位; default: 政务公开工作领导小组办公室).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Date shown under the title, as written (日期; default: the scheme's year, e.g. 2022年度).
    #[arg(long)]
    pub date: Option<String>,
}

pub fn run(args: &ReportArgs) -> crate::Result<()> {
    args.run.check_out(&args.out)?;
    let previous = args.previous.as_deref().map(Previous::load).transpose()?;
    let (scheme, inputs) = crate::pipeline::load(&args.run.config())?;
    let result = crate::pipeline::score_checked(&scheme, &inputs)?;
    let masthead = Masthead {
        title: args.title.clone(),
        issuer: args.issuer.clone(),
        date: args.date.clone(),
        year: scheme.year,
        quotas: quota_rules(&scheme),
    };
    let options = ReportOptions {
        dpi: args.dpi,
        previous,
        agency_charts: !args.no_agency_charts,
        strict_glyphs: args.strict_glyphs,
        progress: progress::wanted(),
        masthead,
    };
    // Rankings, scores and the bundle are committed together: never a new ranking beside an old
    // report.
    let mut written = None;
    crate::util::fs::commit_dir(&args.out, |stage| {
        crate::output::write_run(&result, stage)?;
        written = Some(write_bundle(&result, stage, &options)?);
        Ok(())
    })?;
    let bundle = written.expect("the bundle was written");
    for w in &bundle.warnings {
        eprintln!("{}", crate::t!("cli-warning", message = crate::util::term::clean(w)));
    }
    let charts = bundle.files.iter().filter(|f| f.starts_with("charts")).count();
    for f in [
        "rankings.csv",
        "scores.json",
        "report.html",
        "report.md",
        "report.docx",
        "report.pdf",
        "rankings.xlsx",
    ] {
        println!("{}", crate::t!("cli-wrote", path = args.out.join(f)));
    }
    println!("{}", crate::t!("cli-wrote-charts", count = charts, dir = args.out.join("charts")));
    Ok(())
}
