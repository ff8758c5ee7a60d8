use std::process::ExitCode;

use clap::Parser;

/// The build allocates many small strings and maps (most of them in Pagefind's
/// indexer); mimalloc does that faster than the system allocator. See docs/PERFORMANCE.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    clusterpress::cli::run(clusterpress::cli::Cli::parse())
}
