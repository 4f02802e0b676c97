//! scores.json: the audit trail. Every agency's ledger, the hashes of the rules and of every input
//! file, and the engine version, so a published ranking can be recomputed and verified.

use crate::error::Result;
use crate::score::result::RunResult;

pub fn to_json(run: &RunResult) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(run).expect("RunResult serialises");
    v.push(b'\n');
    Ok(v)
}
