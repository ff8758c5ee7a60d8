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
    let elsewhere = tempfile::tempdir().unwrap();
    let other = elsewhere.path().join("public");
    assert!(site
        .run(&["build", "--root", ".", "--out", other.to_str().unwrap()])
        .status
        .success());
    let after = snapshot(&other);
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

/// A rebuild links the files that did not change to the previous site's
/// (no new inode, which is most of a rebuild's system time), writes the ones
/// that did, and the result is the same as a build into an empty folder.
#[test]
fn a_rebuild_keeps_unchanged_files_and_rewrites_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let site = Site::new("small", &[]);
    site.build(&[]);
    let inode = |rel: &str| std::fs::metadata(site.out().join(rel)).unwrap().ino();
    let beta_before = inode("ko/companies/beta/index.html");
    let gamma_before = inode("ko/companies/gamma/index.html");
    site.write("content/companies/gamma.yaml", "name: 감마기공 RENAMED\n");
    site.build(&[]);
    assert_eq!(inode("ko/companies/beta/index.html"), beta_before);
    assert_ne!(inode("ko/companies/gamma/index.html"), gamma_before);
    assert!(site
        .page("ko/companies/gamma/index.html")
        .contains("RENAMED"));
    let elsewhere = tempfile::tempdir().unwrap();
    let fresh = elsewhere.path().join("public");
    assert!(site
        .run(&["build", "--root", ".", "--out", fresh.to_str().unwrap()])
        .status
        .success());
    assert!(snapshot(&site.out()) == snapshot(&fresh));
}
