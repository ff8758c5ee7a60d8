//! The command line: `build` and `check` (more commands come with their issues).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, Options, Timings};
use crate::diagnostic::Severity;
use crate::report::{self, Format};

#[derive(Parser)]
#[command(
    name = "clusterpress",
    version,
    about = "Build the public directory of an industrial cluster"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds)
    Build {
        /// The site's folder (with site.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder [default: <root>/public]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override site.yaml's base_url (for preview deployments)
        #[arg(long)]
        base_url: Option<String>,
        /// Include records marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage took
        #[arg(long)]
        timings: bool,
    },
    /// Report every problem in the content without building; exit 1 if there is an error
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the problems
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail on warnings too
        #[arg(long)]
        deny_warnings: bool,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            drafts,
            timings,
        } => run_build(root, out, base_url, drafts, timings),
        Command::Check {
            root,
            format,
            deny_warnings,
        } => run_check(root, format, deny_warnings),
    }
}

fn run_build(
    root: PathBuf,
    out: Option<PathBuf>,
    base_url: Option<String>,
    drafts: bool,
    show_timings: bool,
) -> ExitCode {
    let out = out.unwrap_or_else(|| root.join("public"));
    let options = Options {
        root: root.clone(),
        base_url,
        drafts,
        minify: true,
    };
    let mut timings = Timings::default();
    let started = std::time::Instant::now();
    match build::build(&options, &out, &mut timings) {
        Ok((problems, written)) => {
            report::print(&root, &problems, Format::Human);
            if problems.iter().any(|d| d.severity == Severity::Error) {
                eprintln!("build failed: {} was left as it was", out.display());
                return ExitCode::FAILURE;
            }
            if show_timings {
                for (stage, secs) in &timings.stages {
                    eprintln!("  {stage:<9} {:>8.1} ms", secs * 1000.0);
                }
            }
            eprintln!(
                "built {written} files into {} in {:.2} s",
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            eprintln!("build failed: {} was left as it was", out.display());
            ExitCode::FAILURE
        }
    }
}

fn run_check(root: PathBuf, format: Format, deny_warnings: bool) -> ExitCode {
    let options = Options {
        root: root.clone(),
        base_url: None,
        drafts: false,
        minify: false,
    };
    let mut timings = Timings::default();
    let checked = build::check(&options, &mut timings);
    let mut problems = checked.problems;
    if let Some(site) = &checked.site {
        // Rendering finds template problems; nothing is written.
        problems.extend(build::render(site, false, &mut timings).1);
    }
    report::print(&root, &problems, format);
    let errors = problems.iter().any(|d| d.severity == Severity::Error);
    let warnings = problems.iter().any(|d| d.severity == Severity::Warning);
    if format == Format::Human && problems.is_empty() {
        eprintln!("no problems found");
    }
    if errors || (deny_warnings && warnings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
