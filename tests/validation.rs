//! Published composite indices, reproduced by rules files in scoring-rules/validation/ and the
//! generic engine (docs/composite.md). Each test turns the publisher's input file, copied with its
//! source and licence into tests/data/, into a kaohe data directory (agencies.csv, measures.csv),
//! runs `kaohe score`, and compares every published number with the engine's. Where the publisher's
//! floating-point arithmetic and kaohe's decimal arithmetic disagree, the test lists each cell that
//! differs and why; any other difference fails.

mod util;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use util::*;

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scoring-rules/validation");

/// A data directory: agencies (id, name, group, parent) and measures (agency, measure, value).
struct DataDir {
    agencies: String,
    measures: String,
}

impl DataDir {
    fn new() -> Self {
        DataDir {
            agencies: "id,name,group,parent\n".into(),
            measures: "agency,indicator,value\n".into(),
        }
    }
    fn agency(&mut self, id: &str, name: &str, group: &str, parent: &str) {
        let _ = writeln!(
            self.agencies,
            "{},{},{},{}",
            csv_field(id),
            csv_field(name),
            group,
            csv_field(parent)
        );
    }
    fn measure(&mut self, agency: &str, measure: &str, value: &str) {
        let _ = writeln!(self.measures, "{},{},{}", csv_field(agency), csv_field(measure), value);
    }
}

/// Per agency: node id → (value, rank).
type Nodes = BTreeMap<String, BTreeMap<String, (Decimal, u32, serde_json::Value)>>;

/// Write the data directory, run `kaohe score`, read the per-node values back from scores.json.
fn score(rules: &str, data: &DataDir) -> (Nodes, serde_json::Value) {
    score_with_threads(rules, data, None)
}

fn score_with_threads(
    rules: &str,
    data: &DataDir,
    threads: Option<u32>,
) -> (Nodes, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("data");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("agencies.csv"), &data.agencies).unwrap();
    std::fs::write(d.join("measures.csv"), &data.measures).unwrap();
    let out = dir.path().join("out");
    let mut cmd = score_cmd(Path::new(RULES).join(rules), &d, &out);
    if let Some(t) = threads {
        cmd.env("RAYON_NUM_THREADS", t.to_string());
    }
    cmd.assert().success();
    let json = scores_json(&out);
    let mut nodes = Nodes::new();
    for a in json["agencies"].as_array().unwrap() {
        let m = nodes.entry(a["agency_id"].as_str().unwrap().to_string()).or_default();
        for n in a["nodes"].as_array().unwrap() {
            m.insert(
                n["id"].as_str().unwrap().to_string(),
                (
                    Decimal::from_str(n["value"].as_str().unwrap()).unwrap(),
                    n["rank"].as_u64().unwrap() as u32,
                    n.get("stages").cloned().unwrap_or(serde_json::Value::Null),
                ),
            );
        }
    }
    (nodes, json)
}

/// BIPA 2024: 82 metrics → 32 indicators → 16 themes → 4 domains → index; each tier the mean of
/// its available children rounded half-up to 2 decimals; ranks are min-ranks (competition) on the
/// rounded value. Every published value and rank of every tier is compared.
#[test]
fn bipa_2024_every_tier_and_rank() {
    let structure = csv_maps(&published("bipa-2024/bipa2024_data_structure.csv"));
    let level: HashMap<String, (String, String)> = structure
        .iter()
        .map(|r| (r["structure_id"].clone(), (r["level"].clone(), r["name"].clone())))
        .collect();
    let rows = csv_maps(&published("bipa-2024/bipa2024_all_data.csv"));
    let mut data = DataDir::new();
    let mut seen = std::collections::BTreeSet::new();
    for r in &rows {
        let c = &r["cc_iso3c"];
        if seen.insert(c.clone()) {
            data.agency(c, c, "all", "");
        }
        let (lvl, name) = &level[&r["structure_id"]];
        if lvl == "metric" {
            data.measure(c, name, &r["value"]);
        }
    }
    let (nodes, _) = score("bipa-2024.toml", &data);
    let engine_cells: usize = nodes.values().map(BTreeMap::len).sum();
    assert_eq!(
        engine_cells,
        rows.len(),
        "the engine and the publisher have values for different cells"
    );
    let pv: HashMap<(&str, &str), Decimal> = rows
        .iter()
        .map(|r| ((r["cc_iso3c"].as_str(), r["structure_id"].as_str()), dec(&r["value"])))
        .collect();
    let ev = |c: &str, sid: &str| nodes[c][sid].0;
    let mut children: HashMap<(&str, String), Vec<&str>> = HashMap::new();
    for r in &rows {
        if let Some(p) = bipa_parent(&r["structure_id"]) {
            children
                .entry((r["cc_iso3c"].as_str(), p))
                .or_default()
                .push(r["structure_id"].as_str());
        }
    }
    // Cells the publisher rounded down from an exact .xx5 mean of its published children: binary
    // floating point put the mean just below the boundary. Decimal half-up rounding goes up there.
    let two = |d: Decimal| {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    let mut boundary_down = 0;
    let mut differing_values = std::collections::BTreeSet::new();
    let mut explained = Vec::new();
    let mut unexplained = Vec::new();
    for r in &rows {
        let (c, sid) = (r["cc_iso3c"].as_str(), r["structure_id"].as_str());
        let (e, p) = (ev(c, sid), pv[&(c, sid)]);
        let Some(kids) = children.get(&(c, sid.to_string())) else {
            // A metric: the publisher's input, taken as it is.
            if e != p {
                unexplained.push(format!("{c} {sid}: metric {e} vs published {p}"));
            }
            continue;
        };
        let mean =
            kids.iter().map(|k| pv[&(c, *k)]).sum::<Decimal>() / Decimal::from(kids.len() as u64);
        let at_boundary = (mean * Decimal::from(1000)).fract().is_zero()
            && (mean * Decimal::from(1000)) % Decimal::from(10) == Decimal::from(5);
        let published_down = at_boundary && p < mean;
        boundary_down += usize::from(published_down);
        let kids_agree = kids.iter().all(|k| ev(c, k) == pv[&(c, *k)]);
        if e == p {
            if kids_agree && published_down {
                unexplained.push(format!(
                    "{c} {sid}: expected half-up to differ from the publisher's {p} (mean {mean})"
                ));
            }
            continue;
        }
        differing_values.insert(sid);
        if kids_agree && published_down && e == two(mean) {
            explained.push(format!("{c} {sid}: {e} vs published {p}: mean of the published children is exactly {mean}; half-up gives {e}, the publisher's binary mean fell just below"));
        } else if !kids_agree {
            let k: Vec<&str> = kids.iter().copied().filter(|k| ev(c, k) != pv[&(c, *k)]).collect();
            explained.push(format!(
                "{c} {sid}: {e} vs published {p}: follows from child(ren) {} differing",
                k.join(", ")
            ));
        } else {
            unexplained.push(format!(
                "{c} {sid}: value {e} vs published {p} (mean of published children {mean})"
            ));
        }
    }
    let mut rank_diffs = 0;
    for r in &rows {
        let (c, sid) = (r["cc_iso3c"].as_str(), r["structure_id"].as_str());
        let rank = nodes[c][sid].1;
        if rank.to_string() != r["rank"] {
            if differing_values.contains(sid) {
                rank_diffs += 1;
            } else {
                unexplained.push(format!(
                    "{c} {sid}: rank {rank} vs published {} with every value of the tier equal",
                    r["rank"]
                ));
            }
        }
    }
    eprintln!(
        "BIPA 2024: {} cells; {} differ in value, each explained:\n{}\n{rank_diffs} ranks differ, all in tiers whose values differ",
        rows.len(),
        explained.len(),
        explained.join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "{} unexplained differences:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    // Every .xx5 the publisher rounded down under children that agree is a difference, and
    // nothing else is: the counts come from the published file alone.
    assert!(boundary_down > 0);
}

/// The publisher's tree: metric 10102.01 → indicator 10102 → theme 10100 → domain 10000 → index 0.
fn bipa_parent(sid: &str) -> Option<String> {
    if let Some((ind, _)) = sid.split_once('.') {
        return Some(ind.to_string());
    }
    let n: u32 = sid.parse().unwrap();
    match n {
        0 => None,
        n if n % 10000 == 0 => Some("0".into()),
        n if n % 100 == 0 => Some((n / 10000 * 10000).to_string()),
        n => Some((n / 100 * 100).to_string()),
    }
}

/// Equal up to the publisher's printed precision (15 significant digits): |a − b| ≤ 1e-9 · max(1, |b|).
fn close(a: Decimal, b: Decimal) -> bool {
    let scale = b.abs().max(Decimal::ONE);
    (a - b).abs() <= scale * Decimal::new(1, 9)
}

/// COINr's ASEM example, every stage: denominated, imputed (Group_EurAsia mean), treated
/// (winsorised), normalised (min-max 0–100), aggregated (equal-weight arithmetic means at three
/// levels) and the published ranks of every aggregate.
#[test]
fn coinr_asem_every_stage() {
    let dir = "coinr-asem-v06/";
    let raw = csv_maps(&published(&format!("{dir}Data_Raw.csv")));
    let dens = csv_maps(&published(&format!("{dir}Input_Denominators.csv")));
    let meta = csv_maps(&published(&format!("{dir}Input_IndMeta.csv")));
    let inds: Vec<String> = meta.iter().map(|m| m["IndCode"].clone()).collect();
    let mut data = DataDir::new();
    for r in &raw {
        data.agency(&r["UnitCode"], &r["UnitName"], "all", &r["Group_EurAsia"]);
        for i in &inds {
            if r[i] != "NA" {
                data.measure(&r["UnitCode"], i, &dec(&r[i]).to_string());
            }
        }
    }
    for r in &dens {
        for k in ["Den_Area", "Den_Energy", "Den_GDP", "Den_Pop"] {
            if r[k] == "NA" {
                continue;
            }
            data.measure(&r["UnitCode"], k, &dec(&r[k]).to_string());
        }
    }
    let (nodes, json) = score_with_threads("coinr-asem.toml", &data, Some(1));
    // The cross-agency statistics run before the parallel pass: any thread count, same bytes.
    let (_, json4) = score_with_threads("coinr-asem.toml", &data, Some(4));
    assert_eq!(json["agencies"], json4["agencies"], "results differ between 1 and 4 threads");
    let mut diffs = Vec::new();
    let mut compared = 0;
    let stage = |c: &str, i: &str, s: &str| -> Option<Decimal> {
        nodes[c][i].2.get(s).and_then(|v| v.as_str()).map(|v| Decimal::from_str(v).unwrap())
    };
    for (file, what) in [
        ("Data_Denominated.csv", "denominated"),
        ("Data_Imputed.csv", "imputed"),
        ("Data_Treated.csv", "treated"),
        ("Data_Normalised.csv", "normalised"),
    ] {
        for r in csv_maps(&published(&format!("{dir}{file}"))) {
            let c = r["UnitCode"].as_str();
            for i in &inds {
                let engine =
                    if what == "normalised" { Some(nodes[c][i].0) } else { stage(c, i, what) };
                match (r[i].as_str(), engine) {
                    ("NA", None) => {}
                    ("NA", Some(e)) => {
                        diffs.push(format!("{what} {c} {i}: engine {e}, published NA"))
                    }
                    (p, None) => diffs.push(format!("{what} {c} {i}: engine none, published {p}")),
                    (p, Some(e)) => {
                        compared += 1;
                        if !close(e, dec(p)) {
                            diffs.push(format!("{what} {c} {i}: engine {e}, published {p}"));
                        }
                    }
                }
            }
        }
    }
    let aggs = [
        "Index",
        "Conn",
        "Sust",
        "Physical",
        "ConEcFin",
        "Political",
        "Instit",
        "P2P",
        "Environ",
        "Social",
        "SusEcFin",
    ];
    for r in csv_maps(&published(&format!("{dir}Data_Aggregated.csv"))) {
        let c = r["UnitCode"].as_str();
        for a in aggs {
            compared += 1;
            let e = nodes[c][a].0;
            if !close(e, dec(&r[a])) {
                diffs.push(format!("aggregated {c} {a}: engine {e}, published {}", r[a]));
            }
        }
    }
    for r in csv_maps(&published(&format!("{dir}Results_AggregatesRank.csv"))) {
        let c = r["UnitCode"].as_str();
        for a in aggs {
            compared += 1;
            let e = nodes[c][a].1;
            if e.to_string() != r[a] {
                diffs.push(format!("rank {c} {a}: engine {e}, published {}", r[a]));
            }
        }
    }
    eprintln!("ASEM: {compared} cells compared");
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

/// Open Data Barometer 2014: gated dataset checklists (a dataset that does not exist scores 0;
/// outdated data costs 5), cluster means, implementation as a z-score against the base year's mean
/// and sd (33.256, 19.954), the overall (R + 2·I + Imp)/12, min-max scaled over the 86 countries to
/// 0–100 and rounded to 2 decimals, and competition ranks on the scaled score rounded to whole
/// points. Readiness and impact enter as the publisher's sub-component z-scores (their survey
/// inputs are not published).
#[test]
fn odb_2014_checklists_to_ranks() {
    let ds = csv_maps(&published("odb-2014/ODB-2014-Datasets-Scored.csv"));
    let rk = csv_maps(&published("odb-2014/ODB-2014-Rankings.csv"));
    // Countries by ISO3: Namibia's ISO2 is "NA", which a CSV reader takes for a missing value.
    let iso3: HashMap<&str, &str> =
        rk.iter().map(|r| (r["Country"].as_str(), r["ISO3"].as_str())).collect();
    let mut data = DataDir::new();
    for r in &rk {
        data.agency(&r["ISO3"], &r["Country"], "all", "");
        for s in [
            "Readiness_Government",
            "Readiness_Citizens",
            "Readiness_Entrepreneurs",
            "Impact_Political",
            "Impact_Social",
            "Impact_Economic",
        ] {
            data.measure(&r["ISO3"], s, &dec(&r[s]).to_string());
        }
    }
    // The published checklist columns hold points; the rules price answers. Back to answers:
    // points above 0 → yes (1), 0 → no (0), and the −5 of an outdated dataset → −1.
    let questions = [
        ("a", "aExists"),
        ("b", "bAvailable"),
        ("c", "cMachineReadable"),
        ("d", "dBulk"),
        ("e", "eFree"),
        ("f", "fLicense"),
        ("g", "gUpdated"),
        ("h", "hSustainable"),
        ("i", "iDiscoverable"),
        ("j", "jLinked"),
    ];
    let mut dataset_scores = Vec::new();
    for r in &ds {
        let code = r["Dataset"].split(" - ").next().unwrap().to_string();
        for (q, col) in questions {
            let p = dec(&r[col]);
            let answer = match p.cmp(&Decimal::ZERO) {
                std::cmp::Ordering::Greater => "1",
                std::cmp::Ordering::Equal => "0",
                std::cmp::Ordering::Less => "-1",
            };
            data.measure(iso3[r["Country"].as_str()], &format!("{code}.{q}"), answer);
        }
        dataset_scores.push((
            iso3[r["Country"].as_str()].to_string(),
            code,
            dec(&r["CalculatedScore"]),
        ));
    }
    let (nodes, json) = score("odb-2014.toml", &data);
    let mut diffs = Vec::new();
    let mut compared = 0usize;
    let check = |diffs: &mut Vec<String>,
                 compared: &mut usize,
                 what: &str,
                 c: &str,
                 e: Decimal,
                 p: Decimal,
                 exact: bool| {
        *compared += 1;
        if (exact && e != p) || (!exact && !close(e, p)) {
            diffs.push(format!("{what} {c}: engine {e}, published {p}"));
        }
    };
    for (c, code, p) in &dataset_scores {
        check(&mut diffs, &mut compared, &format!("dataset {code}"), c, nodes[c][code].0, *p, true);
    }
    let raw_of =
        |c: &str, id: &str| Decimal::from_str(nodes[c][id].2["raw"].as_str().unwrap()).unwrap();
    for r in &rk {
        let c = r["ISO3"].as_str();
        for (col, id) in [
            ("Datasets_Innovation", "Innovation"),
            ("Datasets_Social_Policy", "Social_Policy"),
            ("Datasets_Accountability", "Accountability"),
        ] {
            check(&mut diffs, &mut compared, col, c, nodes[c][id].0, dec(&r[col]), false);
        }
        check(
            &mut diffs,
            &mut compared,
            "Datasets_Average",
            c,
            raw_of(c, "Implementation"),
            dec(&r["Datasets_Average"]),
            false,
        );
        check(
            &mut diffs,
            &mut compared,
            "Implementation",
            c,
            nodes[c]["Implementation"].0,
            dec(&r["Implementation"]),
            false,
        );
        check(
            &mut diffs,
            &mut compared,
            "Readiness",
            c,
            nodes[c]["Readiness"].0,
            dec(&r["Readiness"]),
            false,
        );
        check(
            &mut diffs,
            &mut compared,
            "Impact",
            c,
            nodes[c]["Impact"].0,
            dec(&r["Impact"]),
            false,
        );
        check(
            &mut diffs,
            &mut compared,
            "ODB-Score",
            c,
            raw_of(c, "ODB"),
            dec(&r["ODB-Score"]),
            false,
        );
        check(
            &mut diffs,
            &mut compared,
            "ODB-Scaled",
            c,
            nodes[c]["ODB"].0,
            dec(&r["ODB-Scaled"]),
            true,
        );
        compared += 1;
        if nodes[c]["ODB"].1.to_string() != r["ODB-Rank"] {
            diffs.push(format!(
                "ODB-Rank {c}: engine {}, published {}",
                nodes[c]["ODB"].1, r["ODB-Rank"]
            ));
        }
    }
    // Readiness-Rank: competition ranks on the unrounded readiness score. Implementation-Rank:
    // the publisher broke ties by a key it does not state (FIN 18 and MEX 19 both average 52.33),
    // so a difference is accepted only where the engine's competition rank is a tie.
    let mut tie_broken = Vec::new();
    for r in &rk {
        let c = r["ISO3"].as_str();
        compared += 1;
        if nodes[c]["Readiness"].1.to_string() != r["Readiness-Rank"] {
            diffs.push(format!(
                "Readiness-Rank {c}: engine {}, published {}",
                nodes[c]["Readiness"].1, r["Readiness-Rank"]
            ));
        }
        let (v, e, _) = &nodes[c]["Implementation"];
        if e.to_string() != r["Implementation-Rank"] {
            let tied = nodes.iter().any(|(o, m)| o != c && m["Implementation"].0 == *v);
            if tied {
                tie_broken.push(format!("{c} {e}/{}", r["Implementation-Rank"]));
            } else {
                diffs.push(format!(
                    "Implementation-Rank {c}: engine {e}, published {} and no tie",
                    r["Implementation-Rank"]
                ));
            }
        }
    }
    eprintln!(
        "ODB 2014 Implementation-Rank, ties broken by the publisher (engine/published): {}",
        tie_broken.join(", ")
    );
    // The run's own ranking (rankings.csv) is the same competition rank on the rounded total.
    for a in json["agencies"].as_array().unwrap() {
        let c = a["agency_id"].as_str().unwrap();
        let published = &rk.iter().find(|r| r["ISO3"] == c).unwrap()["ODB-Rank"];
        assert_eq!(a["rank"].as_u64().unwrap().to_string(), *published, "total rank of {c}");
    }
    eprintln!("ODB 2014: {compared} cells compared");
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}
