//! Data embedded at build time: the project's rule files (`rules/**/*.toml`), so an
//! installed binary works with no files beside it. `build.rs` generates the list.

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
