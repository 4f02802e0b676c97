//! Charts and the annual report rendered from a scored run.
