//! The language of everything a person reads: Chinese by default, English on request.
//!
//! Messages live in Fluent catalogues, `locales/zh/*.ftl` and `locales/en/*.ftl` (one file per
//! area, the same message ids in both), compiled into the binary by `build.rs`. Code names a
//! message by its id and passes its arguments: [`t!`](crate::t)`("score-total", total = "87.5")`.
//! The language is chosen once per process ([`set_lang`]): `--lang` on the command line, else the
//! `KAOHE_LANG` environment variable, else Chinese. Machine keys (JSON field names, rule ids) never
//! go through here.
//!
//! Arguments are formatted by the caller (points are decimals with the scheme's own number of
//! places; Fluent's number formatting is not used for them); integers passed as integers may select
//! plural forms in the English catalogue.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// A language kaohe speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文, the default.
    Zh,
    /// English, on request.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The short code used for the catalogue folder and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Zh => embedded::ZH,
            Lang::En => embedded::EN,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language name that is not one kaohe speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language '{}' (expected zh or en / 未知语言，应为 zh 或 en)", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `cn`, `中文` → Chinese; `en`, `en-US`, `english` → English.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let base = t.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "zh" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "english" | "英文" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Choose the language of every message from now on (the CLI calls this once, first).
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

thread_local! {
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Choose the language of messages made on this thread only (`None`: the process's again). For
/// tests, which run side by side on threads of one process: a test that asserts English text sets
/// it for its own thread and cannot change the language of a test running beside it. Work handed
/// to other threads (rayon) speaks the process's language.
pub fn set_thread_lang(lang: Option<Lang>) {
    THREAD_LANG.with(|l| l.set(lang));
}

/// The language messages are written in: this thread's if one was chosen, else the process's.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD_LANG.with(|l| l.get()) {
        return lang;
    }
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

/// The language `KAOHE_LANG` asks for, if it is set and not empty.
pub fn lang_from_env() -> Option<Result<Lang, UnknownLang>> {
    let value = std::env::var("KAOHE_LANG").ok()?;
    if value.trim().is_empty() {
        return None;
    }
    Some(value.parse())
}

struct Catalogues {
    zh: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn catalogues() -> &'static Catalogues {
    static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();
    CATALOGUES.get_or_init(|| Catalogues { zh: bundle(Lang::Zh), en: bundle(Lang::En) })
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-GB",
    }
    .parse()
    .expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would end up in CSV cells and terminals.
    bundle.set_use_isolating(false);
    for (name, text) in lang.catalogue() {
        // A catalogue with a syntax error keeps its good messages; `catalogue_problems` (run by the
        // tests) reports the bad ones, so a broken entry never reaches a release.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        if bundle.add_resource(resource).is_err() {
            // A message id defined twice: the first definition stays (the tests report it).
            let _ = name;
        }
    }
    bundle
}

/// A value passed to a message.
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'static>;
}

impl ToArg for str {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl ToArg for std::borrow::Cow<'_, str> {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl ToArg for std::path::Path {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}
impl ToArg for std::path::PathBuf {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.display().to_string())
    }
}
impl ToArg for rust_decimal::Decimal {
    /// As written (`0.5`, `12`), never through Fluent's number formatting.
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl ToArg for char {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
macro_rules! integer_args {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
integer_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);
impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> FluentValue<'static> {
        (**self).to_arg()
    }
}

/// Message `id` in the current language with its arguments.
pub fn tr(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    tr_in(lang(), id, args)
}

/// Message `id` in `lang` with its arguments. A message missing from the catalogue (the tests make
/// sure none is) comes out as its id and arguments rather than as nothing.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let cat = catalogues();
    let bundle = match lang {
        Lang::Zh => &cat.zh,
        Lang::En => &cat.en,
    };
    let (msg_id, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let pattern = bundle.get_message(msg_id).and_then(|m| match attribute {
        Some(a) => m.get_attribute(a).map(|attr| attr.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else {
        return missing(id, args);
    };
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    let mut errors = vec![];
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

fn missing(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut out = id.to_string();
    for (k, v) in args {
        let shown = match v {
            FluentValue::String(s) => s.to_string(),
            FluentValue::Number(n) => n.as_string().into_owned(),
            _ => String::new(),
        };
        out.push_str(&format!(" {k}={shown}"));
    }
    out
}

/// A message in the current language: `t!("id")` or `t!("id", name = value, …)`, where each value
/// is a [`ToArg`](crate::util::i18n::ToArg) (strings, paths, decimals, integers). An id with a
/// dot names an attribute: `t!("header.rank")`.
#[macro_export]
macro_rules! t {
    ($id:expr $(,)?) => {
        $crate::util::i18n::tr($id, &[])
    };
    ($id:expr, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::util::i18n::tr(
            $id,
            &[$((stringify!($key), $crate::util::i18n::ToArg::to_arg(&$value))),+],
        )
    };
}

/// [`t!`](crate::t) in a given language: `t_in!(Lang::En, "id", name = value)`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::util::i18n::tr_in($lang, $id, &[])
    };
    ($lang:expr, $id:expr, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::util::i18n::tr_in(
            $lang,
            $id,
            &[$((stringify!($key), $crate::util::i18n::ToArg::to_arg(&$value))),+],
        )
    };
}

/// Every message id (and `id.attribute`) of a language's catalogue, with the variables each uses.
pub fn message_ids(lang: Lang) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let mut ids = std::collections::BTreeMap::new();
    for (_, text) in lang.catalogue() {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let name = m.id.name.to_string();
                if let Some(value) = &m.value {
                    ids.insert(name.clone(), variables(value));
                }
                for attr in &m.attributes {
                    ids.insert(format!("{name}.{}", attr.id.name), variables(&attr.value));
                }
            }
        }
    }
    ids
}

fn variables(pattern: &fluent_syntax::ast::Pattern<&str>) -> BTreeSet<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.insert(id.name.to_string());
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    for el in &v.value.elements {
                        if let PatternElement::Placeable { expression } = el {
                            expr(expression, out);
                        }
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    for el in &pattern.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, &mut out);
        }
    }
    out
}

/// Problems in the catalogues: a file that does not parse, an id defined twice in one language.
/// Empty when all is well (a test asserts it).
pub fn catalogue_problems() -> Vec<String> {
    let mut problems = vec![];
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        for (name, text) in lang.catalogue() {
            match FluentResource::try_new((*text).to_string()) {
                Ok(resource) => {
                    for entry in resource.entries() {
                        if let fluent_syntax::ast::Entry::Message(m) = entry
                            && !seen.insert(m.id.name.to_string())
                        {
                            problems.push(format!(
                                "locales/{lang}/{name}: message '{}' defined twice",
                                m.id.name
                            ));
                        }
                    }
                }
                Err((_, errors)) => {
                    for e in errors {
                        problems.push(format!("locales/{lang}/{name}: {e:?}"));
                    }
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names() {
        for (s, l) in
            [("zh", Lang::Zh), ("zh_CN.UTF-8", Lang::Zh), ("中文", Lang::Zh), ("EN", Lang::En)]
        {
            assert_eq!(s.parse::<Lang>(), Ok(l), "{s}");
        }
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn catalogues_parse_and_agree() {
        assert_eq!(catalogue_problems(), Vec::<String>::new());
        assert_eq!(message_ids(Lang::Zh), message_ids(Lang::En));
    }

    #[test]
    fn messages_in_both_languages() {
        assert_eq!(t_in!(Lang::Zh, "error-line", message = "x"), "错误：x");
        assert_eq!(t_in!(Lang::En, "error-line", message = "x"), "error: x");
        assert_eq!(tr_in(Lang::En, "no-such-message", &[("n", 3.to_arg())]), "no-such-message n=3");
    }
}
