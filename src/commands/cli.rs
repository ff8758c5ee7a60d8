//! The command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, Indexing, Options, Timings};
use crate::commands::report::{self, Format};
use crate::content::model::Kind;
use crate::diagnostic::Severity;
use crate::progress::Progress;

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
        /// The output folder [default: <root>/public; with --internal, DIR/public]
        #[arg(long)]
        out: Option<PathBuf>,
        /// The internal root (a folder with `kartes/`): build the staff edition, with the kartes, never into the public site's folders
        #[arg(long, value_name = "DIR")]
        internal: Option<PathBuf>,
        /// Override site.yaml's base_url (for preview deployments)
        #[arg(long)]
        base_url: Option<String>,
        /// Include records marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage took, and the peak memory
        #[arg(long)]
        timings: bool,
        /// Print only errors: no progress, no summary
        #[arg(long, short)]
        quiet: bool,
        /// "Today", for upcoming and past notices (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the clock
        #[arg(long)]
        date: Option<String>,
        /// How many parts of the search index to build at once [default: the number of cores]
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// At most N search records in one part of a language's search index; fewer, less memory [default: site.yaml's `search_part_records`, else 3000]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        search_part_records: Option<u32>,
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
        /// Report, per language, which records and fields lack a translation
        #[arg(long)]
        translations: bool,
        /// List records not updated for this many days
        #[arg(long, value_name = "DAYS")]
        stale: Option<i64>,
        /// "Today" for --stale and notices (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the clock
        #[arg(long)]
        date: Option<String>,
        /// The internal root (a folder with `kartes/`): check its kartes too, against the site
        #[arg(long, value_name = "DIR")]
        internal: Option<PathBuf>,
    },
    /// Start a new site in DIR: settings, the standard facets, an example record per kind (drafts), a CI workflow and a README
    Init {
        /// The folder for the new site (created when missing; refused when it already holds a site)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The languages, the default first: `--languages ko,en` (asked when missing and the input is a terminal)
        #[arg(long, value_name = "CODES")]
        languages: Vec<String>,
        /// The site's title in one language, once per language: `--title ko=… --title en=…`
        #[arg(long = "title", value_name = "LANG=TITLE")]
        titles: Vec<String>,
        /// The address the site will be published at: `https://cluster.example.org/`
        #[arg(long)]
        base_url: Option<String>,
        /// The secretariat's email address
        #[arg(long)]
        email: Option<String>,
        /// The secretariat's phone number
        #[arg(long)]
        phone: Option<String>,
    },
    /// Write a new record file with every field of its kind, explained
    New {
        /// companies, institutions, research-themes, equipment, coordinators, success-stories, notices or pages (kartes, with --internal)
        kind: String,
        /// The record's slug (its file name): lowercase letters, digits and `-`
        slug: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The internal root (a folder with `kartes/`): `new kartes` writes into DIR/kartes/
        #[arg(long, value_name = "DIR")]
        internal: Option<PathBuf>,
    },
    /// Preview the site: build, serve on 127.0.0.1, rebuild on every change and reload the browser
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0: any free port)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// "Today", for upcoming and past notices (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else the clock
        #[arg(long)]
        date: Option<String>,
        /// The internal root (a folder with `kartes/`): preview the staff edition
        #[arg(long, value_name = "DIR")]
        internal: Option<PathBuf>,
    },
    /// Print (or write) a JSON Schema per kind, for editors' YAML support
    Schema {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write `<kind>.schema.json` files into this folder instead of printing
        #[arg(long)]
        out: Option<PathBuf>,
        /// The internal root (a folder with `kartes/`): add the karte schema
        #[arg(long, value_name = "DIR")]
        internal: Option<PathBuf>,
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
            quiet,
            date,
            internal,
            jobs,
            search_part_records,
        } => match today(date.as_deref()) {
            Ok(today) => {
                let edition = Edition { root, internal };
                let indexing = Indexing {
                    jobs: jobs.map(usize::from),
                    part_records: search_part_records.map(|n| n as usize),
                };
                let output = (timings, quiet);
                run_build(edition, out, base_url, drafts, output, today, indexing)
            }
            Err(code) => code,
        },
        Command::Check {
            root,
            format,
            deny_warnings,
            translations,
            stale,
            date,
            internal,
        } => {
            let edition = Edition { root, internal };
            if translations {
                return run_translations(&edition);
            }
            if let Some(days) = stale {
                return run_stale(&edition, days, date.as_deref());
            }
            match today(date.as_deref()) {
                Ok(today) => run_check(edition, format, deny_warnings, today),
                Err(code) => code,
            }
        }
        Command::Init {
            dir,
            languages,
            titles,
            base_url,
            email,
            phone,
        } => run_init(dir, &languages, &titles, base_url, email, phone),
        Command::New {
            kind,
            slug,
            root,
            internal,
        } => run_new(&Edition { root, internal }, &kind, &slug),
        Command::Schema {
            root,
            out,
            internal,
        } => run_schema(&Edition { root, internal }, out),
        Command::Serve {
            root,
            port,
            host,
            date,
            internal,
        } => {
            let today = match today(date.as_deref()) {
                Ok(today) => today,
                Err(code) => return code,
            };
            let preview = crate::commands::serve::Preview {
                root,
                internal,
                host,
                port,
                today,
            };
            match crate::commands::serve::run(preview) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `--date`, else SOURCE_DATE_EPOCH, else the clock, as YYYY-MM-DD.
fn today(date: Option<&str>) -> Result<String, ExitCode> {
    crate::content::history::today(date)
        .map(|d| d.to_string())
        .map_err(|e| {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        })
}

/// The site's folder, and the internal root when the command covers kartes.
struct Edition {
    root: PathBuf,
    internal: Option<PathBuf>,
}

fn run_translations(edition: &Edition) -> ExitCode {
    match load_site(edition) {
        Ok(site) => {
            print!("{}", crate::site::lint::translation_report(&site));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

fn run_stale(edition: &Edition, days: i64, date: Option<&str>) -> ExitCode {
    let today = match crate::content::history::today(date) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    let site = match load_site(edition) {
        Ok(site) => site,
        Err(code) => return code,
    };
    let mut stale: Vec<(i64, &crate::content::model::Record)> = Vec::new();
    for r in &site.records {
        let age = match r.updated.as_deref().and_then(|u| u.parse().ok()) {
            Some(updated) => crate::content::history::days_between(updated, today),
            None => i64::MAX,
        };
        if age > days {
            stale.push((age, r));
        }
    }
    stale.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.file.cmp(&b.1.file)));
    for (age, r) in &stale {
        match r.updated.as_deref() {
            Some(u) => println!("{}  last updated {u} ({age} days ago)", r.file.display()),
            None => println!(
                "{}  never dated (no `updated:` and no git history)",
                r.file.display()
            ),
        }
    }
    eprintln!(
        "{} of {} records not updated for more than {days} days (today: {today})",
        stale.len(),
        site.records.len()
    );
    ExitCode::SUCCESS
}

/// Load the site (drafts included) for commands that read it without building.
fn load_site(edition: &Edition) -> Result<crate::site::Site, ExitCode> {
    let root = &edition.root;
    let options = Options {
        internal: edition.internal.clone(),
        indexing: Default::default(),
        root: root.to_path_buf(),
        base_url: None,
        drafts: true,
        minify: false,
        today: crate::content::history::today(None)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    };
    let checked = build::check(&options, &mut Timings::default());
    match checked.site {
        Some(site) => Ok(site),
        None => {
            report::print(root, &checked.problems, Format::Human);
            eprintln!("fix the problems above first");
            Err(ExitCode::FAILURE)
        }
    }
}

fn parse_kind(kind: &str, internal: bool) -> Result<Kind, ExitCode> {
    if kind == Kind::Kartes.dir() {
        if internal {
            return Ok(Kind::Kartes);
        }
        eprintln!("error: kartes are confidential and live in the internal root: `clusterpress new kartes <slug> --internal DIR`");
        return Err(ExitCode::from(2));
    }
    Kind::from_dir(kind).ok_or_else(|| {
        let kinds: Vec<_> = Kind::ALL.iter().map(|k| k.dir()).collect();
        let hint = crate::diagnostic::suggestion(kind, kinds.iter().copied())
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        eprintln!(
            "error: `{kind}` is not a kind{hint}; the kinds are: {}",
            kinds.join(", ")
        );
        ExitCode::from(2)
    })
}

fn run_init(
    dir: PathBuf,
    languages: &[String],
    titles: &[String],
    base_url: Option<String>,
    email: Option<String>,
    phone: Option<String>,
) -> ExitCode {
    let mut answers = crate::commands::init::Answers {
        languages: languages
            .iter()
            .flat_map(|l| crate::commands::init::split_languages(l))
            .collect(),
        base_url,
        email,
        phone,
        ..Default::default()
    };
    for t in titles {
        let Some((lang, title)) = t.split_once('=') else {
            eprintln!("error: --title takes LANG=TITLE, for example `--title en=\"Tama Industrial Cluster\"`");
            return ExitCode::from(2);
        };
        answers
            .titles
            .insert(lang.trim().to_string(), title.trim().to_string());
    }
    match crate::commands::init::run(&dir, answers) {
        Ok(files) => {
            for f in &files {
                println!("created {}", dir.join(f).display());
            }
            eprintln!(
                "a new site is in {}: read its README.md for what to do next, then run `clusterpress serve` there",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_new(edition: &Edition, kind: &str, slug: &str) -> ExitCode {
    let kind = match parse_kind(kind, edition.internal.is_some()) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let site = match load_site(edition) {
        Ok(site) => site,
        Err(code) => return code,
    };
    let dir = match (kind, &edition.internal) {
        (Kind::Kartes, Some(internal)) => internal.join(kind.dir()),
        _ => edition.root.join("content").join(kind.dir()),
    };
    match crate::commands::scaffold::new_record(&site, kind, slug, &dir) {
        Ok(files) => {
            for f in &files {
                println!("created {}", f.display());
            }
            eprintln!("fill in the fields marked (required), remove `draft: true`, then run `clusterpress check`");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_schema(edition: &Edition, out: Option<PathBuf>) -> ExitCode {
    let site = match load_site(edition) {
        Ok(site) => site,
        Err(code) => return code,
    };
    let schemas: serde_json::Map<String, serde_json::Value> = site
        .all_kinds()
        .iter()
        .map(|k| {
            (
                k.dir().to_string(),
                crate::commands::schema::for_kind(&site, *k),
            )
        })
        .collect();
    let Some(dir) = out else {
        println!(
            "{}",
            serde_json::to_string_pretty(&schemas).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    };
    let written = std::fs::create_dir_all(&dir).and_then(|_| {
        schemas.iter().try_for_each(|(kind, schema)| {
            let text = serde_json::to_string_pretty(schema).unwrap_or_default();
            std::fs::write(dir.join(format!("{kind}.schema.json")), text + "\n")
        })
    });
    match written {
        Ok(()) => {
            eprintln!("wrote {} schemas into {}", schemas.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write into {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn run_build(
    edition: Edition,
    out: Option<PathBuf>,
    base_url: Option<String>,
    drafts: bool,
    (show_timings, quiet): (bool, bool),
    today: String,
    indexing: Indexing,
) -> ExitCode {
    let Edition { root, internal } = edition;
    let out = match &internal {
        Some(dir) => out.unwrap_or_else(|| dir.join("public")),
        None => out.unwrap_or_else(|| root.join("public")),
    };
    if let Some(why) = internal.as_ref().and_then(|_| public_folder(&root, &out)) {
        eprintln!("error: the staff edition would be written into {why}; choose another --out, outside the public site's output and content");
        return ExitCode::from(2);
    }
    let options = Options {
        internal,
        indexing,
        root: root.clone(),
        base_url,
        drafts,
        minify: true,
        today,
    };
    let mut timings = Timings {
        progress: Progress::on_stderr(quiet),
        ..Timings::default()
    };
    let started = std::time::Instant::now();
    match build::build(&options, &out, &mut timings) {
        Ok((problems, written)) => {
            // Errors in full; warnings only counted, `check` shows them.
            let (errors, warnings): (Vec<_>, Vec<_>) = problems
                .iter()
                .cloned()
                .partition(|d| d.severity == Severity::Error);
            report::print(&root, &errors, Format::Human);
            if !warnings.is_empty() && !quiet {
                eprintln!(
                    "{} warning{}: run `clusterpress check` to see them",
                    warnings.len(),
                    if warnings.len() == 1 { "" } else { "s" }
                );
            }
            if problems.iter().any(|d| d.severity == Severity::Error) {
                eprintln!("build failed: {} was left as it was", out.display());
                return ExitCode::FAILURE;
            }
            if show_timings {
                for (stage, secs) in &timings.stages {
                    eprintln!("  {stage:<9} {:>8.1} ms", secs * 1000.0);
                }
                if let Some(mib) = build::peak_memory_mib() {
                    eprintln!("  peak memory {mib:>6.0} MiB");
                }
            }
            if quiet {
                return ExitCode::SUCCESS;
            }
            let images = timings.images;
            if images.resized + images.cached > 0 {
                eprintln!(
                    "images: {} resized, {} reused from the cache",
                    images.resized, images.cached
                );
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

/// Whether `out` is in a folder the public site publishes from (its output or
/// its content): the staff edition must never land there.
fn public_folder(root: &std::path::Path, out: &std::path::Path) -> Option<String> {
    let absolute = |p: &std::path::Path| {
        std::path::absolute(p)
            .map(|p| {
                let mut clean = PathBuf::new();
                for c in p.components() {
                    match c {
                        std::path::Component::ParentDir => {
                            clean.pop();
                        }
                        std::path::Component::CurDir => {}
                        c => clean.push(c),
                    }
                }
                clean
            })
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let out = absolute(out);
    ["public", "content"].into_iter().find_map(|name| {
        let folder = root.join(name);
        out.starts_with(absolute(&folder))
            .then(|| format!("the public site's {}", folder.display()))
    })
}

fn run_check(edition: Edition, format: Format, deny_warnings: bool, today: String) -> ExitCode {
    let Edition { root, internal } = edition;
    let options = Options {
        internal,
        indexing: Default::default(),
        root: root.clone(),
        base_url: None,
        drafts: false,
        minify: false,
        today,
    };
    let mut timings = Timings::default();
    let checked = build::check(&options, &mut timings);
    let mut problems = checked.problems;
    if let Some(site) = &checked.site {
        // Rendering finds template problems; nothing is written.
        problems.extend(build::render_with(site, false, false, &mut timings).1);
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
