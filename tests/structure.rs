//! The code's shape, checked on every `cargo test` (issue 10): imports between the top-level
//! modules of src/ point one way, down the layer order below, and no function in src/ is over 120
//! lines. Test code (`#[cfg(test)]` items) is left out of both. A port of the Python check in the
//! project's before-stop hook, with comments and string literals blanked first so that a
//! `crate::` in a doc comment or a `{` in a string counts for nothing.

mod util;

use std::path::Path;

/// Bottom to top. `error` may be used by every module; `util` uses only `error`.
const ORDER: [&str; 17] = [
    "util", "error", "rules", "input", "survey", "score", "rank", "output", "pipeline", "report",
    "preview", "robust", "synth", "verify", "cases", "cli", "main",
];
const MAX_FN_LINES: usize = 120;

/// The source with comments and the contents of string and char literals replaced by spaces
/// (newlines kept, so line numbers hold).
fn blank_comments_and_strings(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && at(&c, i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && at(&c, i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(&c, i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(&c, i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (at(&c, i + 1) == '"' || (at(&c, i + 1) == '#' && !is_ident(prev(&c, i))))
        {
            // A raw string r"…" or r#"…"#: ends at a quote followed by as many hashes.
            let mut j = i + 1;
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            if c.get(j) != Some(&'"') || is_ident(prev(&c, i)) {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            out.push('"');
            i = j + 1;
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|k| at(&c, i + k) == '#')) {
                blank(&mut out, c[i]);
                i += 1;
            }
            out.push('"');
            i += 1 + hashes;
        } else if c[i] == '"' {
            out.push('"');
            i += 1;
            while i < c.len() && c[i] != '"' {
                let skip = if c[i] == '\\' { 2 } else { 1 };
                for k in 0..skip {
                    if let Some(&ch) = c.get(i + k) {
                        blank(&mut out, ch);
                    }
                }
                i += skip;
            }
            out.push('"');
            i += 1;
        } else if c[i] == '\'' && (at(&c, i + 1) == '\\' || at(&c, i + 2) == '\'') {
            // A char literal ('x', '\n', '\u{feff}'); a lifetime ('a) has no closing quote.
            out.push_str("' '");
            i += 1;
            if c[i] == '\\' {
                i += 2;
            }
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn at(c: &[char], i: usize) -> char {
    c.get(i).copied().unwrap_or('\0')
}

fn prev(c: &[char], i: usize) -> char {
    if i == 0 { ' ' } else { c[i - 1] }
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Byte index just past the item starting at `from`: its `;`, or the `}` matching its first `{`
/// (a `;` inside `(…)` or `[…]`, as in `[u8; 4]`, does not end it).
fn item_end(code: &str, from: usize) -> usize {
    let (mut nest, mut braces) = (0i32, 0i32);
    for (k, ch) in code[from..].char_indices() {
        match ch {
            '(' | '[' => nest += 1,
            ')' | ']' => nest -= 1,
            ';' if nest == 0 && braces == 0 => return from + k + 1,
            '{' => braces += 1,
            '}' => {
                braces -= 1;
                if braces == 0 {
                    return from + k + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// Cleaned code with every `#[cfg(test)]` item blanked (newlines kept).
fn without_test_code(src: &str) -> String {
    let mut code = blank_comments_and_strings(src);
    while let Some(at) = code.find("#[cfg(test)]") {
        let end = item_end(&code, at + "#[cfg(test)]".len());
        let blanked: String =
            code[at..end].chars().map(|ch| if ch == '\n' { '\n' } else { ' ' }).collect();
        code.replace_range(at..end, &blanked);
    }
    code
}

/// The top-level modules a file names through `crate::x` or `crate::{x, y::z}`.
fn crate_edges(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && is_ident(code[..at].chars().next_back().unwrap()) {
            continue; // `kaohe_crate::`, not `crate::`
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut start) = (0, true);
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && is_ident(c) => {
                        names.push(ident_at(&group[k..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident_at(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names.sort();
    names.dedup();
    names
}

fn ident_at(s: &str) -> String {
    s.chars().take_while(|&c| is_ident(c)).collect()
}

/// Each `fn` in the code (nested ones too) longer than the limit: (line, name, lines).
fn long_functions(code: &str, max: usize) -> Vec<(usize, String, usize)> {
    let mut long = Vec::new();
    for (at, _) in code.match_indices("fn ") {
        if at > 0 && is_ident(code[..at].chars().next_back().unwrap()) {
            continue;
        }
        let name = ident_at(code[at + 3..].trim_start());
        if name.is_empty() {
            continue; // a `fn(u32) -> u32` pointer type
        }
        let end = item_end(code, at);
        if !code[at..end].ends_with('}') {
            continue; // a declaration without a body (in a trait)
        }
        let first = code[..at].matches('\n').count() + 1;
        let lines = code[at..end].matches('\n').count() + 1;
        if lines > max {
            long.push((first, name, lines));
        }
    }
    long
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every violation in src/: an import pointing up, a module outside the order, a long function.
fn violations(src: &Path) -> Vec<String> {
    let level = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        let code = without_test_code(&std::fs::read_to_string(f).unwrap());
        if top != "lib" {
            match level(&top) {
                None => found.push(format!("src/{rel}: module `{top}` is not in the layer order")),
                Some(own) => {
                    for n in crate_edges(&code) {
                        let up = n != top && n != "error" && level(&n).is_some_and(|l| l > own);
                        if up {
                            found.push(format!("src/{rel}: imports `crate::{n}`, above `{top}`"));
                        }
                    }
                }
            }
        }
        for (line, name, lines) in long_functions(&code, MAX_FN_LINES) {
            found.push(format!(
                "src/{rel}:{line}: fn {name} is {lines} lines (at most {MAX_FN_LINES})"
            ));
        }
    }
    found
}

#[test]
fn layers_point_down_and_functions_are_short() {
    let found = violations(&util::repo().join("src"));
    assert!(found.is_empty(), "{} structure violations:\n{}", found.len(), found.join("\n"));
}

/// The scanner itself, on snippets whose answers are read off by eye.
#[test]
fn the_scanner_sees_edges_and_lengths_and_ignores_comments_strings_and_tests() {
    let src = r##"
use crate::{rank::{self, Grade}, error::Error, score};
use crate::util::line_of; // crate::cli in a comment
/// See [`crate::report`].
const S: &str = "crate::pipeline {";
const R: &str = r#"crate::preview }"#;
fn f(x: [u8; 4]) -> char { let _ = crate::output::x; '{' }
fn g<'a>(s: &'a str) -> &'a str {
    s
}
#[cfg(test)]
mod tests {
    use crate::cases;
    fn t() { crate::cli::x(); }
}
"##;
    let code = without_test_code(src);
    assert_eq!(crate_edges(&code), ["error", "output", "rank", "score", "util"]);
    // f is one line (line 7); g spans lines 8 to 10; the test module's t is gone.
    assert_eq!(long_functions(&code, 0), [(7, "f".into(), 1), (8, "g".into(), 3)]);
    assert!(long_functions(&code, 3).is_empty());
}
