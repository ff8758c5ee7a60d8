//! The build, as a recipe of its stages: load → validate → render pages and
//! publish the other files → write → index → write the index and swap.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::progress::{Progress, Stage};
use crate::site::paths::OutputFile;
use crate::site::Site;

pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub minify: bool,
    /// YYYY-MM-DD: which notices are upcoming and which are past.
    pub today: String,
    /// The internal root (`--internal DIR`): read its kartes and make the staff edition.
    pub internal: Option<PathBuf>,
    pub indexing: Indexing,
}

/// How the search index is built: `--jobs` and `--search-part-records`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Indexing {
    /// How many parts of the index are built at once [default: the cores].
    pub jobs: Option<usize>,
    /// Overrides site.yaml's `search_part_records`.
    pub part_records: Option<usize>,
}

impl Indexing {
    pub fn jobs(&self) -> usize {
        self.jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

/// How long each stage took, for `--timings` and the benchmark.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub stages: Vec<(&'static str, f64)>,
    /// Resized images made in this build and reused from the cache.
    pub images: crate::render::images::Stats,
    /// Where each stage reports what it has done (nothing, by default).
    pub progress: Progress,
}

impl Timings {
    fn record(&mut self, stage: &'static str, since: Instant) {
        self.stages.push((stage, since.elapsed().as_secs_f64()));
    }
}

/// The most memory the process has held at once (its peak resident set), for `--timings`.
pub fn peak_memory_mib() -> Option<f64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes into the struct it is given and reads nothing else.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
    // SAFETY: initialised by the successful call (and zeroed before it).
    let usage = unsafe { usage.assume_init() };
    // Linux and the BSDs give kilobytes; macOS gives bytes.
    let kib = if cfg!(target_os = "macos") {
        usage.ru_maxrss as f64 / 1024.0
    } else {
        usage.ru_maxrss as f64
    };
    ok.then_some(kib / 1024.0)
}

/// The result of loading and checking a site: the site when it could be built, and every problem.
pub struct Checked {
    pub site: Option<Site>,
    pub problems: Vec<Diagnostic>,
}

/// Load and validate the site; no output is produced.
pub fn check(options: &Options, timings: &mut Timings) -> Checked {
    let problems = Diagnostics::new();
    let t = Instant::now();
    let loading = timings.progress.stage("load", "records", None);
    let mut loaded = crate::content::load::load(&options.root, &problems);
    let kartes = match (&mut loaded, &options.internal) {
        (Some(loaded), Some(internal)) => Some(crate::content::load::load_internal(
            &options.root,
            internal,
            &loaded.config,
            &mut loaded.taxonomies,
            &problems,
        )),
        _ => None,
    };
    let karte_count = kartes.as_ref().map_or(0, Vec::len);
    loading.add(loaded.as_ref().map_or(0, |l| l.records.len()) + karte_count);
    loading.finish();
    timings.record("load", t);
    let t = Instant::now();
    let site = loaded.map(|mut loaded| {
        if let Some(url) = &options.base_url {
            loaded.config.base_url = url.clone();
        }
        crate::content::history::fill_from_git(&options.root, &mut loaded.records);
        if let Some(kartes) = kartes {
            loaded.records.extend(kartes);
            crate::content::load::name_kartes(&mut loaded.records);
        }
        let mut site = crate::site::validate::validate(
            options.root.clone(),
            loaded,
            options.drafts,
            &problems,
        );
        site.today = options.today.clone();
        site.staff = options.internal.is_some();
        site
    });
    if let Some(site) = &site {
        problems.extend(crate::site::lint::warnings(site));
    }
    let validating = timings.progress.stage("validate", "records", None);
    validating.add(site.as_ref().map_or(0, |s| s.records.len()));
    validating.finish();
    timings.record("validate", t);
    let t = Instant::now();
    let matching = timings.progress.stage("match", "records", None);
    let site = site.map(|mut site| {
        site.partners = crate::site::matching::partners(&site);
        site.karte_nouns = crate::site::matching::karte_nouns(&site);
        matching.add(site.records.len());
        site
    });
    matching.finish();
    timings.record("match", t);
    let failed = problems.has_errors();
    Checked {
        site: if failed { None } else { site },
        problems: problems.into_sorted(),
    }
}

/// Render the checked site to files in memory.
pub fn render(
    site: &Site,
    minify: bool,
    timings: &mut Timings,
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    render_with(site, minify, true, timings)
}

/// Render, and build the search index when `index` is set (`check` does not need it).
pub fn render_with(
    site: &Site,
    minify: bool,
    index: bool,
    timings: &mut Timings,
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let problems = Diagnostics::new();
    let Some(theme) = load_theme(site, &problems) else {
        return (Vec::new(), problems.into_sorted());
    };
    let t = Instant::now();
    let mut files = pages(site, &theme, &problems, timings);
    timings.record("render", t);
    if index {
        let t = Instant::now();
        let jobs = Indexing::default().jobs();
        files.extend(search_index(site, &theme, jobs, &problems, &Stage::none()));
        timings.record("index", t);
    }
    if minify {
        let t = Instant::now();
        crate::write::minify(&mut files);
        timings.record("minify", t);
    }
    (files, problems.into_sorted())
}

/// The whole build. Returns the problems; the output is replaced only when there are no errors.
///
/// Build the site into `out`: render, minify and write the pages and build the
/// search index (beside the pages when it is small, after them in parts when
/// not), then write the index and put the new site in place of the old one,
/// only once all of it is written.
pub fn build(
    options: &Options,
    out: &Path,
    timings: &mut Timings,
) -> Result<(Vec<Diagnostic>, usize)> {
    let checked = check(options, timings);
    let mut problems = checked.problems;
    let Some(mut site) = checked.site else {
        return Ok((problems, 0));
    };
    if let Some(n) = options.indexing.part_records {
        site.config.search_part_records = Some(n);
    }
    let jobs = options.indexing.jobs();
    let found = Diagnostics::new();
    let Some(theme) = load_theme(&site, &found) else {
        problems.extend(found.into_sorted());
        return Ok((problems, 0));
    };
    let (site, theme) = (&site, &theme);
    let indexing = timings.progress.stage("index", "records", None);
    let timed_index = || {
        let t = Instant::now();
        let files = search_index(site, theme, jobs, &found, &indexing);
        (files, t.elapsed().as_secs_f64())
    };
    let written = std::thread::scope(|s| -> Result<Option<usize>> {
        // An index in one part per language is small: it is built on a thread
        // of its own beside the pages. An index in parts waits until the pages
        // are written and freed, then has the memory and every core (`--jobs`).
        let beside =
            (!crate::site::search_names::index_is_split(site)).then(|| s.spawn(timed_index));
        test_stage("locking");
        let mut staging = crate::write::Staging::new(out)?;
        test_stage("staging");
        let pages = write_pages(site, theme, options.minify, &found, timings, &mut staging);
        let (index_files, index_secs) = match beside {
            Some(thread) => thread
                .join()
                .map_err(|_| anyhow::anyhow!("the search indexer panicked"))?,
            None if pages.is_ok() && !found.has_errors() => timed_index(),
            None => (Vec::new(), 0.0),
        };
        let mut written = pages?;
        test_stage("pages");
        indexing.finish();
        timings.stages.push(("index", index_secs));
        let t = Instant::now();
        if found.has_errors() {
            return Ok(None);
        }
        written += index_files.len();
        let finishing = timings
            .progress
            .stage("finish", "files", Some(index_files.len()));
        staging.write(index_files, &finishing)?;
        test_stage("index");
        staging.finish()?;
        test_stage("swapped");
        finishing.finish();
        timings.record("finish", t);
        Ok(Some(written))
    })?;
    problems.extend(found.into_sorted());
    Ok((problems, written.unwrap_or(0)))
}

/// Pages rendered at once, then minified and written before the next ones.
const PAGE_BATCH: usize = 2000;

/// Render, minify and write every page, `PAGE_BATCH` at a time, then the other
/// files (feeds, open data, sitemap, editor, media, resized images). Returns
/// how many files were written.
fn write_pages(
    site: &Site,
    theme: &crate::theme::Theme,
    minify: bool,
    problems: &Diagnostics,
    timings: &mut Timings,
    staging: &mut crate::write::Staging,
) -> Result<usize> {
    let media = media_and_images(site, problems, timings);
    let started = Instant::now();
    let (mut minify_secs, mut write_secs, mut written) = (0.0, 0.0, 0);
    let rendering = timings.progress.stage("render", "pages", None);
    let minifying = timings.progress.stage("minify", "files", None);
    let writing = timings.progress.stage("write", "files", None);
    let mut emit = |mut files: Vec<OutputFile>| -> Result<()> {
        let t = Instant::now();
        if minify {
            crate::write::minify(&mut files);
            minifying.add(files.len());
        }
        minify_secs += t.elapsed().as_secs_f64();
        let t = Instant::now();
        written += files.len();
        staging.write(files, &writing)?;
        write_secs += t.elapsed().as_secs_f64();
        Ok(())
    };
    crate::render::render_in_batches(site, theme, problems, &rendering, PAGE_BATCH, &mut emit)?;
    rendering.finish();
    let (others, editor_secs) = other_files(site, theme);
    emit(others)?;
    emit(media)?;
    minifying.finish();
    writing.finish();
    let render_secs = started.elapsed().as_secs_f64() - minify_secs - write_secs;
    timings.stages.push(("render", render_secs));
    if crate::publish::editor::is_on(site) {
        // Part of render, shown on its own line.
        timings.stages.push(("editor", editor_secs));
    }
    timings.stages.push(("minify", minify_secs));
    timings.stages.push(("write", write_secs));
    Ok(written)
}

/// Test-only hook, for tests/interrupted.rs: with CLUSTERPRESS_TEST_PAUSE_AT set,
/// the build writes `clusterpress-test: <stage>` on stderr as it reaches each
/// stage of writing (`locking` the output; `staging`: locked, staging folder
/// made; `pages` written; `index` written; `swapped` in), and at the stage the
/// variable names it waits for a line (or the end) of stdin, so that a test can
/// kill it, or let it go on, at a known moment. Nothing else sets it.
fn test_stage(stage: &str) {
    let Some(at) = std::env::var_os("CLUSTERPRESS_TEST_PAUSE_AT") else {
        return;
    };
    eprintln!("clusterpress-test: {stage}");
    if at == stage {
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

fn load_theme(site: &Site, problems: &Diagnostics) -> Option<crate::theme::Theme> {
    crate::theme::load_theme(&site.root, &site.config.theme, site.languages(), problems)
}

/// Every page, and every file published beside the pages but the search index:
/// feeds, open data and the sitemap. In path order.
pub fn pages_and_files(
    site: &Site,
    theme: &crate::theme::Theme,
    problems: &Diagnostics,
    rendering: &Stage,
) -> Vec<OutputFile> {
    let mut files = crate::render::render(site, theme, problems, rendering);
    files.extend(other_files(site, theme).0);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The files published beside the pages: feeds, open data, the sitemap and the
/// editor, with the seconds the editor's configuration took (issue 19 holds it
/// to a small share of the build, so `--timings` shows it).
fn other_files(site: &Site, theme: &crate::theme::Theme) -> (Vec<OutputFile>, f64) {
    let mut files = crate::publish::feeds_and_data(site, theme);
    let addresses = crate::render::addresses(site);
    files.extend(crate::publish::sitemap::files(site, &addresses));
    let t = Instant::now();
    files.extend(crate::publish::editor::files(site, theme));
    (files, t.elapsed().as_secs_f64())
}

/// Every page, the media files they use and the resized copies of images.
fn pages(
    site: &Site,
    theme: &crate::theme::Theme,
    problems: &Diagnostics,
    timings: &mut Timings,
) -> Vec<OutputFile> {
    let rendering = timings.progress.stage("render", "pages", None);
    let mut files = pages_and_files(site, theme, problems, &rendering);
    rendering.finish();
    files.extend(media_and_images(site, problems, timings));
    files
}

/// The media files the pages use and the resized copies of images.
fn media_and_images(site: &Site, problems: &Diagnostics, timings: &mut Timings) -> Vec<OutputFile> {
    let mut files = media_files(site, problems);
    let t = Instant::now();
    let resizing = timings.progress.stage("images", "images", None);
    let (resized, stats, errors) = crate::render::images::resized(site);
    resizing.add(resized.len());
    resizing.finish();
    files.extend(resized);
    for e in errors {
        problems.push(Diagnostic::error(
            "bad-image",
            crate::diagnostic::Location::file("content/media"),
            e,
        ));
    }
    timings.images = stats;
    timings.record("images", t);
    files
}

/// The search bundle; a failure is reported as a problem of the site.
fn search_index(
    site: &Site,
    theme: &crate::theme::Theme,
    jobs: usize,
    problems: &Diagnostics,
    indexing: &Stage,
) -> Vec<OutputFile> {
    crate::publish::search::index(site, theme, jobs, indexing).unwrap_or_else(|e| {
        problems.push(Diagnostic::error(
            "search-index",
            crate::diagnostic::Location::file("site.yaml"),
            format!("building the search index failed: {e:#}"),
        ));
        Vec::new()
    })
}

/// The media files records use, copied as they are to /media/.
fn media_files(site: &Site, problems: &Diagnostics) -> Vec<OutputFile> {
    let mut srcs: Vec<&str> = site
        .records
        .iter()
        .flat_map(|r| r.media.iter().map(|m| m.src.as_str()))
        .collect();
    srcs.sort_unstable();
    srcs.dedup();
    srcs.into_iter()
        .filter_map(
            |src| match std::fs::read(site.root.join("content/media").join(src)) {
                Ok(bytes) => Some(OutputFile {
                    path: std::path::PathBuf::from("media").join(src),
                    bytes,
                }),
                Err(e) => {
                    let at = crate::diagnostic::Location::file(format!("content/media/{src}"));
                    problems.push(Diagnostic::error(
                        "unreadable-file",
                        at,
                        format!("cannot read: {e}"),
                    ));
                    None
                }
            },
        )
        .collect()
}
