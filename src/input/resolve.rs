//! Names in rows resolved to ids (issue 12 item 2): wherever a row names a group, a finding kind, a
//! task, an indicator, a bonus item, a survey or an agency, the scheme's (or the agencies file's)
//! Chinese name is accepted as well as the id. Values are compared after [`key`]: trimmed,
//! full-width forms made half-width (`（）` → `()`, `？` → `?`, `１` → `1`), blanks removed, ASCII
//! lower-cased. An id written exactly wins; a name two rules share is an error listing both; an
//! agency name two agencies share is an error listing their ids. A value that is neither is left as
//! it is for [`super::check`], which says it is unknown and what was probably meant.
//!
//! Resolution rewrites the value to the id, so the engine, the ledger and every output are the same
//! as if the id had been written; the ledger cites the row (`findings.csv:12`) as before.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::records::Inputs;
use crate::error::{Error, Location, Result};
use crate::rules::{Method, Scheme};

/// The form in which names and ids are compared.
pub fn key(s: &str) -> String {
    super::parse::normalize_width(s.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The ids of one kind of thing, each with its names.
#[derive(Default)]
pub struct Names {
    ids: HashSet<Arc<str>>,
    /// id → its name (the first given).
    names: HashMap<String, String>,
    /// key → (id, the name or id as the rules write it), distinct ids only.
    by_key: HashMap<String, Vec<(String, String)>>,
}

/// What a value names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The id itself, or nothing known (left for the check to report).
    Unchanged,
    /// The id the value names.
    Id(String),
    /// Several ids share the name: (id, name) of each.
    Ambiguous(Vec<(String, String)>),
}

impl Names {
    /// Add an id and its name (a name equal to the id, or empty, adds only the id).
    pub fn add(&mut self, id: &str, name: &str) {
        if !self.ids.contains(id) {
            self.ids.insert(Arc::from(id));
        }
        if !name.is_empty() {
            self.names.entry(id.to_string()).or_insert_with(|| name.to_string());
        }
        for label in [id, name] {
            let k = key(label);
            if k.is_empty() {
                continue;
            }
            let entry = self.by_key.entry(k).or_default();
            if !entry.iter().any(|(i, _)| i == id) {
                entry.push((id.to_string(), label.to_string()));
            }
        }
    }

    /// What `value` names.
    pub fn resolve(&self, value: &str) -> Resolved {
        if self.ids.contains(value) {
            return Resolved::Unchanged;
        }
        match self.by_key.get(&key(value)).map(Vec::as_slice) {
            None | Some([]) => Resolved::Unchanged,
            Some([(id, _)]) => Resolved::Id(id.clone()),
            Some(many) => Resolved::Ambiguous(many.to_vec()),
        }
    }

    /// The id a label (an id or a name as given) belongs to (the label itself if none).
    pub fn id_of(&self, label: &str) -> String {
        let found = self.by_key.get(&key(label)).and_then(|v| v.iter().find(|(_, l)| l == label));
        found.map_or_else(|| label.to_string(), |(id, _)| id.clone())
    }

    /// The name of an id, if it has one.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.names.get(id).map(String::as_str)
    }

    /// Every id and name, for "did you mean" hints.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.by_key.values().flatten().map(|(_, label)| label.as_str())
    }
}

/// The finding kinds of a scheme with their names (deductions, penalties, vetoes).
pub fn kind_names(scheme: &Scheme) -> Names {
    let mut names = Names::default();
    for n in &scheme.nodes {
        if let Some(Method::Deduct(kinds)) = n.method() {
            for k in kinds {
                names.add(&k.kind, &k.name);
            }
        }
    }
    for k in &scheme.penalty.kinds {
        names.add(&k.kind, &k.name);
    }
    for v in &scheme.vetoes {
        names.add(&v.kind, &v.name);
    }
    names
}

/// The leaf items of one method with their names.
pub fn item_names(scheme: &Scheme, of: fn(&Method) -> bool) -> Names {
    let mut names = Names::default();
    for n in scheme.nodes.iter().filter(|n| n.method().is_some_and(of)) {
        names.add(&n.id, &n.name);
    }
    names
}

/// Measure ids rows may name: measured items (with their names) and the measures normalised
/// items read.
pub fn measure_names(scheme: &Scheme) -> Names {
    let mut names = item_names(scheme, |m| matches!(m, Method::Measure(_)));
    for n in &scheme.nodes {
        if let Some(Method::Normalise(nm)) = n.method() {
            names.add(&nm.measure, "");
            if let Some(per) = &nm.per {
                names.add(per, "");
            }
        }
    }
    names
}

/// Surveys with the names of the items reading them.
pub fn survey_names(scheme: &Scheme) -> Names {
    let mut names = Names::default();
    for n in &scheme.nodes {
        if let Some(Method::Survey(s)) = n.method() {
            names.add(&s.survey, &n.name);
        }
    }
    names
}

/// Bonus items with their names.
pub fn bonus_names(scheme: &Scheme) -> Names {
    let mut names = Names::default();
    for b in &scheme.bonus.items {
        names.add(&b.id, &b.name);
    }
    names
}

/// Groups with their names.
pub fn group_names(scheme: &Scheme) -> Names {
    let mut names = Names::default();
    for g in &scheme.groups {
        names.add(&g.id, &g.name);
    }
    names
}

/// Agencies with their names.
pub fn agency_names(inputs: &Inputs) -> Names {
    let mut names = Names::default();
    for a in &inputs.agencies {
        names.add(&a.id, &a.name);
    }
    names
}

/// One column of one kind of row: what it names and where.
struct Column<'a> {
    names: &'a Names,
    /// The column key (`kind`), for the location.
    key: &'static str,
    /// Message id of the ambiguity error.
    message: &'static str,
}

impl Column<'_> {
    /// Rewrite `value` to the id it names; an ambiguous name is an error at `source`.
    fn apply(&self, inputs: &Inputs, value: &mut String, source: &Location) -> Option<Error> {
        match self.names.resolve(value) {
            Resolved::Unchanged => None,
            Resolved::Id(id) => {
                *value = id;
                None
            }
            Resolved::Ambiguous(many) => {
                let list = many
                    .iter()
                    .map(|(id, name)| crate::t!("input-id-and-name", id = id, name = name))
                    .collect::<Vec<_>>()
                    .join(crate::t!("input-list-separator").as_str());
                let at = inputs.cell(source, self.key);
                Some(Error::at(at, crate::t!(self.message, value = value.as_str(), ids = list)))
            }
        }
    }

    /// [`Column::apply`] for a shared text (a finding's agency or kind): the one copy of the id
    /// the value names, so every row naming an id shares it (the location made only for an
    /// error); `None` when the value is the id already (the row keeps its own copy: no count
    /// of a copy every thread shares is touched).
    fn apply_shared(
        &self,
        inputs: &Inputs,
        value: &Arc<str>,
        source: impl FnOnce() -> Location,
    ) -> (Option<Arc<str>>, Option<Error>) {
        if self.names.ids.contains(&**value) {
            return (None, None);
        }
        let mut text = value.to_string();
        let error = self.apply(inputs, &mut text, &source());
        if *text == **value {
            return (None, error);
        }
        (Some(self.names.ids.get(text.as_str()).cloned().unwrap_or_else(|| text.into())), error)
    }
}

/// Values resolved without an error, by the address of the shared text they replace (a
/// chunk's rows share their agencies' and kinds' texts: one lookup each, not one a row). The
/// text is kept, so its address is not reused while remembered.
type Memo = HashMap<usize, (Arc<str>, Option<Arc<str>>)>;

impl Column<'_> {
    /// [`Column::apply_shared`], remembered in `memo`.
    fn memo(
        &self,
        inputs: &Inputs,
        memo: &mut Memo,
        value: &Arc<str>,
        source: impl FnOnce() -> Location,
    ) -> (Option<Arc<str>>, Option<Error>) {
        let at = Arc::as_ptr(value) as *const u8 as usize;
        if let Some((_, id)) = memo.get(&at) {
            return (id.clone(), None);
        }
        let (id, error) = self.apply_shared(inputs, value, source);
        if error.is_none() {
            memo.insert(at, (value.clone(), id.clone()));
        }
        (id, error)
    }
}

/// Resolve every name in `inputs` to its id; errors for names several ids share.
pub fn resolve(scheme: &Scheme, inputs: &mut Inputs) -> Result<()> {
    let mut errors = Vec::new();
    // The headers as written, for locations, apart from the rows being rewritten.
    let at = Inputs { headers: inputs.headers.clone(), ..Default::default() };
    let groups = group_names(scheme);
    let column = |names, key, message| Column { names, key, message };
    let group = column(&groups, "group", "input-ambiguous-group");
    for a in &mut inputs.agencies {
        errors.extend(group.apply(&at, &mut a.group, &a.source));
    }
    let agency_list = agency_names(inputs);
    let agency = column(&agency_list, "agency", "input-ambiguous-agency");
    let kinds = kind_names(scheme);
    let kind = column(&kinds, "kind", "input-ambiguous-kind");
    let mut look_kinds = kind_names(scheme);
    for k in scheme.lookback.iter().flat_map(|l| &l.kinds) {
        look_kinds.add(k, "");
    }
    let look_kind = column(&look_kinds, "kind", "input-ambiguous-kind");
    let tasks = item_names(scheme, |m| matches!(m, Method::Deadline(_)));
    let task = column(&tasks, "task", "input-ambiguous-item");
    let measures = measure_names(scheme);
    let measure = column(&measures, "indicator", "input-ambiguous-item");
    let bonuses = bonus_names(scheme);
    let bonus = column(&bonuses, "bonus", "input-ambiguous-bonus");
    let surveys = survey_names(scheme);
    let survey = column(&surveys, "survey", "input-ambiguous-item");

    let i = inputs;
    // Findings may be millions: resolved in chunks on rayon's threads, errors in row order.
    let lang = crate::util::i18n::lang();
    let found: Vec<Vec<Error>> = {
        use rayon::prelude::*;
        i.findings
            .par_chunks_mut(1 << 13)
            .map(|chunk| {
                crate::util::table::speaking(lang, || {
                    let mut errors = Vec::new();
                    let (mut agencies, mut kinds) = (Memo::default(), Memo::default());
                    for f in chunk {
                        let (a, at_agency) =
                            agency.memo(&at, &mut agencies, &f.agency, || f.source());
                        let (k, at_kind) = kind.memo(&at, &mut kinds, &f.kind, || f.source());
                        if let Some(a) = a {
                            f.agency = a;
                        }
                        if let Some(k) = k {
                            f.kind = k;
                        }
                        errors.extend(at_agency.into_iter().chain(at_kind));
                    }
                    errors
                })
            })
            .collect()
    };
    errors.extend(found.into_iter().flatten());
    for t in &mut i.tasks {
        errors.extend(agency.apply(&at, &mut t.agency, &t.source));
        errors.extend(task.apply(&at, &mut t.task, &t.source));
    }
    for m in &mut i.measures {
        errors.extend(agency.apply(&at, &mut m.agency, &m.source));
        errors.extend(measure.apply(&at, &mut m.indicator, &m.source));
    }
    for a in &mut i.awards {
        errors.extend(agency.apply(&at, &mut a.agency, &a.source));
        errors.extend(bonus.apply(&at, &mut a.bonus, &a.source));
    }
    for l in &mut i.lookback {
        errors.extend(agency.apply(&at, &mut l.agency, &l.source));
        errors.extend(look_kind.apply(&at, &mut l.kind, &l.source));
    }
    for s in &mut i.surveys {
        errors.extend(agency.apply(&at, &mut s.agency, &s.source));
        errors.extend(survey.apply(&at, &mut s.survey, &s.source));
    }
    Error::collect(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_width_blanks_and_ascii_case() {
        assert_eq!(key(" 县（市、区）"), key("县(市、区)"));
        assert_eq!(key("是否公开？"), key("是否公开?"));
        assert_eq!(key("单位\u{3000}代码"), key("单位代码"));
        assert_eq!(key("ＡＢ-1"), "ab-1");
    }

    #[test]
    fn ids_win_names_resolve_and_shared_names_are_ambiguous() {
        let mut n = Names::default();
        n.add("city", "设区市");
        n.add("county", "县(市、区)");
        n.add("x", "同名");
        n.add("y", "同名");
        assert_eq!(n.resolve("city"), Resolved::Unchanged);
        assert_eq!(n.resolve("设区市 "), Resolved::Id("city".into()));
        assert_eq!(n.resolve("县（市、区）"), Resolved::Id("county".into()));
        assert_eq!(n.resolve("ＣＩＴＹ"), Resolved::Id("city".into()));
        assert_eq!(n.resolve("nowhere"), Resolved::Unchanged);
        assert_eq!(
            n.resolve("同名"),
            Resolved::Ambiguous(vec![("x".into(), "同名".into()), ("y".into(), "同名".into())])
        );
    }
}
