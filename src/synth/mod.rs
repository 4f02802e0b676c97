//! Seeded generator of synthetic but plausible inputs for a scheme.
