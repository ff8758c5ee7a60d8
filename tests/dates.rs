//! "Today" and a record's date from their real sources, with no `--date` and no
//! `updated:` to stand in for them: SOURCE_DATE_EPOCH, and the newest git commit
//! that touched a record's files, in a real temporary git repository.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{texts, Site};

/// 2026-03-01 12:00 UTC.
const MARCH_1: &str = "1772366400";
/// 2026-02-10 12:00 UTC.
const FEBRUARY_10: &str = "1770724800";
/// 2026-11-27 12:00 UTC.
const NOVEMBER_27: &str = "1795780800";

fn run_at(site: &Site, epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterpress"))
        .args(args)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap()
}

fn stale(site: &Site, epoch: &str, days: &str) -> (String, String) {
    let out = run_at(site, epoch, &["check", "--root", ".", "--stale", days]);
    assert!(out.status.success(), "{out:?}");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn today_is_source_date_epoch_when_no_date_is_given() {
    let site = Site::new("small", &[]);
    // alpha has `updated: 2026-01-15`: 45 days before March 1, 25 before February 10.
    let (text, summary) = stale(&site, MARCH_1, "30");
    assert!(
        text.contains("content/companies/alpha.md  last updated 2026-01-15 (45 days ago)"),
        "{text}"
    );
    assert!(summary.contains("(today: 2026-03-01)"), "{summary}");
    let (text, summary) = stale(&site, FEBRUARY_10, "30");
    assert!(!text.contains("alpha.md"), "{text}");
    assert!(summary.contains("(today: 2026-02-10)"), "{summary}");

    // The build's today too: the seminar of 2026-06-12 is upcoming in March and
    // archived in November.
    let title = |epoch: &str, page: &str| {
        let out = run_at(&site, epoch, &["build", "--root", "."]);
        assert!(out.status.success(), "{out:?}");
        texts(&site.page(page), ".card-title a")
    };
    let seminar = "Laser Processing Seminar".to_string();
    assert!(title(MARCH_1, "en/notices/index.html").contains(&seminar));
    assert!(!title(MARCH_1, "en/notices/archive/index.html").contains(&seminar));
    assert!(!title(NOVEMBER_27, "en/notices/index.html").contains(&seminar));
    assert!(title(NOVEMBER_27, "en/notices/archive/index.html").contains(&seminar));

    // A value that is not a number of seconds is an error, not the clock.
    let out = run_at(
        &site,
        "yesterday",
        &["check", "--root", ".", "--stale", "30"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH=`yesterday`"));
}

/// `git` in `root` with a fixed author, committer and date, and no user or
/// system configuration.
fn git(root: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn append(site: &Site, rel: &str, text: &str) {
    let path = site.root().join(rel);
    let old = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, old + text).unwrap();
}

#[test]
fn without_updated_a_record_is_dated_by_the_last_commit_that_touched_its_files() {
    let site = Site::new("small", &[]);
    let root = site.root();
    git(root, "2025-11-01T10:00:00+0000", &["init", "-q"]);
    git(root, "2025-11-01T10:00:00+0000", &["add", "."]);
    git(
        root,
        "2025-11-01T10:00:00+0000",
        &["commit", "-q", "-m", "all"],
    );
    // beta's own file changes later; rt-laser only through its translation;
    // alpha's file too, but its `updated:` field wins over git.
    append(&site, "content/companies/beta.md", "\nMore.\n");
    git(
        root,
        "2026-02-20T10:00:00+0000",
        &["commit", "-q", "-am", "beta"],
    );
    append(&site, "content/research-themes/rt-laser.ja.md", "\nMore.\n");
    git(
        root,
        "2026-02-27T10:00:00+0000",
        &["commit", "-q", "-am", "ja"],
    );
    append(&site, "content/companies/alpha.md", "\nMore.\n");
    git(
        root,
        "2026-02-28T10:00:00+0000",
        &["commit", "-q", "-am", "alpha"],
    );
    // A record git does not know yet has no date.
    site.write("content/companies/delta.yaml", "name: 델타\n");

    let (text, _) = stale(&site, MARCH_1, "30");
    assert!(
        text.contains("content/companies/gamma.yaml  last updated 2025-11-01 (120 days ago)"),
        "a record committed once is dated by that commit: {text}"
    );
    assert!(
        !text.contains("beta.md"),
        "dated by its newest commit: {text}"
    );
    assert!(
        !text.contains("rt-laser"),
        "a translation's commit counts: {text}"
    );
    assert!(
        text.contains("content/companies/alpha.md  last updated 2026-01-15 (45 days ago)"),
        "`updated:` wins: {text}"
    );
    assert!(
        text.contains("content/companies/delta.yaml  never dated"),
        "{text}"
    );
    assert_eq!(
        text.matches("never dated").count(),
        1,
        "every committed record has a date: {text}"
    );
}
