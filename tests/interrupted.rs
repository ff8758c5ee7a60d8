//! Interrupted and concurrent builds: killing a build at any moment leaves the
//! previous output complete and unchanged, the next build cleans up after it,
//! and two builds started at once into the same folder do not corrupt it.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{snapshot, Site};

fn spawn_build(site: &Site) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_clusterpress"))
        .args(["build", "--root", "."])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// What a build of `site` into an empty folder gives.
fn built_elsewhere(site: &Site) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("public");
    assert!(site
        .run(&["build", "--root", ".", "--out", out.to_str().unwrap()])
        .status
        .success());
    snapshot(&out)
}

#[test]
fn a_killed_build_leaves_the_previous_output_and_the_next_build_cleans_up() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let before = snapshot(&site.out());
    // A change, so that a finished build would differ from the previous one;
    // what that build gives, built elsewhere first.
    site.write(
        "content/companies/gamma.yaml",
        "name: 감마기공 KILLED-BUILD\n",
    );
    let after = built_elsewhere(&site);
    // Kill builds at spread-out moments, from start-up to the final swap.
    for delay_ms in [0u64, 5, 20, 50, 100, 200, 400, 800] {
        let mut child = spawn_build(&site);
        std::thread::sleep(Duration::from_millis(delay_ms)); // when to kill: the test's input, not a wait for a result
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&site.out());
        // Either untouched, or the whole new site (if the swap had happened): never a mix.
        assert!(
            now == before || now == after,
            "killed after {delay_ms} ms: the output is neither the old nor the new site"
        );
    }
    // The next build succeeds and leaves no staging folders behind.
    site.build(&[]);
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".public.new") || n.starts_with(".public.old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(site
        .page("ko/companies/gamma/index.html")
        .contains("KILLED-BUILD"));
}

#[test]
fn two_builds_at_once_give_one_complete_site() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let expected = snapshot(&site.out());
    let (a, b) = (spawn_build(&site), spawn_build(&site));
    for mut child in [a, b] {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(snapshot(&site.out()), expected);
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
    assert!(snapshot(&site.out()) == built_elsewhere(&site));
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
    assert!(snapshot(&site.out()) == built_elsewhere(&site));
}
