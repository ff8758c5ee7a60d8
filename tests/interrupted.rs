//! Interrupted and concurrent builds: killing a build at any moment leaves the
//! previous output complete and unchanged, the next build cleans up after it,
//! and two builds started at once into the same folder do not corrupt it.
//!
//! The moments are stages of the build, not delays: a test-only hook
//! (CLUSTERPRESS_TEST_PAUSE_AT, see `test_stage` in src/build.rs) makes the
//! build report each stage of writing and wait at the one named, where the
//! test kills it or lets it go on.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use common::{snapshot, Site};

/// A build paused at a stage of writing by the test-only hook
/// (CLUSTERPRESS_TEST_PAUSE_AT, in src/build.rs): the stages it reports on
/// stderr come through `stages`; a line on stdin lets it go on.
struct Paused {
    child: Child,
    stages: Receiver<String>,
}

impl Paused {
    fn spawn(root: &Path, out: &Path, pause_at: &str) -> Paused {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clusterpress"))
            .args(["build", "--root", ".", "--out", out.to_str().unwrap()])
            .current_dir(root)
            .env("CLUSTERPRESS_TEST_PAUSE_AT", pause_at)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, stages) = channel();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                if let Some(stage) = line.strip_prefix("clusterpress-test: ") {
                    let _ = send.send(stage.to_string());
                }
            }
        });
        Paused { child, stages }
    }

    /// Wait until the build reports `stage` (it pauses there if that is its stage).
    fn reach(&mut self, stage: &str) {
        loop {
            let got = self
                .stages
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|e| panic!("the build never reached `{stage}`: {e}"));
            if got == stage {
                return;
            }
        }
    }

    /// Let a paused build go on, and wait for it to succeed.
    fn finish(mut self) {
        drop(self.child.stdin.take());
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

/// What a build of the site at `root` into an empty folder gives.
fn built_elsewhere(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("public");
    assert!(common::run_in(
        root,
        &["build", "--root", ".", "--out", out.to_str().unwrap()]
    )
    .status
    .success());
    snapshot(&out)
}

fn staging_folders(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".public.new") || n.starts_with(".public.old"))
        .collect()
}

#[test]
fn a_build_killed_at_each_stage_of_writing_leaves_the_previous_output_and_the_next_build_cleans_up()
{
    let site = Site::new("small", &[]);
    site.build(&[]);
    let before = snapshot(&site.out());
    // A change, so that a finished build would differ from the previous one;
    // what that build gives, built elsewhere first.
    site.write(
        "content/companies/gamma.yaml",
        "name: 감마기공 KILLED-BUILD\n",
    );
    let after = built_elsewhere(site.root());
    assert!(after != before);
    for stage in ["locking", "staging", "pages", "index", "swapped"] {
        let mut build = Paused::spawn(site.root(), &site.out(), stage);
        build.reach(stage);
        // The kill lands inside the build: while it writes, its staging folder is there.
        let staging = staging_folders(site.root());
        if ["staging", "pages", "index"].contains(&stage) {
            assert!(!staging.is_empty(), "paused at {stage}: no staging folder");
        }
        build.child.kill().unwrap();
        build.child.wait().unwrap();
        let now = snapshot(&site.out());
        // Untouched until the swap, then the whole new site: never a mix.
        if stage == "swapped" {
            assert!(now == after, "killed after the swap: not the new site");
        } else {
            assert!(now == before, "killed at {stage}: the output changed");
        }
    }
    // The next build succeeds and leaves no staging folders behind.
    site.build(&[]);
    let leftovers = staging_folders(site.root());
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(snapshot(&site.out()) == after);
}

/// Whether the process `pid` waits for a lock (a `->` line of /proc/locks).
fn waits_for_a_lock(pid: u32) -> bool {
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .any(|l| {
            l.contains(" -> ") && l.split_whitespace().nth(5) == Some(pid.to_string().as_str())
        })
}

#[test]
fn two_builds_at_once_into_one_folder_give_one_complete_site_then_the_other() {
    // Two sites that differ, built into one folder: a mix of both would show.
    let (a, b) = (Site::new("small", &[]), Site::new("small", &[]));
    a.write("content/companies/gamma.yaml", "name: 감마기공 SITE-A\n");
    b.write("content/companies/gamma.yaml", "name: 감마기공 SITE-B\n");
    b.write("content/companies/delta.yaml", "name: 델타 SITE-B\n");
    let (site_a, site_b) = (built_elsewhere(a.root()), built_elsewhere(b.root()));
    assert!(site_a != site_b);
    let shared = tempfile::tempdir().unwrap();
    let out = shared.path().join("public");

    // A holds the output, its pages half-way in its staging folder.
    let mut first = Paused::spawn(a.root(), &out, "pages");
    first.reach("pages");
    // B starts and must wait for A's lock, before it touches anything.
    let mut second = Paused::spawn(b.root(), &out, "pages");
    second.reach("locking");
    let started = Instant::now();
    while !waits_for_a_lock(second.child.id()) {
        if let Ok(stage) = second.stages.try_recv() {
            panic!("B reached `{stage}` while A held the output");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "B never waited for the lock"
        );
        // Polling a condition, not waiting for time to make something true.
        std::thread::sleep(Duration::from_millis(10));
    }
    // A finishes: its whole site is in place.
    first.finish();
    assert!(snapshot(&out) == site_a, "after A: A's site, complete");
    // B now writes; until it swaps, A's site stays as it is.
    second.reach("pages");
    assert!(snapshot(&out) == site_a, "while B writes: A's site");
    second.finish();
    assert!(snapshot(&out) == site_b, "after B: B's site, complete");
    assert!(staging_folders(shared.path()).is_empty());
}

/// A rebuild writes over the site before last, kept beside the output: files
/// already there with the right bytes are left alone (no new inode, which is
/// most of a rebuild's system time), the rest is rewritten or removed, and the
/// result is the same as a build into an empty folder.
#[test]
fn a_rebuild_reuses_the_site_before_last_and_gives_the_same_site() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::new("small", &[]);
    let inode = |rel: &str| std::fs::metadata(site.out().join(rel)).unwrap().ino();
    site.build(&[]);
    site.build(&[]);
    let kept = site.root().join(".public.prev");
    assert!(kept.join("ko/companies/beta/index.html").is_file());
    // What the kept site holds beyond the new one goes; a link in it is never followed.
    std::fs::write(kept.join("stale.html"), "old").unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("target.txt");
    std::fs::write(&target, "outside").unwrap();
    std::fs::remove_file(kept.join("robots.txt")).unwrap();
    std::os::unix::fs::symlink(&target, kept.join("robots.txt")).unwrap();
    site.write("content/companies/gamma.yaml", "name: 감마기공 RENAMED\n");
    site.build(&[]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "outside");
    assert!(site
        .page("ko/companies/gamma/index.html")
        .contains("RENAMED"));
    assert!(!site.out().join("stale.html").exists());
    assert!(snapshot(&site.out()) == built_elsewhere(site.root()));
    // Without a link in the kept site, its unchanged files are kept as they are.
    site.write("content/companies/gamma.yaml", "name: 감마기공 AGAIN\n");
    let beta_kept = std::fs::metadata(
        site.root()
            .join(".public.prev/ko/companies/beta/index.html"),
    )
    .unwrap()
    .ino();
    site.build(&[]);
    assert_eq!(inode("ko/companies/beta/index.html"), beta_kept);
    assert!(site.page("ko/companies/gamma/index.html").contains("AGAIN"));
    // A kept site that is itself a link, or a file, is not used either.
    std::fs::remove_dir_all(&kept).unwrap();
    std::os::unix::fs::symlink(outside.path(), &kept).unwrap();
    site.build(&[]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "outside");
    assert!(!outside.path().join("robots.txt").exists());
    std::fs::remove_dir_all(&kept).unwrap();
    std::fs::write(&kept, "not a folder").unwrap();
    site.build(&[]);
    assert!(snapshot(&site.out()) == built_elsewhere(site.root()));
}
