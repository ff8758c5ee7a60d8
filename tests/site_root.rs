//! Nothing outside the site root is read or written: symbolic links are not
//! followed, wherever they are under content/ and the theme, and everything
//! the build writes lies inside the output folder. (Media paths that leave
//! content/media/ with `..`, `/` or `\` are refused in tests/hostile.rs.)

mod common;

use std::os::unix::fs::symlink;
use std::path::Component;

use common::{fixtures, snapshot, Site};

const SECRET: &str = "SECRET-OUTSIDE-THE-SITE-ROOT";

/// A folder outside the site holding a secret in files of several kinds.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["secret.txt", "secret.png", "secret.md", "secret.yaml"] {
        std::fs::write(dir.path().join(name), format!("name: {SECRET}\n")).unwrap();
    }
    dir
}

/// `check` fails with an error of `code` at `file`, and `build` writes nothing
/// (in particular, not the secret).
fn assert_refused(site: &Site, file: &str, code: &str) {
    let (ok, problems) = site.check_json();
    assert!(!ok, "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p["file"] == file && p["code"] == code && p["severity"] == "error"),
        "expected {code} at {file}: {problems:#?}"
    );
    let out = site.run(&["build", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!site.out().exists());
}

fn eq_with_document(site: &Site, src: &str) {
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq).unwrap();
    std::fs::write(&eq, format!("{text}  - {{ src: {src}, title: Leak }}\n")).unwrap();
}

#[test]
fn a_linked_record_or_kind_folder_is_not_followed() {
    let out = outside();
    let site = Site::new("small", &[]);
    symlink(
        out.path().join("secret.md"),
        site.root().join("content/companies/leak.md"),
    )
    .unwrap();
    assert_refused(&site, "content/companies/leak.md", "symlink");

    let site = Site::new("small", &[]);
    let dir = site.root().join("content/coordinators");
    std::fs::remove_dir_all(&dir).unwrap();
    symlink(out.path(), &dir).unwrap();
    assert_refused(&site, "content/coordinators", "symlink");
}

#[test]
fn a_linked_media_file_or_folder_is_not_followed_at_any_depth() {
    let out = outside();
    // A link as the media file itself, a linked folder right in content/media/,
    // and one further down (below the two levels the walk of content/ sees).
    for (link, target, src) in [
        ("content/media/leak.txt", "secret.txt", "leak.txt"),
        ("content/media/linked", "", "linked/secret.txt"),
        (
            "content/media/photos/2024/linked",
            "",
            "photos/2024/linked/secret.txt",
        ),
    ] {
        let site = Site::new("small", &[]);
        let path = site.root().join(link);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(out.path().join(target), &path).unwrap();
        eq_with_document(&site, src);
        let (ok, problems) = site.check_json();
        assert!(!ok, "{link}: {problems:#?}");
        let line = std::fs::read_to_string(site.root().join("content/equipment/eq-laser.yaml"))
            .unwrap()
            .lines()
            .count();
        assert!(
            problems.iter().any(|p| p["code"] == "symlink"
                && p["severity"] == "error"
                && p["file"] == "content/equipment/eq-laser.yaml"
                && p["line"] == line),
            "{link}: refused at the record's value: {problems:#?}"
        );
        let build = site.run(&["build", "--root", "."]);
        assert!(!build.status.success(), "{link}");
        assert!(!site.out().exists(), "{link}");
    }
}

#[test]
fn a_linked_theme_file_is_not_followed() {
    let out = outside();
    let site = Site::new("small", &[]);
    let static_dir = site.root().join("themes/default/static");
    std::fs::create_dir_all(&static_dir).unwrap();
    symlink(out.path().join("secret.txt"), static_dir.join("leak.txt")).unwrap();
    let out_dir = site.root().join("public");
    let build = site.run(&["build", "--root", "."]);
    assert!(!build.status.success());
    assert!(String::from_utf8_lossy(&build.stderr).contains("symlink"));
    assert!(!out_dir.exists());
}

#[test]
fn every_file_the_build_writes_is_inside_the_output_folder() {
    for fixture in ["valid/small", "hostile/site"] {
        // A copy: rendering keeps resized images in a cache under the site.
        let copy = tempfile::tempdir().unwrap();
        common::copy_dir(&fixtures().join(fixture), copy.path());
        let options = clusterpress::build::Options {
            internal: None,
            indexing: Default::default(),
            root: copy.path().to_path_buf(),
            base_url: None,
            drafts: true,
            minify: false,
            today: "2026-03-01".into(),
        };
        let mut timings = Default::default();
        let checked = clusterpress::build::check(&options, &mut timings);
        let site = checked.site.expect("a valid site");
        let (files, _) = clusterpress::build::render(&site, false, &mut timings);
        assert!(files.len() > 100);
        for f in &files {
            assert!(
                f.path
                    .components()
                    .all(|c| matches!(c, Component::Normal(_))),
                "{} leaves the output folder",
                f.path.display()
            );
        }
    }
    // And on disk: nothing appears in the site but the output, its lock and the
    // image cache.
    let site = Site::new("small", &[]);
    site.build(&[]);
    let beside: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    // The output, its lock, and the cache of resized images (src/render/images.rs).
    let expected_new = ["public", ".public.lock", ".clusterpress-cache"];
    let before: Vec<String> = std::fs::read_dir(fixtures().join("valid/small"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    for name in &beside {
        assert!(
            before.contains(name) || expected_new.contains(&name.as_str()),
            "{name} was written beside the output"
        );
    }
    assert!(!snapshot(&site.out()).is_empty());
}
