//! Every input with which a fuzz target (fuzz/fuzz_targets/) once failed,
//! kept in tests/fixtures/fuzz/<target>/, fed to the real binary the way that
//! target feeds it: `check` must not panic, must report an error, and every
//! problem must point at a line and column that exist in the file it names.

mod common;

use std::path::Path;

use common::{fixtures, Site};

#[path = "../fuzz/src/site_files.rs"]
mod site_files;
use site_files::SITE_FILES;

/// The small site's settings, taxonomies and media, without its records.
fn scratch() -> Site {
    let site = Site::new("small", &[]);
    for kind in [
        "companies",
        "institutions",
        "equipment",
        "research-themes",
        "success-stories",
        "coordinators",
    ] {
        let _ = std::fs::remove_dir_all(site.root().join("content").join(kind));
    }
    site
}

fn write(site: &Site, rel: &str, bytes: &[u8]) {
    let path = site.root().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// The sites a crash input of `target` stands for.
fn sites_for(target: &str, input: &[u8]) -> Vec<Site> {
    match target {
        "site" => {
            let site = scratch();
            let mut parts = input.split(|&b| b == 0);
            write(
                &site,
                "content/taxonomies.yaml",
                parts.next().unwrap_or_default(),
            );
            for (file, bytes) in SITE_FILES.iter().zip(parts) {
                write(&site, file, bytes);
            }
            vec![site]
        }
        "front_matter" => {
            let site = Site::new("small", &[]);
            let (main, translation) = match input.iter().position(|&b| b == 0) {
                Some(n) => (&input[..n], Some(&input[n + 1..])),
                None => (input, None),
            };
            write(&site, "content/companies/fuzz.md", main);
            if let Some(t) = translation {
                write(&site, "content/companies/fuzz.en.md", t);
            }
            vec![site]
        }
        "yaml" => {
            // As a settings file, as a record without a body, as front matter.
            let as_taxonomies = Site::new("small", &[]);
            write(&as_taxonomies, "content/taxonomies.yaml", input);
            let as_record = Site::new("small", &[]);
            write(&as_record, "content/equipment/fuzz.yaml", input);
            let as_front_matter = Site::new("small", &[]);
            let md = [b"---\n".as_slice(), input, b"\n---\nBody.\n"].concat();
            write(&as_front_matter, "content/companies/fuzz.md", &md);
            vec![as_taxonomies, as_record, as_front_matter]
        }
        other => panic!("no regression harness for the fuzz target `{other}`"),
    }
}

/// `check` ran to its end, found an error, and placed every problem in its file.
fn assert_positioned(site: &Site, what: &str) {
    let out = site.run(&["check", "--root", ".", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: check must fail cleanly: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    let problems: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        problems.iter().any(|p| p["severity"] == "error"),
        "{what}: {problems:#?}"
    );
    // The human report, the one editors read, shows each error at its place
    // and the line it names.
    let human = site.run(&["check", "--root", "."]);
    let report = String::from_utf8_lossy(&human.stderr);
    assert_eq!(human.status.code(), Some(1), "{what}: {report}");
    assert!(!report.contains("panicked"), "{what}: {report}");
    // Each problem's place and its second labels (in the same file).
    let places = problems.iter().flat_map(|p| {
        let related = p["related"].as_array().cloned().unwrap_or_default();
        std::iter::once((p, p.clone())).chain(related.into_iter().map(move |r| (p, r)))
    });
    for (p, at) in places {
        let (line, column) = (
            at["line"].as_u64().unwrap() as usize,
            at["column"].as_u64().unwrap() as usize,
        );
        let name = p["file"].as_str().unwrap();
        let file = site.root().join(name);
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let text = clusterpress::content::load::normalize_text(&String::from_utf8_lossy(&bytes));
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            (1..=lines.len()).contains(&line),
            "{what}: line {line} of {} lines: {p}",
            lines.len()
        );
        let width = lines[line - 1].chars().count();
        assert!(
            (1..=width + 1).contains(&column),
            "{what}: column {column} of {width}: {p}"
        );
        // Warnings about a whole file (no translation, no summary) name only the
        // file; a second label is shown in the snippet, not as a heading.
        if p["severity"] != "error" || &at != p {
            continue;
        }
        assert!(
            report.contains(&format!("{name}:{line}:{column}")),
            "{what}: the report names {name}:{line}:{column}: {report}"
        );
        let shown = format!("{line} │ {}", lines[line - 1]);
        assert!(
            report
                .lines()
                .any(|l| l.trim_start().trim_end() == shown.trim_end()),
            "{what}: the report shows line {line} ({:?}): {report}",
            lines[line - 1]
        );
    }
}

#[test]
fn inputs_that_once_failed_a_fuzz_target_give_positioned_errors() {
    let dir = fixtures().join("fuzz");
    let mut count = 0;
    for target in std::fs::read_dir(&dir).unwrap() {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().to_string();
        for input in std::fs::read_dir(&target).unwrap() {
            let input = input.unwrap().path();
            let bytes = std::fs::read(&input).unwrap();
            for site in sites_for(&name, &bytes) {
                assert_positioned(&site, &display(&input));
                count += 1;
            }
        }
    }
    assert!(count >= 2, "{count} regression runs");
}

fn display(path: &Path) -> String {
    path.strip_prefix(fixtures()).unwrap().display().to_string()
}
