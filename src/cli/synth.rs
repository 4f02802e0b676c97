//! `kaohe synth [RULES] --agencies N --seed S --out DIR`: a synthetic data directory for a scheme.

use std::path::PathBuf;

use crate::util::fs::{Keep, check_out_dir};

#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// The scoring rules the data is generated for.
    #[arg(default_value = crate::pipeline::DEFAULT_RULES)]
    pub rules: PathBuf,
    /// Number of agencies (168 = Shanxi's 11 cities, 40 departments and 117 counties; at most
    /// 100000).
    #[arg(long, default_value_t = 168,
          value_parser = super::args::whole::<usize>(1, 100_000))]
    pub agencies: usize,
    #[arg(long, default_value_t = 2022, value_parser = super::args::seed())]
    pub seed: u64,
    /// Output data directory.
    #[arg(long)]
    pub out: PathBuf,
    /// Draw the survey results through a synthetic questionnaire export and the survey importer
    /// (writes survey-export.csv; survey.csv and survey-responses.csv are the importer's output).
    /// Repeat for several questionnaires: each export is survey-export-<id>.csv, listed in
    /// kaohe-ignore.txt.
    #[arg(long, value_name = "QUESTIONNAIRE")]
    pub survey: Vec<PathBuf>,
    /// Responses in the synthetic survey export (1 to 10000000).
    #[arg(long, default_value_t = 12_000, value_parser = super::args::whole::<u64>(1, 10_000_000))]
    pub survey_rows: u64,
}

pub fn run(args: &SynthArgs) -> crate::Result<()> {
    let rules_dir = args.rules.parent().filter(|p| !p.as_os_str().is_empty());
    let keep: Vec<Keep> = rules_dir
        .map(|p| Keep { what: crate::t!("cli-keep-rules-dir"), path: p, no_inside: false })
        .into_iter()
        .collect();
    check_out_dir(&args.out, &keep)?;
    let scheme = crate::rules::load(&args.rules, &crate::pipeline::display(&args.rules))?;
    let mut data = crate::synth::generate(
        &scheme,
        &crate::synth::SynthConfig { agencies: args.agencies, seed: args.seed },
    );
    if !args.survey.is_empty() {
        let surveys: Vec<crate::synth::SurveySynth> = args
            .survey
            .iter()
            .map(|q| crate::synth::SurveySynth { questionnaire: q.clone(), rows: args.survey_rows })
            .collect();
        crate::synth::survey_through_importer(&mut data, &surveys, args.seed, &args.out)?;
        for q in &args.survey {
            let id = crate::survey::questionnaire::Questionnaire::load(q)?.id;
            let path = args.out.join(crate::synth::export_name(&id, args.survey.len() > 1));
            println!(
                "{}",
                crate::t!("cli-wrote-rows", rows = format!("{:>8}", args.survey_rows), path = path)
            );
        }
    }
    crate::synth::write(&data, &args.out)?;
    for (name, text) in &data.files {
        let rows = format!("{:>8}", text.lines().count().saturating_sub(1));
        println!("{}", crate::t!("cli-wrote-rows", rows = rows, path = args.out.join(name)));
    }
    Ok(())
}
