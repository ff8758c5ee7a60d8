use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    clusterpress::cli::run(clusterpress::cli::Cli::parse())
}
