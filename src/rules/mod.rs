//! The scoring rules format: raw TOML → validated scheme.
