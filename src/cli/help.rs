//! The command line's own texts in the reader's language: help (about, every argument's help,
//! the usage line and headings) and clap's argument errors, all from the catalogues
//! (locales/*/help.ftl).
//!
//! Help ids: `help-about` (the program), `help-cmd-<path>` (a subcommand, `path` its names joined
//! by `-`, e.g. `help-cmd-survey-import`), and for an argument `help-<path>-<arg>`, else the shared
//! `help-arg-<arg>` (arguments several subcommands have, clap's own `--help`/`--version`). A test
//! walks the whole tree and fails on an argument or command without a message.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::t_in;
use crate::util::i18n::{Lang, ToArg, tr_in};

/// Set every text of `cmd` and its subcommands (built first, so clap's own `--help`, `--version`
/// and `help` subcommand are there to be translated) from the catalogue of `lang`.
pub fn localize(cmd: &mut Command, lang: Lang) {
    cmd.build();
    localize_command(cmd, &[], lang);
}

fn localize_command(cmd: &mut Command, path: &[String], lang: Lang) {
    let about = if path.is_empty() {
        Some(tr_in(lang, "help-about", &[]))
    } else {
        command_about(path, lang)
    };
    let mut c = std::mem::take(cmd)
        .help_template(template(lang))
        .subcommand_help_heading(t_in!(lang, "help-heading-commands"))
        .subcommand_value_name(t_in!(lang, "help-value-command"));
    if let Some(about) = about {
        c = c.about(about).long_about(None);
    }
    c = c.mut_args(|a| localize_arg(a, path, lang));
    *cmd = c;
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
    let usage = usage.replace("[OPTIONS]", &t_in!(lang, "help-usage-options"));
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        localize_command(sub, &sub_path, lang);
    }
}

fn template(lang: Lang) -> String {
    let usage = t_in!(lang, "help-heading-usage");
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
    )
}

/// The message of `id` in `lang`, if the catalogue has it.
fn message(lang: Lang, id: &str) -> Option<String> {
    let text = tr_in(lang, id, &[]);
    (text != id).then_some(text)
}

/// A subcommand's about: `help-cmd-<path>`. clap's `help` subcommand lists the subcommands again
/// under itself (`kaohe help survey import`): those share the real ones' texts, and every `help`
/// shares one.
fn command_about(path: &[String], lang: Lang) -> Option<String> {
    let mut real: Vec<&str> = path.iter().map(String::as_str).collect();
    if let Some(at) = real.iter().position(|n| *n == "help") {
        real.remove(at);
        if at == path.len() - 1 || real.last() == Some(&"help") {
            return message(lang, "help-cmd-help");
        }
    }
    message(lang, &format!("help-cmd-{}", real.join("-")))
}

/// The catalogue ids tried for an argument's help, most specific first.
pub fn arg_ids(path: &[String], arg: &Arg) -> Vec<String> {
    let name = arg.get_id().as_str().replace('_', "-");
    let mut ids = vec![];
    if !path.is_empty() && !matches!(name.as_str(), "help" | "version") {
        ids.push(format!("help-{}-{name}", path.join("-")));
    }
    ids.push(format!("help-arg-{name}"));
    ids
}

/// Where a subcommand's help lists the program's global flags: after its own, before `--help`.
const GLOBAL_ORDER: usize = 900;

fn localize_arg(arg: Arg, path: &[String], lang: Lang) -> Arg {
    let heading =
        if arg.is_positional() { "help-heading-arguments" } else { "help-heading-options" };
    let mut help = arg_ids(path, &arg).iter().find_map(|id| message(lang, id));
    let takes_values = arg.get_action().takes_values();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let mut extra = vec![];
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        extra.push(t_in!(lang, "help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !possible.is_empty() && !arg.is_hide_possible_values_set() {
        extra.push(t_in!(lang, "help-possible", values = possible.join(", ")));
    }
    if !extra.is_empty() {
        let base = help.clone().or_else(|| arg.get_help().map(|h| h.to_string()));
        help = Some(base.into_iter().chain(extra).collect::<Vec<_>>().join(" "));
    }
    // The program's own flags (--lang, --all-errors) after a subcommand's, not among them.
    let global = !path.is_empty() && arg.is_global_set();
    let order = if global { GLOBAL_ORDER } else { arg.get_display_order() };
    let mut arg = arg
        .display_order(order)
        .help_heading(tr_in(lang, heading, &[]))
        .hide_default_value(true)
        .hide_possible_values(true);
    if let Some(help) = help {
        arg = arg.help(help).long_help(None);
    }
    arg
}

/// One of clap's argument errors as kaohe prints it, in `lang`: what was wrong, a suggestion if
/// clap has one, the usage line and where to read more. Kinds without context of their own
/// are clap's text.
pub fn render_error(e: &clap::Error, lang: Lang) -> String {
    let Some(what) = what_was_wrong(e, lang) else {
        return e.render().to_string();
    };
    let mut out = t_in!(lang, "error-line", message = what);
    for line in suggestions(e, lang) {
        out.push_str("\n\n  ");
        out.push_str(&line);
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        let heading = t_in!(lang, "help-heading-usage");
        out.push_str(&format!("\n\n{heading}: {usage}"));
    }
    out.push_str("\n\n");
    out.push_str(&t_in!(lang, "help-error-more", flag = "--help"));
    out.push('\n');
    out
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => vec![],
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// The first line of an error (without "error: "), or None for a kind kaohe leaves to clap.
fn what_was_wrong(e: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    let text = match e.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let mut text = if value.is_empty() {
                t_in!(lang, "help-error-value-missing", arg = arg)
            } else {
                t_in!(lang, "help-error-invalid-value", arg = arg, value = value)
            };
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                text.push_str("\n  ");
                text.push_str(&t_in!(lang, "help-possible", values = valid.join(", ")));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            let why = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
            t_in!(lang, "help-error-value-refused", arg = arg, value = value, why = why)
        }
        ErrorKind::UnknownArgument => t_in!(lang, "help-error-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            t_in!(lang, "help-error-unknown-subcommand", name = sub)
        }
        ErrorKind::MissingSubcommand => {
            let sub = string(e, ContextKind::InvalidSubcommand)?;
            let valid = strings(e, ContextKind::ValidSubcommand).join(", ");
            t_in!(lang, "help-error-missing-subcommand", name = sub, valid = valid)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            let mut text = t_in!(lang, "help-error-missing-arguments");
            for m in missing {
                text.push_str("\n  ");
                text.push_str(&m);
            }
            text
        }
        ErrorKind::ArgumentConflict => conflict(e, lang, arg?),
        ErrorKind::TooManyValues => {
            t_in!(lang, "help-error-too-many-values", arg = arg?, value = value?)
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let actual = number(e, ContextKind::ActualNumValues)?;
            let expected = number(e, ContextKind::MinValues)
                .or_else(|| number(e, ContextKind::ExpectedNumValues))?;
            t_in!(lang, "help-error-value-count", arg = arg?, expected = expected, actual = actual)
        }
        ErrorKind::NoEquals => t_in!(lang, "help-error-no-equals", arg = arg?),
        ErrorKind::InvalidUtf8 => t_in!(lang, "help-error-not-utf8"),
        _ => return None,
    };
    Some(text)
}

fn conflict(e: &clap::Error, lang: Lang, arg: String) -> String {
    let prior = strings(e, ContextKind::PriorArg);
    if prior.is_empty() || prior == [arg.clone()] {
        return t_in!(lang, "help-error-repeated", arg = arg);
    }
    t_in!(lang, "help-error-conflict", arg = arg, other = prior.join(", "))
}

/// "Did you mean" lines: a similar subcommand, argument or value clap found.
fn suggestions(e: &clap::Error, lang: Lang) -> Vec<String> {
    let mut out = vec![];
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "help-error-similar-subcommand"),
        (ContextKind::SuggestedArg, "help-error-similar-argument"),
        (ContextKind::SuggestedValue, "help-error-similar-value"),
    ] {
        let names = strings(e, kind);
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            let args = [("names", names.join(", ").to_arg()), ("count", names.len().to_arg())];
            out.push(tr_in(lang, id, &args));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        let value = string(e, ContextKind::InvalidArg)
            .or_else(|| string(e, ContextKind::InvalidSubcommand))
            .unwrap_or_default();
        out.extend(tips.iter().map(|t| tip(&t.to_string(), &value, lang)));
    }
    out
}

/// One of clap's own tips. The one for a value that looks like a flag (`-1`) ends by quoting the
/// command line that passes it (`'-- -1'`): said in `lang`. Any other is shown as clap words it.
fn tip(text: &str, value: &str, lang: Lang) -> String {
    let quoted = text.strip_suffix('\'').and_then(|t| t.rsplit_once('\'')).map(|(_, q)| q);
    match quoted {
        Some(fix) if !value.is_empty() && fix.ends_with(&format!("-- {value}")) => {
            t_in!(lang, "help-error-tip-value", value = value, fix = fix)
        }
        _ => t_in!(lang, "help-error-tip", tip = text),
    }
}

/// Commands and arguments of `cmd` (built) whose help `lang`'s catalogue lacks (a test keeps
/// this empty).
pub fn missing_messages(cmd: &Command, path: &[String], lang: Lang) -> Vec<String> {
    let mut missing = vec![];
    if !path.is_empty() && command_about(path, lang).is_none() {
        missing.push(format!("help-cmd-{}", path.join("-")));
    }
    for arg in cmd.get_arguments() {
        let ids = arg_ids(path, arg);
        if !ids.iter().any(|id| message(lang, id).is_some()) {
            missing.push(ids.join(" or "));
        }
    }
    for sub in cmd.get_subcommands() {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        missing.extend(missing_messages(sub, &sub_path, lang));
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        use clap::CommandFactory;
        let mut cmd = crate::cli::app::Cli::command();
        cmd.build();
        for lang in Lang::ALL {
            assert_eq!(missing_messages(&cmd, &[], lang), Vec::<String>::new(), "{lang}");
        }
    }

    #[test]
    fn help_subcommand_shares_the_texts() {
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let about = |p: &[&str]| command_about(&path(p), Lang::En).unwrap();
        assert_eq!(about(&["help", "survey", "import"]), about(&["survey", "import"]));
        assert_eq!(about(&["survey", "help", "import"]), about(&["survey", "import"]));
        assert_eq!(about(&["survey", "help"]), about(&["help"]));
        assert_eq!(about(&["help", "help"]), about(&["help"]));
    }

    /// The doc comments on the argument structs are the English help as a reader of the code sees
    /// it; the English catalogue is what the program prints. They must not drift apart.
    #[test]
    fn english_catalogue_says_what_the_doc_comments_say() {
        use clap::CommandFactory;
        fn walk(cmd: &Command, path: &[String], drift: &mut Vec<String>) {
            if let (false, Some(doc)) = (path.is_empty(), cmd.get_about()) {
                let shown = command_about(path, Lang::En).unwrap_or_default();
                if shown != doc.to_string() {
                    drift.push(format!("{}: {doc:?} vs {shown:?}", path.join(" ")));
                }
            }
            for arg in cmd.get_arguments() {
                let Some(doc) = arg.get_help() else { continue };
                let shown = arg_ids(path, arg).iter().find_map(|id| message(Lang::En, id));
                if shown.as_deref() != Some(doc.to_string().as_str()) {
                    drift.push(format!(
                        "{} {}: {doc:?} vs {shown:?}",
                        path.join(" "),
                        arg.get_id()
                    ));
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let mut sub_path = path.to_vec();
                sub_path.push(sub.get_name().to_string());
                walk(sub, &sub_path, drift);
            }
        }
        let cmd = crate::cli::app::Cli::command();
        let mut drift = vec![];
        walk(&cmd, &[], &mut drift);
        assert!(drift.is_empty(), "{}", drift.join("\n"));
    }
}
