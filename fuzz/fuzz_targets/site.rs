//! The whole load-and-validate stage on a generated site tree. The input is
//! split at NUL bytes into files: the first is content/taxonomies.yaml, the
//! others are record files in the order of `SITE_FILES` (fuzz/src/site_files.rs;
//! the ninth, if given, replaces site.yaml). The site is loaded and validated as `check` does
//! (without asking git for dates), warnings and partners computed, and the
//! problems rendered; a site without errors is also rendered to pages in
//! memory, as `build` does (without the search index). No panic; every problem
//! points inside its file; every page's Markdown is sanitized.
#![no_main]

use std::sync::OnceLock;

use clusterpress::diagnostic::{Diagnostics, Severity};
use clusterpress_fuzz::{check_positions, Scratch, SITE_FILES, SITE_YAML, TAXONOMIES_YAML};
use libfuzzer_sys::fuzz_target;

fn scratch() -> &'static Scratch {
    static SCRATCH: OnceLock<Scratch> = OnceLock::new();
    SCRATCH.get_or_init(Scratch::new)
}

fuzz_target!(|data: &[u8]| {
    let scratch = scratch();
    let mut parts = data.split(|&b| b == 0);
    let taxonomies = parts.next().unwrap_or_default();
    scratch.write("content/taxonomies.yaml", taxonomies);
    let mut given = 0;
    for (file, bytes) in SITE_FILES.iter().zip(parts) {
        scratch.write(file, bytes);
        given += 1;
    }
    for file in &SITE_FILES[given..] {
        if *file == "site.yaml" {
            scratch.write(file, SITE_YAML.as_bytes());
        } else {
            scratch.remove(file);
        }
    }
    let _ = TAXONOMIES_YAML;
    let root = scratch.root();
    let problems = Diagnostics::new();
    let mut site = None;
    if let Some(loaded) = clusterpress::content::load::load(root, &problems) {
        let s = clusterpress::site::validate::validate(root.to_path_buf(), loaded, false, &problems);
        problems.extend(clusterpress::site::lint::warnings(&s));
        let _ = clusterpress::site::lint::translation_report(&s);
        site = Some(s);
    }
    let failed = problems.has_errors();
    let problems = problems.into_sorted();
    check_positions(root, &problems);
    let Some(mut site) = site.filter(|_| !failed) else {
        return;
    };
    site.partners = clusterpress::site::matching::partners(&site);
    let mut timings = clusterpress::build::Timings::default();
    let (files, problems) = clusterpress::build::render_with(&site, false, false, &mut timings);
    assert!(
        problems.iter().all(|d| d.severity != Severity::Error),
        "a valid site fails to render: {problems:?}"
    );
    assert!(!files.is_empty());
});
