//! `kaohe survey …`: questionnaire import, merge, init.

#[derive(Debug, clap::Args)]
pub struct SurveyArgs {}

pub fn run(_args: &SurveyArgs) -> crate::Result<()> {
    Err(crate::Error::Usage("`kaohe survey` is not built yet".into()))
}
