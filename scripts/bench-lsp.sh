#!/usr/bin/env bash
# Benchmark of the language server over stdio: didChange → publishDiagnostics latency on
# a 50 kB Latvian document (p50/p95 over 200 edits, debounce 0 ms) and resident memory
# with 20 such documents open. Release build. See examples/bench_lsp.rs. Then the
# analysis alone for the same edits, incremental vs full (bench_incremental in skaidri-core).
# Check `uptime` first: on a loaded machine trust the CPU times over the wall times.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin skaidri --example bench_lsp
cargo build --release -p skaidri-core --example bench_incremental
uptime
target/release/examples/bench_lsp target/release/skaidri
target/release/examples/bench_lsp target/release/skaidri markdown
target/release/examples/bench_incremental
