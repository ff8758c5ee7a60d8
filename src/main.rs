use std::process::ExitCode;

use clap::Parser;

/// The build allocates many small strings and maps (most of them in Pagefind's
/// indexer); mimalloc does that faster than the system allocator. See docs/PERFORMANCE.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // No transparent huge pages: mimalloc asks for them, and the kernel then
    // zeroes 2 MiB at a time, much of it never used. Measured on the
    // 10,000-record build: system time 17-20 s -> 8-9 s (docs/PERFORMANCE.md).
    // SAFETY: prctl with PR_SET_THP_DISABLE takes no pointers.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    clusterpress::commands::cli::run(clusterpress::commands::cli::Cli::parse())
}
