//! The staff's commands: `new` writes a record that passes `check`; `schema`
//! accepts every sample record and rejects broken ones.

mod common;

use std::path::Path;

use common::{run_in, Site};

/// Every kind, notices and free-form pages included.
const KINDS: [&str; 8] = [
    "companies",
    "institutions",
    "research-themes",
    "equipment",
    "coordinators",
    "success-stories",
    "notices",
    "pages",
];

fn front_matter(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    Some(&rest[..end + 1])
}

fn schemas(root: &Path) -> serde_json::Value {
    let out = run_in(root, &["schema"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn new_writes_every_field_and_passes_check() {
    let site = Site::new("small", &[]);
    for kind in KINDS {
        let out = site.run(&["new", kind, "fresh-one", "--root", "."]);
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("content/{kind}/fresh-one.md")),
            "tells where: {stdout}"
        );
        let text =
            std::fs::read_to_string(site.root().join(format!("content/{kind}/fresh-one.md")))
                .unwrap();
        assert!(text.contains("draft: true"));
        for lang in ["ko:", "en:", "ja:"] {
            assert!(text.contains(lang), "{kind}: every language in {text}");
        }
        for lang in ["en", "ja"] {
            let body = site
                .root()
                .join(format!("content/{kind}/fresh-one.{lang}.md"));
            assert!(body.is_file(), "{kind}: {lang} body");
        }
        assert!(!site
            .root()
            .join(format!("content/{kind}/fresh-one.ko.md"))
            .exists());
    }
    let (ok, problems) = site.check_json();
    assert!(ok, "{problems:#?}");
    // With the comment marks removed, every optional field of every kind reads back too:
    // the field table that writes templates and schemas agrees with the reader.
    for kind in KINDS {
        uncomment(&site.root().join(format!("content/{kind}/fresh-one.md")));
    }
    let (ok, problems) = site.check_json();
    assert!(ok, "{problems:#?}");
}

fn uncomment(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let uncommented: String = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            let indent = &l[..l.len() - t.len()];
            match t.strip_prefix("# ") {
                Some(field) => format!("{indent}{field}"),
                None => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(path, uncommented).unwrap();
}

#[test]
fn new_refuses_bad_slugs_existing_files_and_unknown_kinds() {
    let site = Site::new("small", &[]);
    assert_eq!(
        site.run(&["new", "companies", "Bad Slug"]).status.code(),
        Some(1)
    );
    assert_eq!(
        site.run(&["new", "companies", "alpha"]).status.code(),
        Some(1)
    );
    let out = site.run(&["new", "compnies", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `companies`?"));
}

#[test]
fn the_schema_accepts_every_sample_record_and_rejects_broken_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = schemas(root);
    let mut checked = 0;
    for (kind, schema) in all.as_object().unwrap() {
        let validator = jsonschema::validator_for(schema).unwrap();
        for entry in std::fs::read_dir(root.join("content").join(kind)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.matches('.').count() > 1 {
                continue; // a translation
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let yaml = if name.ends_with(".yaml") {
                text.as_str()
            } else {
                front_matter(&text).unwrap()
            };
            let value = clusterpress::content::yaml::to_json(
                &clusterpress::content::yaml::parse(yaml, 1).unwrap(),
            );
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 90, "{checked}");
    let companies = jsonschema::validator_for(&all["companies"]).unwrap();
    let good = serde_json::json!({ "name": { "ko": "가", "en": "A" }, "technologies": ["cutting"], "employees": 3 });
    assert!(companies.is_valid(&good));
    for broken in [
        serde_json::json!({ "summary": "no name" }),
        serde_json::json!({ "name": "A", "employees": "many" }),
        serde_json::json!({ "name": "A", "technologies": ["cuting"] }),
        serde_json::json!({ "name": "A", "employes": 3 }),
        serde_json::json!({ "name": { "fr": "A" } }),
        serde_json::json!({ "name": "A", "incubator": "no-such-institution" }),
    ] {
        assert!(!companies.is_valid(&broken), "{broken}");
    }
}

#[test]
fn timings_show_each_stage_and_the_peak_memory() {
    let site = Site::new("small", &[]);
    let out = site.build(&["--timings"]);
    let err = String::from_utf8_lossy(&out.stderr);
    for stage in ["load", "validate", "render", "write", "index"] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" ms")),
            "no {stage} time in:\n{err}"
        );
    }
    let peak: f64 = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("peak memory"))
        .and_then(|rest| rest.trim().strip_suffix("MiB"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in:\n{err}"));
    // A build holds at least its binary and the theme; no build of this fixture needs a GiB.
    assert!(peak > 1.0 && peak < 1024.0, "peak memory {peak} MiB");
}

/// The count of a stage's line (`write      1324 files      0.1 s`) in a build's log.
fn stage_count(log: &str, stage: &str) -> Option<usize> {
    log.lines().find_map(|l| {
        let mut words = l.split_whitespace();
        (words.next() == Some(stage))
            .then(|| words.next()?.parse().ok())
            .flatten()
    })
}

#[test]
fn a_build_in_a_log_prints_a_line_per_finished_stage_and_nothing_with_quiet() {
    let site = Site::new("small", &[]);
    let out = site.build(&[]);
    let log = String::from_utf8_lossy(&out.stderr);
    for stage in [
        "load", "validate", "match", "render", "minify", "write", "index", "finish",
    ] {
        assert!(
            stage_count(&log, stage).is_some(),
            "no line for {stage}:\n{log}"
        );
    }
    let records = stage_count(&log, "load").unwrap();
    assert!(records > 5, "{log}");
    // Drafts are read, then left out.
    let published = stage_count(&log, "validate").unwrap();
    assert!(published > 5 && published <= records, "{log}");
    // Each record has a page per language, and there are lists besides.
    assert!(
        stage_count(&log, "render").unwrap() > 2 * published,
        "{log}"
    );
    // Pagefind gets each record (and product) once per language.
    assert!(
        stage_count(&log, "index").unwrap() >= 2 * published,
        "{log}"
    );
    let built: usize = log
        .lines()
        .find_map(|l| l.strip_prefix("built ")?.split(' ').next()?.parse().ok())
        .unwrap();
    assert_eq!(
        stage_count(&log, "write").unwrap() + stage_count(&log, "finish").unwrap(),
        built,
        "{log}"
    );
    let quiet = site.build(&["--quiet"]);
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr),
        "",
        "--quiet printed"
    );
}
