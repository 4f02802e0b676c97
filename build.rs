//! Embeds the message catalogues: every `locales/<lang>/*.ftl` file becomes a `(name, text)` entry
//! of `$OUT_DIR/locales.rs`, sorted by name, so a catalogue added to the folder is compiled in
//! without a list to keep by hand.

use std::path::Path;
use std::{env, fs};

fn main() {
    // Read at run time: `env!` would bake in the directory the build script was first compiled
    // in, and a copied target/ (a git worktree's) would then embed another checkout's catalogues.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut out = String::new();
    for lang in ["zh", "en"] {
        let dir = root.join(lang);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable catalogue folder").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        out.push_str(&format!("pub(crate) const {}: &[(&str, &str)] = &[\n", lang.to_uppercase()));
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let name = file.file_name().expect("a file name").to_string_lossy().into_owned();
            out.push_str(&format!(
                "    ({name:?}, include_str!({:?})),\n",
                file.display().to_string()
            ));
        }
        out.push_str("];\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}
