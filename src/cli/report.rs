//! `kaohe report`: charts and the annual report bundle.

#[derive(Debug, clap::Args)]
pub struct ReportArgs {}

pub fn run(_args: &ReportArgs) -> crate::Result<()> {
    Err(crate::Error::Usage("`kaohe report` is not built yet".into()))
}
