//! "Did you mean": the name closest to one that was not understood, among those expected.

/// The expected name closest to `name` by edit distance (case-insensitive, transpositions count
/// one), when it is close enough to be a likely typo: at most 2 edits, or a third of the name's
/// length for long names. Ties go to the earlier name in `expected`.
pub fn closest<'a>(name: &str, expected: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let limit = 2.max(lower.chars().count() / 3);
    expected
        .iter()
        .map(|e| (strsim::damerau_levenshtein(&lower, &e.to_lowercase()), *e))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e)
}

/// Edits (insertions, deletions, substitutions of characters) that turn `a` into `b`, as the
/// longer "did you mean" lists of unknown ids and names rank their candidates.
pub fn edits(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn typos_find_their_name() {
        let keys = ["id", "parent", "name", "max", "basis", "redistribute"];
        assert_eq!(closest("bassis", &keys), Some("basis"));
        assert_eq!(closest("Nmae", &keys), Some("name"));
        assert_eq!(closest("redistribte", &keys), Some("redistribute"));
        assert_eq!(closest("weight", &keys), None);
    }
}
