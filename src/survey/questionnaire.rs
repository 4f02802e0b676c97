//! The questionnaire definition (`surveys/*.toml`): what was asked, how answers score, who the
//! respondents are, which agency each response rates, and how responses are screened.
//!
//! Read in two steps, as with rules: the raw TOML (`Raw*`, serde with `deny_unknown_fields`, so a
//! misspelled key is an error, not a silently ignored setting) is validated into a
//! [`Questionnaire`] whose references are resolved to indices. Nothing downstream sees the raw
//! form.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::error::{Error, Location, Result};

/// How the export writes a single-choice answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum AnswerForm {
    /// The option's label (问卷星 "按文本" export, or our own CSV).
    Text,
    /// The option's 1-based position in the question (问卷星 "按序号" export). A position is not
    /// a score: a 0–10 question's `3分` is position 4.
    Number,
}

/// What happens to an agency whose valid sample is below the minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BelowMinimumPolicy {
    /// Report the index computed from the small sample, with `below_minimum = true`.
    Flag,
    /// Report the index as 0 (the scheme treats an evaluation that was not carried out properly
    /// as not done).
    Zero,
    /// Report the mean index of the agencies that did reach the minimum.
    Fallback,
}

/// Which of several duplicate responses counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    /// The first in file order (files in the order given).
    First,
    /// The latest by submission time (ties: the later in file order).
    Latest,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestionnaire {
    id: String,
    title: String,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default = "default_answers")]
    answers: AnswerForm,
    scales: BTreeMap<String, RawScale>,
    agency: RawAgency,
    respondents: RawRespondents,
    questions: Vec<RawQuestion>,
    minimum: RawMinimum,
    #[serde(default)]
    screening: RawScreening,
    #[serde(default)]
    metadata: RawMetadata,
}

fn default_answers() -> AnswerForm {
    AnswerForm::Text
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    options: Vec<RawOption>,
    /// False when the options' order (their positions, which a by-number export writes) was not
    /// observed: `kaohe survey init` drafts a by-text export alone so. Absent: the author wrote
    /// the options in questionnaire order.
    #[serde(default = "yes")]
    positions_confirmed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    label: String,
    #[serde(default)]
    value: Option<Decimal>,
    /// "Don't know / not applicable": the answer leaves the denominator.
    #[serde(default)]
    dont_know: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgency {
    column: String,
    options: Vec<RawAgencyOption>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgencyOption {
    label: String,
    id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRespondents {
    column: String,
    groups: Vec<RawGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    label: String,
    weight: Decimal,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    text: String,
    column: String,
    scale: String,
    #[serde(default = "one")]
    weight: Decimal,
    #[serde(default = "yes")]
    required: bool,
}

fn one() -> Decimal {
    Decimal::ONE
}
fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMinimum {
    sample: u64,
    below: BelowMinimumPolicy,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScreening {
    #[serde(default)]
    min_seconds: Option<u64>,
    #[serde(default)]
    duplicates: Option<RawDuplicates>,
    #[serde(default)]
    straight_lining: Option<RawStraight>,
    #[serde(default)]
    attention: Vec<RawAttention>,
    #[serde(default)]
    self_rating: Option<RawSelfRating>,
}

/// A mutual rating among agencies (部门互评): the column naming the respondent's own agency, by
/// the same labels (or ids) as the agency rated. A response rating the respondent's own agency is
/// screened `self-rating`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelfRating {
    column: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDuplicates {
    columns: Vec<String>,
    keep: Keep,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStraight {
    questions: Vec<String>,
    min_answered: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttention {
    id: String,
    column: String,
    /// Cell values that pass (write both the label and the position if the team exports both
    /// ways).
    pass: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    #[serde(default = "default_seconds")]
    seconds_column: String,
    #[serde(default = "default_submitted")]
    submitted_column: String,
}

impl Default for RawMetadata {
    fn default() -> Self {
        RawMetadata { seconds_column: default_seconds(), submitted_column: default_submitted() }
    }
}
fn default_seconds() -> String {
    "所用时间".into()
}
fn default_submitted() -> String {
    "提交答卷时间".into()
}

/// A fast hash (the multiply-rotate of rustc's FxHash) for looking up agency labels once per
/// row; the labels come from the questionnaire, so there is no adversary to resist.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
}

/// One answer option of a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleOption {
    pub label: String,
    /// Points; `None` for a don't-know option.
    pub value: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub id: String,
    pub options: Vec<ScaleOption>,
    /// Whether the options are known to be in questionnaire order (see `positions_confirmed`).
    pub positions_confirmed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub column: String,
    /// Index into [`Questionnaire::scales`].
    pub scale: usize,
    pub weight: Decimal,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RespondentGroup {
    pub id: String,
    pub label: String,
    pub weight: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RatedAgency {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Duplicates {
    pub columns: Vec<String>,
    pub keep: Keep,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StraightLining {
    /// Indices into [`Questionnaire::questions`].
    pub questions: Vec<usize>,
    pub min_answered: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attention {
    pub id: String,
    pub column: String,
    pub pass: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Screening {
    pub min_seconds: Option<u64>,
    pub duplicates: Option<Duplicates>,
    pub straight_lining: Option<StraightLining>,
    pub attention: Vec<Attention>,
    /// The column naming the respondent's own agency, when an agency's rating of itself is
    /// screened (mutual rating).
    pub self_rating: Option<String>,
}

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub basis: Option<String>,
    pub answers: AnswerForm,
    pub scales: Vec<Scale>,
    pub agency_column: String,
    /// Agencies in option order (position = index + 1 in a by-number export).
    pub agencies: Vec<RatedAgency>,
    pub group_column: String,
    pub groups: Vec<RespondentGroup>,
    pub questions: Vec<Question>,
    pub minimum: u64,
    pub below: BelowMinimumPolicy,
    pub screening: Screening,
    pub seconds_column: String,
    pub submitted_column: String,
    /// SHA-256 of the questionnaire file, recorded in the import report.
    pub sha256: String,
    agency_by_text: HashMap<String, usize, BuildHasherDefault<Fx>>,
}

impl Questionnaire {
    /// Read and validate a questionnaire file.
    pub fn load(path: &Path) -> Result<Questionnaire> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let file = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            Error::at(
                Location::line(&file, crate::util::encoding::line_of(&bytes, e.valid_up_to())),
                crate::t!("survey-q-not-utf8"),
            )
        })?;
        let mut q = Questionnaire::parse(text, &file)?;
        q.sha256 = crate::util::hash::sha256_hex(&bytes);
        Ok(q)
    }

    /// Parse and validate questionnaire TOML text; `file` names it in messages.
    pub fn parse(text: &str, file: &str) -> Result<Questionnaire> {
        let raw: RawQuestionnaire = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| crate::util::encoding::line_of(text.as_bytes(), s.start));
            let loc = match line {
                Some(l) => Location::line(file, l),
                None => Location::file(file),
            };
            Error::at(loc, crate::t!("survey-q-invalid", error = e.message()))
        })?;
        validate(raw, file)
    }

    /// The agency a cell names: by label or id (text), or by 1-based position (number).
    pub fn agency_of(&self, cell: &str, form: AnswerForm) -> Option<usize> {
        if let Some(&i) = self.agency_by_text.get(cell) {
            return Some(i);
        }
        if form == AnswerForm::Number {
            return crate::survey::wjx::position(cell)
                .filter(|&p| p >= 1 && p <= self.agencies.len())
                .map(|p| p - 1);
        }
        None
    }

    /// Every text that names an agency (labels and ids), with the agency's index.
    pub fn agency_texts(&self) -> impl Iterator<Item = (&str, usize)> {
        self.agency_by_text.iter().map(|(t, &i)| (t.as_str(), i))
    }

    /// The respondent group a cell names: by label or id (text), or by 1-based position.
    pub fn group_of(&self, cell: &str, form: AnswerForm) -> Option<usize> {
        if let Some(i) = self.groups.iter().position(|g| g.label == cell || g.id == cell) {
            return Some(i);
        }
        if form == AnswerForm::Number {
            return crate::survey::wjx::position(cell)
                .filter(|&p| p >= 1 && p <= self.groups.len())
                .map(|p| p - 1);
        }
        None
    }

    pub fn scale_of(&self, q: usize) -> &Scale {
        &self.scales[self.questions[q].scale]
    }

    /// Index of an agency by id.
    pub fn agency_index(&self, id: &str) -> Option<usize> {
        self.agencies.iter().position(|a| a.id == id)
    }
}

/// A problem in the questionnaire file at `key`.
fn err(file: &str, key: &str, msg: String) -> Error {
    Error::at(Location::file(file).with_column(key), msg)
}

/// Check the raw questionnaire and resolve its references, reporting every problem at once.
fn validate(raw: RawQuestionnaire, file: &str) -> Result<Questionnaire> {
    let mut errors = Vec::new();
    if raw.id.trim().is_empty() {
        errors.push(err(file, "id", crate::t!("survey-q-empty-id")));
    }
    let scales = validate_scales(&raw.scales, file, &mut errors);
    let (agencies, agency_by_text) = validate_agencies(&raw.agency.options, file, &mut errors);
    let groups = validate_groups(&raw.respondents.groups, file, &mut errors);
    let questions = validate_questions(&raw.questions, &scales, file, &mut errors);
    let straight_lining = validate_straight_lining(
        raw.screening.straight_lining.as_ref(),
        &questions,
        file,
        &mut errors,
    );
    if let Some(d) = &raw.screening.duplicates
        && d.columns.is_empty()
    {
        errors.push(err(
            file,
            "screening.duplicates.columns",
            crate::t!("survey-q-no-key-columns"),
        ));
    }
    Error::collect(errors)?;
    Ok(Questionnaire {
        id: raw.id,
        title: raw.title,
        basis: raw.basis,
        answers: raw.answers,
        scales,
        agency_column: raw.agency.column.trim().to_string(),
        agencies,
        group_column: raw.respondents.column.trim().to_string(),
        groups,
        questions,
        minimum: raw.minimum.sample,
        below: raw.minimum.below,
        screening: Screening {
            min_seconds: raw.screening.min_seconds,
            duplicates: raw.screening.duplicates.map(|d| Duplicates {
                columns: d.columns.iter().map(|c| c.trim().to_string()).collect(),
                keep: d.keep,
            }),
            straight_lining,
            attention: raw
                .screening
                .attention
                .into_iter()
                .map(|a| Attention { id: a.id, column: a.column.trim().to_string(), pass: a.pass })
                .collect(),
            self_rating: raw.screening.self_rating.map(|s| s.column.trim().to_string()),
        },
        seconds_column: raw.metadata.seconds_column.trim().to_string(),
        submitted_column: raw.metadata.submitted_column.trim().to_string(),
        sha256: String::new(),
        agency_by_text,
    })
}

/// The scales, in key order; each option scores 0–100 or is a don't-know option.
fn validate_scales(
    raw: &BTreeMap<String, RawScale>,
    file: &str,
    errors: &mut Vec<Error>,
) -> Vec<Scale> {
    let mut scales = Vec::new();
    for (id, s) in raw {
        let key = format!("scales.{id}");
        if s.options.is_empty() {
            errors.push(err(file, &key, crate::t!("survey-q-no-options")));
        }
        let mut options = Vec::new();
        for (i, o) in s.options.iter().enumerate() {
            if s.options[..i].iter().any(|p| p.label == o.label) {
                errors.push(err(file, &key, crate::t!("survey-q-option-twice", option = o.label)));
            }
            match (o.value, o.dont_know) {
                (Some(v), false) if v >= Decimal::ZERO && v <= Decimal::ONE_HUNDRED => {}
                (Some(v), false) => errors.push(err(
                    file,
                    &key,
                    crate::t!("survey-q-option-value", option = o.label, value = v),
                )),
                (None, true) => {}
                (Some(_), true) => errors.push(err(
                    file,
                    &key,
                    crate::t!("survey-q-dont-know-value", option = o.label),
                )),
                (None, false) => errors.push(err(
                    file,
                    &key,
                    crate::t!("survey-q-option-no-value", option = o.label),
                )),
            }
            options.push(ScaleOption { label: o.label.clone(), value: o.value });
        }
        if options.len() > 250 {
            errors.push(err(file, &key, crate::t!("survey-q-too-many-options")));
        }
        scales.push(Scale { id: id.clone(), options, positions_confirmed: s.positions_confirmed });
    }
    scales
}

/// The rated agencies and the lookup from every label and id to its agency.
fn validate_agencies(
    raw: &[RawAgencyOption],
    file: &str,
    errors: &mut Vec<Error>,
) -> (Vec<RatedAgency>, HashMap<String, usize, BuildHasherDefault<Fx>>) {
    let mut agencies = Vec::new();
    let mut agency_by_text = HashMap::default();
    // Ids seen, by hash: a national questionnaire names thousands of agencies, where a scan of
    // those before each one costs milliseconds at every import.
    let mut ids: std::collections::HashSet<&str, BuildHasherDefault<Fx>> = Default::default();
    for a in raw {
        if !ids.insert(a.id.as_str()) {
            let message = crate::t!("survey-q-agency-twice", agency = a.id);
            errors.push(err(file, "agency.options", message));
        }
        let texts: &[&String] = if a.label == a.id { &[&a.label] } else { &[&a.label, &a.id] };
        for &t in texts {
            if let Some(&other) = agency_by_text.get(t.as_str()) {
                let other: &RatedAgency = &agencies[other];
                {
                    errors.push(err(
                        file,
                        "agency.options",
                        crate::t!(
                            "survey-q-label-two-agencies",
                            label = t,
                            first = other.id,
                            second = a.id
                        ),
                    ));
                }
            }
            agency_by_text.insert(t.clone(), agencies.len());
        }
        agencies.push(RatedAgency { id: a.id.clone(), label: a.label.clone() });
    }
    if agencies.is_empty() {
        errors.push(err(file, "agency.options", crate::t!("survey-q-no-agencies")));
    }
    (agencies, agency_by_text)
}

/// The respondent groups, each with a positive weight.
fn validate_groups(raw: &[RawGroup], file: &str, errors: &mut Vec<Error>) -> Vec<RespondentGroup> {
    let mut groups = Vec::new();
    for g in raw {
        if groups.iter().any(|p: &RespondentGroup| p.id == g.id || p.label == g.label) {
            let message = crate::t!("survey-q-group-twice", group = g.id);
            errors.push(err(file, "respondents.groups", message));
        }
        if g.weight <= Decimal::ZERO {
            errors.push(err(
                file,
                "respondents.groups",
                crate::t!("survey-q-group-weight", group = g.id, weight = g.weight),
            ));
        }
        groups.push(RespondentGroup { id: g.id.clone(), label: g.label.clone(), weight: g.weight });
    }
    if groups.is_empty() || groups.len() > 250 {
        errors.push(err(file, "respondents.groups", crate::t!("survey-q-group-count")));
    }
    groups
}

/// The rated questions, each on a known scale.
fn validate_questions(
    raw: &[RawQuestion],
    scales: &[Scale],
    file: &str,
    errors: &mut Vec<Error>,
) -> Vec<Question> {
    let mut questions = Vec::new();
    for q in raw {
        let key = format!("questions.{}", q.id);
        if questions.iter().any(|p: &Question| p.id == q.id) {
            errors.push(err(file, &key, crate::t!("survey-q-question-twice", question = q.id)));
        }
        if q.weight <= Decimal::ZERO {
            errors.push(err(file, &key, crate::t!("survey-q-question-weight", weight = q.weight)));
        }
        let scale = match scales.iter().position(|s| s.id == q.scale) {
            Some(s) => s,
            None => {
                errors.push(err(
                    file,
                    &key,
                    crate::t!(
                        "survey-q-unknown-scale",
                        scale = q.scale,
                        expected =
                            scales.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
                0
            }
        };
        questions.push(Question {
            id: q.id.clone(),
            text: q.text.clone(),
            column: q.column.trim().to_string(),
            scale,
            weight: q.weight,
            required: q.required,
        });
    }
    if questions.is_empty() {
        errors.push(err(file, "questions", crate::t!("survey-q-no-questions")));
    }
    questions
}

/// The straight-lining screen, its questions resolved to indices.
fn validate_straight_lining(
    raw: Option<&RawStraight>,
    questions: &[Question],
    file: &str,
    errors: &mut Vec<Error>,
) -> Option<StraightLining> {
    raw.map(|s| {
        let mut idx = Vec::new();
        for id in &s.questions {
            match questions.iter().position(|q| &q.id == id) {
                Some(i) => idx.push(i),
                None => errors.push(err(
                    file,
                    "screening.straight_lining.questions",
                    crate::t!("survey-q-unknown-question", question = id),
                )),
            }
        }
        if s.min_answered < 2 || s.min_answered > idx.len().max(2) {
            errors.push(err(
                file,
                "screening.straight_lining.min_answered",
                crate::t!("survey-q-min-answered", value = s.min_answered, listed = idx.len()),
            ));
        }
        StraightLining { questions: idx, min_answered: s.min_answered }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const MINI: &str = r#"
id = "t"
title = "test"
[scales.sat]
options = [
  { label = "满意", value = 100 },
  { label = "一般", value = 60 },
  { label = "不满意", value = 20 },
  { label = "不了解", dont_know = true },
]
[agency]
column = "评价对象"
options = [ { label = "甲县", id = "A" }, { label = "乙县", id = "B" } ]
[respondents]
column = "身份"
groups = [ { id = "public", label = "群众", weight = 0.6 }, { id = "ent", label = "企业", weight = 0.4 } ]
[[questions]]
id = "q1"
text = "Q1"
column = "Q1"
scale = "sat"
[minimum]
sample = 2
below = "flag"
"#;

    #[test]
    fn parses_and_resolves() {
        let q = Questionnaire::parse(MINI, "t.toml").unwrap();
        assert_eq!(q.agency_of("乙县", AnswerForm::Text), Some(1));
        assert_eq!(q.agency_of("B", AnswerForm::Text), Some(1));
        assert_eq!(q.agency_of("2", AnswerForm::Number), Some(1));
        assert_eq!(q.agency_of("3", AnswerForm::Number), None);
        assert_eq!(q.group_of("企业", AnswerForm::Text), Some(1));
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let text = MINI.replace("below = \"flag\"", "below = \"flag\"\nbelwo = 1");
        let e = Questionnaire::parse(&text, "t.toml").unwrap_err().to_string();
        assert!(e.starts_with("t.toml:"), "{e}");
        assert!(e.contains("belwo"), "{e}");
    }

    #[test]
    fn label_equal_to_id_is_one_agency_and_duplicates_are_errors() {
        let text = MINI.replace("label = \"甲县\", id = \"A\"", "label = \"A\", id = \"A\"");
        assert!(Questionnaire::parse(&text, "t.toml").is_ok());
        let text = MINI.replace("label = \"乙县\", id = \"B\"", "label = \"甲县\", id = \"B\"");
        let e = Questionnaire::parse(&text, "t.toml").unwrap_err().to_string();
        // In either language: another unit test may have switched the process's language.
        assert!(
            e.contains("`甲县` 指向两个单位（`A` 和 `B`）")
                || e.contains("`甲县` names two agencies (`A` and `B`)"),
            "{e}"
        );
    }

    #[test]
    fn bad_scale_reference_is_reported() {
        let text = MINI.replace("scale = \"sat\"", "scale = \"nope\"");
        let e = Questionnaire::parse(&text, "t.toml").unwrap_err().to_string();
        assert!(e.contains("未知量表 `nope`") || e.contains("unknown scale `nope`"), "{e}");
    }
}
