//! Any bytes as a 问卷星 CSV export, through the streaming importer with the Shanxi questionnaire:
//! an import (every row accounted for) or an error, never a panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use kaohe::survey::import::{self, Options};
use kaohe::survey::questionnaire::Questionnaire;
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| {
        let p =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../surveys/shanxi-2022-social.toml");
        Questionnaire::load(&p).expect("the bundled questionnaire loads")
    })
}

fuzz_target!(|data: &[u8]| {
    // The importer streams from a file: one scratch file per fuzzing process.
    let path = std::env::temp_dir().join(format!("kaohe-fuzz-{}.csv", std::process::id()));
    std::fs::write(&path, data).expect("scratch file");
    if let Ok(im) = import::import(questionnaire(), std::slice::from_ref(&path), Options::default())
    {
        let t = im.total();
        assert_eq!(t.accounted(), t.rows, "every row accounted for");
    }
});
