#!/usr/bin/env bash
# Benchmark of the language server over stdio: didChange → publishDiagnostics latency on
# a 50 kB Latvian document (p50/p95 over 200 edits, debounce 0 ms) and resident memory
# with 20 such documents open. Release build. See examples/bench_lsp.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin skaidri --example bench_lsp
target/release/examples/bench_lsp target/release/skaidri
target/release/examples/bench_lsp target/release/skaidri markdown
