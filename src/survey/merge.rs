//! Merging imports of shards (one export per city team, or one slice per machine for a very large
//! survey) into exactly what importing all the files at once, in the same order, gives.
//!
//! The statistics are integer counts and sums, so they add. The one rule that does not decompose
//! is duplicate screening: a duplicate pair split across two shards is seen by neither. A merge
//! therefore refuses, when the questionnaire screens duplicates, to combine shards that both hold
//! rows for the same agency (shard by agency, as city teams naturally do).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::survey::import::Imported;
use crate::survey::output::read_all;
use crate::survey::questionnaire::Questionnaire;

/// Merge the output directories of several imports, in the order given.
pub fn merge(q: &Questionnaire, dirs: &[PathBuf]) -> Result<Imported> {
    let mut out = Imported::empty(q);
    let mut owner: Vec<Option<usize>> = vec![None; q.agencies.len()];
    // The shard each of `out.inputs` came from.
    let mut shard_of: Vec<usize> = Vec::new();
    for (d, dir) in dirs.iter().enumerate() {
        let shard = read_all(dir, q)?;
        // A shard given twice, or one export imported in two shards (under any name): by the
        // SHA-256 of each input file, which every shard records.
        for f in &shard.inputs {
            if let Some((s, prev)) = shard_of
                .iter()
                .zip(&out.inputs)
                .find(|(_, x)| x.sha256 == f.sha256)
                .map(|(s, x)| (*s, x))
            {
                return Err(Error::Usage(crate::t!(
                    "survey-shard-same-content",
                    file = f.file,
                    shard = dir.as_path(),
                    other = prev.file,
                    other_shard = dirs[s].as_path()
                )));
            }
        }
        if q.screening.duplicates.is_some() {
            for (a, t) in shard.tallies.iter().take(q.agencies.len()).enumerate() {
                if t.rows == 0 {
                    continue;
                }
                match owner[a] {
                    Some(prev) if prev != d => {
                        return Err(Error::Usage(crate::t!(
                            "survey-merge-agency-split",
                            agency = q.agencies[a].id,
                            first = dirs[prev].display().to_string(),
                            second = dir.display().to_string()
                        )));
                    }
                    _ => owner[a] = Some(d),
                }
            }
        }
        let offset = out.inputs.len() as u32;
        for f in &shard.inputs {
            if out.inputs.iter().any(|x| x.file == f.file) {
                return Err(Error::Usage(crate::t!(
                    "survey-file-in-two-shards",
                    file = f.file,
                    shard = dir.as_path()
                )));
            }
        }
        shard_of.extend(std::iter::repeat_n(d, shard.inputs.len()));
        out.inputs.extend(shard.inputs);
        out.stats.merge(&shard.stats);
        // Responses concatenate in shard order (= file order); one shard without them (imported
        // before they were kept) leaves the merge without them.
        out.responses = match (out.responses.take(), shard.responses) {
            (Some(mut a), Some(b)) => {
                a.extend(b);
                Some(a)
            }
            _ => None,
        };
        for (a, b) in out.tallies.iter_mut().zip(&shard.tallies) {
            a.merge(b);
        }
        out.screened.extend(shard.screened.into_iter().map(|mut r| {
            r.file += offset;
            r
        }));
        out.rejected.extend(shard.rejected.into_iter().map(|mut r| {
            r.file += offset;
            r
        }));
    }
    out.screened.sort();
    out.rejected.sort();
    Ok(out)
}
