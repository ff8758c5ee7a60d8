//! A full disk: a build that does not fit fails with a message that says so,
//! leaves the previous output exactly as it was, and leaves no staging folder
//! behind; once there is room again, the next build succeeds.
//!
//! The disk is a small tmpfs mounted for the test, which needs root (as in CI).
//! Where mounting is impossible, the tests fail and say why when
//! CLUSTERPRESS_REQUIRE_TMPFS=1 is set (`.ci/run` sets it, and `scripts/test`
//! when CI=true); otherwise (a developer who is not root) they do not run, and
//! say so on the terminal: the line `NOT RUN: …` is written past the test
//! harness's output capture, so it shows even though the test is reported `ok`.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{snapshot, Site};

/// A tmpfs of `size` mounted on a temporary folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `test` names the test that needs the disk, for the line that says it did not run.
    fn mount(size: &str, test: &str) -> Option<Tmpfs> {
        let required = std::env::var_os("CLUSTERPRESS_REQUIRE_TMPFS").is_some_and(|v| v == "1");
        let refuse = |why: String| {
            assert!(
                !required,
                "CLUSTERPRESS_REQUIRE_TMPFS=1, but a tmpfs cannot be mounted: {why}"
            );
            // Straight to the process's stderr, not through eprintln! (which the
            // harness captures and shows only for failing tests).
            let _ = writeln!(
                std::io::stderr(),
                "NOT RUN: full_disk::{test}: a tmpfs cannot be mounted ({why}); \
                 CLUSTERPRESS_REQUIRE_TMPFS=1 makes this a failure"
            );
            None
        };
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return refuse("mounting needs root".into());
        }
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => refuse(format!(
                "mount failed: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            )),
            Err(e) => refuse(format!("cannot run mount: {e}")),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn build_into(site: &Site, out: &Path) -> std::process::Output {
    site.run(&["build", "--root", ".", "--out", out.to_str().unwrap()])
}

/// Entries beside the output other than the output, its lock and the kept
/// site before last: staging folders.
fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "public" && n != ".public.lock" && n != ".public.prev" && n != "ballast")
        .collect()
}

/// The build failed for lack of space, said so, and changed nothing.
fn assert_failed_for_space(
    out: std::process::Output,
    target: &Path,
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("No space left on device"),
        "the error names the problem: {stderr}"
    );
    assert!(
        stderr.contains(&format!("{} was left as it was", target.display())),
        "{stderr}"
    );
    assert!(
        &snapshot(target) == before,
        "the previous output must be intact, byte for byte"
    );
    assert!(
        leftovers(target.parent().unwrap()).is_empty(),
        "no staging folder is left behind: {:?}",
        leftovers(target.parent().unwrap())
    );
}

#[test]
fn a_site_too_big_for_the_disk_leaves_the_previous_output_intact() {
    let Some(disk) = Tmpfs::mount(
        "8m",
        "a_site_too_big_for_the_disk_leaves_the_previous_output_intact",
    ) else {
        return;
    };
    let target = disk.path().join("public");
    let site = Site::new("small", &[]);
    let first = build_into(&site, &target);
    assert!(
        first.status.success(),
        "the small site fits: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = snapshot(&target);
    assert!(before.len() > 100);

    // A bigger site: a 9 MB document alone is more than the whole disk.
    std::fs::write(
        site.root().join("content/media/big.pdf"),
        vec![7u8; 9 << 20],
    )
    .unwrap();
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq).unwrap();
    std::fs::write(&eq, text + "  - { src: big.pdf, title: Big }\n").unwrap();
    assert_failed_for_space(build_into(&site, &target), &target, &before);

    // With the document gone there is room again, and the build goes through.
    std::fs::write(
        &eq,
        std::fs::read_to_string(&eq)
            .unwrap()
            .replace("  - { src: big.pdf, title: Big }\n", ""),
    )
    .unwrap();
    site.write(
        "content/companies/gamma.yaml",
        "name: 감마기공 AFTER-FULL-DISK\n",
    );
    assert!(build_into(&site, &target).status.success());
    assert!(String::from_utf8_lossy(
        &std::fs::read(target.join("ko/companies/gamma/index.html")).unwrap()
    )
    .contains("AFTER-FULL-DISK"));
    assert!(leftovers(disk.path()).is_empty());
}

#[test]
fn a_disk_that_fills_up_while_pages_are_written_leaves_the_previous_output_intact() {
    let Some(disk) = Tmpfs::mount(
        "8m",
        "a_disk_that_fills_up_while_pages_are_written_leaves_the_previous_output_intact",
    ) else {
        return;
    };
    let target = disk.path().join("public");
    let site = Site::new("small", &[]);
    assert!(build_into(&site, &target).status.success());
    let before = snapshot(&target);
    // Something else takes the disk until less than a site's worth is free: the
    // next build runs out of space among its many small pages, not on one file.
    let used: u64 = walkdir::WalkDir::new(disk.path())
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().len().div_ceil(4096) * 4096)
        .sum();
    let ballast = (8u64 << 20) - used - (used / 2);
    std::fs::write(disk.path().join("ballast"), vec![0u8; ballast as usize]).unwrap();
    site.write("content/companies/gamma.yaml", "name: 감마기공 CHANGED\n");
    assert_failed_for_space(build_into(&site, &target), &target, &before);
    // Freed again, the build goes through.
    std::fs::remove_file(disk.path().join("ballast")).unwrap();
    assert!(build_into(&site, &target).status.success());
    assert!(leftovers(disk.path()).is_empty());
}
