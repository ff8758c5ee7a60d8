//! Input made to exhaust resources is refused within seconds, with bounded
//! memory, and with a positioned error: a YAML alias bomb ("billion laughs")
//! in every kind of YAML file, and a 1 GB file (sparse, made with `set_len`)
//! as a record, a translation, site.yaml, taxonomies.yaml and a media file a
//! record uses.
//!
//! Each run's time and peak memory are those of the `clusterpress` process
//! alone, so the tests in this file may run in parallel.

mod common;

use std::io::{Read, Seek};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// How long a refusal may take, and how much memory (a check of the small
/// site needs a few tens of MB).
const MAX_TIME: Duration = Duration::from_secs(5);
const MAX_RSS_KB: i64 = 256 * 1024;

struct Run {
    ok: bool,
    problems: Vec<serde_json::Value>,
    time: Duration,
    max_rss_kb: i64,
}

/// `check --format json` in `root`, measured: its time, and its peak memory
/// (VmHWM of its own address space, read every millisecond until it exits;
/// the process's rusage would also count the test process it was spawned from).
fn check(root: &Path) -> Run {
    let stdout = tempfile::tempfile().unwrap();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterpress"))
        .args(["check", "--root", ".", "--format", "json"])
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(stdout.try_clone().unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let proc_status = format!("/proc/{}/status", child.id());
    let mut max_rss_kb = 0;
    let status = loop {
        if let Some(kb) = std::fs::read_to_string(&proc_status).ok().and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<i64>().ok()
        }) {
            max_rss_kb = max_rss_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let time = start.elapsed();
    let mut out = String::new();
    let mut stdout = stdout;
    stdout.rewind().unwrap();
    stdout.read_to_string(&mut out).unwrap();
    let problems = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    Run {
        ok: status.success(),
        problems,
        time,
        max_rss_kb,
    }
}

/// `check` failed quickly and within memory, with an error at `file:line:column`
/// whose code is `code` and whose message contains `words`.
fn assert_refused(run: &Run, at: &str, code: &str, words: &str) {
    assert!(!run.ok, "check must fail: {:#?}", run.problems);
    assert!(run.time < MAX_TIME, "took {:?}", run.time);
    assert!(run.max_rss_kb > 0, "the memory was measured");
    assert!(
        run.max_rss_kb < MAX_RSS_KB,
        "used {} MB",
        run.max_rss_kb / 1024
    );
    let found = run.problems.iter().any(|p| {
        format!(
            "{}:{}:{}",
            p["file"].as_str().unwrap(),
            p["line"],
            p["column"]
        ) == at
            && p["code"] == code
            && p["severity"] == "error"
            && p["message"].as_str().unwrap().contains(words)
    });
    assert!(
        found,
        "expected {at} {code} `{words}` among {:#?}",
        run.problems
    );
}

/// The classic alias bomb: nine levels of ten references, 10^9 strings if expanded.
fn billion_laughs() -> String {
    let mut y = String::from("lol0: &lol0 \"lol\"\n");
    for i in 1..=9 {
        let refs = vec![format!("*lol{}", i - 1); 10].join(", ");
        y.push_str(&format!("lol{i}: &lol{i} [{refs}]\n"));
    }
    y
}

#[test]
fn an_alias_bomb_is_refused_at_its_first_anchor_in_every_kind_of_yaml_file() {
    let bomb = billion_laughs();
    // In a record's front matter: the anchor `&lol0` is on line 3, column 7.
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/lol.md",
        &format!("---\nname: Lol\n{bomb}---\nBody.\n"),
    );
    assert_refused(
        &check(site.root()),
        "content/companies/lol.md:3:7",
        "bad-yaml",
        "anchors",
    );
    // In a record without a body, in taxonomies.yaml and in site.yaml.
    let site = Site::new("small", &[]);
    site.write("content/equipment/lol.yaml", &format!("{bomb}name: Lol\n"));
    assert_refused(
        &check(site.root()),
        "content/equipment/lol.yaml:1:7",
        "bad-yaml",
        "anchors",
    );
    let site = Site::new("small", &[]);
    let taxonomies = std::fs::read_to_string(site.root().join("content/taxonomies.yaml")).unwrap();
    site.write("content/taxonomies.yaml", &format!("{bomb}{taxonomies}"));
    assert_refused(
        &check(site.root()),
        "content/taxonomies.yaml:1:7",
        "bad-yaml",
        "anchors",
    );
    let site = Site::new("small", &[]);
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}{bomb}"));
    let line = config.lines().count() + 1;
    assert_refused(
        &check(site.root()),
        &format!("site.yaml:{line}:7"),
        "bad-yaml",
        "anchors",
    );
    // Aliases alone, with no anchor to point to, are refused as well.
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/alias.md",
        "---\nname: Alias\nservices: [*a, *a, *a]\n---\n",
    );
    let run = check(site.root());
    assert!(!run.ok && run.time < MAX_TIME);
    assert!(
        run.problems
            .iter()
            .any(|p| p["file"] == "content/companies/alias.md"
                && p["line"] == 3
                && p["code"] == "bad-yaml"),
        "{:#?}",
        run.problems
    );
}

/// A sparse file of 1 GB: it takes no disk space, but reading it would take 1 GB.
fn gigabyte(path: &Path) {
    let f = std::fs::File::create(path).unwrap();
    f.set_len(1 << 30).unwrap();
}

#[test]
fn a_1_gb_file_is_refused_before_it_is_read() {
    for (file, code) in [
        ("content/companies/huge.md", "unreadable-file"),
        ("content/companies/alpha.en.md", "unreadable-file"),
        ("content/equipment/huge.yaml", "unreadable-file"),
        ("content/taxonomies.yaml", "unreadable-file"),
        ("site.yaml", "unreadable-file"),
    ] {
        let site = Site::new("small", &[]);
        gigabyte(&site.root().join(file));
        assert_refused(&check(site.root()), &format!("{file}:1:1"), code, "1024 MB");
    }
}

#[test]
fn a_1_gb_media_file_is_refused_before_it_is_read() {
    let site = Site::new("small", &[]);
    gigabyte(&site.root().join("content/media/huge.zip"));
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq).unwrap();
    let line = text.lines().count() + 1;
    std::fs::write(&eq, text + "  - { src: huge.zip, title: Huge }\n").unwrap();
    assert_refused(
        &check(site.root()),
        &format!("content/equipment/eq-laser.yaml:{line}:12"),
        "media-too-large",
        "1024.0 MB",
    );
    // The build refuses it too, without reading it, and writes nothing.
    let start = Instant::now();
    let out = site.run(&["build", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(start.elapsed() < MAX_TIME);
    assert!(!site.out().exists());
    // A large file nothing uses is not read at all.
    let site = Site::new("small", &[]);
    gigabyte(&site.root().join("content/media/unused.zip"));
    let run = check(site.root());
    assert!(run.ok && run.time < MAX_TIME && run.max_rss_kb < MAX_RSS_KB);
}

/// A decompression bomb: a 48 KB PNG of 20,000 × 20,000 pixels (400 million,
/// 1.6 GB once decoded). Without a limit, `check` spent over ten minutes and
/// 740 MB resizing it; it is refused from its header, at the `src` value.
#[test]
fn an_image_of_too_many_pixels_is_refused_from_its_header() {
    let site = Site::new("small", &[]);
    std::fs::copy(
        common::fixtures().join("limits/pixel-bomb-20000x20000.png"),
        site.root().join("content/media/bomb.png"),
    )
    .unwrap();
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq).unwrap();
    let line = text.lines().position(|l| l == "images:").unwrap() + 2;
    std::fs::write(
        &eq,
        text.replace("images:\n", "images:\n  - { src: bomb.png, alt: Bomb }\n"),
    )
    .unwrap();
    assert_refused(
        &check(site.root()),
        &format!("content/equipment/eq-laser.yaml:{line}:12"),
        "image-too-large",
        "20000 × 20000",
    );
    let start = Instant::now();
    let out = site.run(&["build", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(start.elapsed() < MAX_TIME);
}
