//! `clusterpress init`: a new site, started with one command, passes `check`
//! and builds as it is; a folder that already holds a site is refused.

mod common;

use common::{run_in, snapshot, texts};

fn init(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "init",
        "site",
        "--languages",
        "ko,en",
        "--title",
        "ko=가상 산업 클러스터",
        "--title",
        "en=Imaginary \"Valley\": Industrial Cluster",
        "--base-url",
        "https://cluster.example.org/sub/",
        "--email",
        "office@cluster.example.org",
        "--phone",
        "+82 2 000 0000",
    ];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

#[test]
fn init_writes_a_site_that_checks_and_builds_and_refuses_to_write_twice() {
    let tmp = tempfile::tempdir().unwrap();
    // stdin is not a terminal here: nothing is asked, everything comes from options.
    let out = init(tmp.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let site = tmp.path().join("site");
    for file in [
        "site.yaml",
        "content/taxonomies.yaml",
        ".github/workflows/clusterpress.yml",
        ".gitignore",
        "README.md",
    ] {
        assert!(site.join(file).is_file(), "{file} missing");
    }
    // The options land in site.yaml as values, not in the comments around them.
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    for line in [
        "base_url: \"https://cluster.example.org/sub/\"",
        "  email: \"office@cluster.example.org\"",
        "  phone: \"+82 2 000 0000\"",
    ] {
        assert!(config.lines().any(|l| l == line), "{line} in {config}");
    }
    // One example record per kind, each a draft.
    for kind in clusterpress::content::model::Kind::ALL {
        let dir = site.join("content").join(kind.dir());
        let records: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("no {}", dir.display()))
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .filter(|t| t.contains("draft: true"))
            .collect();
        assert_eq!(records.len(), 1, "one draft example of {}", kind.dir());
    }
    // The standard facets, labelled in both languages.
    let taxonomies = std::fs::read_to_string(site.join("content/taxonomies.yaml")).unwrap();
    for facet in [
        "industries:",
        "technologies:",
        "regions:",
        "equipment-categories:",
        "qualifications:",
        "support-areas:",
        "languages:",
        "patent-attorney: { ko: \"변리사\", en: \"Patent attorney\" }",
    ] {
        assert!(taxonomies.contains(facet), "{facet} missing");
    }
    // The workflow is the one docs/publishing.md recommends.
    let workflow =
        std::fs::read_to_string(site.join(".github/workflows/clusterpress.yml")).unwrap();
    assert_eq!(
        workflow,
        include_str!("../examples/github-actions/clusterpress.yml")
    );
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/public"), "{ignore}");
    assert!(
        ignore.lines().any(|l| l == ".clusterpress-cache/"),
        "{ignore}"
    );

    // check: no problem at all, the drafts included (they are what staff copy).
    let check = run_in(&site, &["check", "--format", "json"]);
    let problems: Vec<serde_json::Value> = serde_json::from_slice(&check.stdout).unwrap();
    assert!(check.status.success(), "{problems:#?}");
    assert!(problems.is_empty(), "{problems:#?}");
    let with_drafts = tempfile::tempdir().unwrap();
    let drafts_out = with_drafts.path().join("out");
    let out = run_in(
        &site,
        &["build", "--drafts", "--out", drafts_out.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("warning"),
        "the examples, published, have no warning: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // build, and the home page of each language shows the title given for it.
    let out = run_in(&site, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let home = |lang: &str| {
        std::fs::read_to_string(site.join(format!("public/{lang}/index.html"))).unwrap()
    };
    assert_eq!(texts(&home("ko"), "h1"), ["가상 산업 클러스터"]);
    assert_eq!(
        texts(&home("en"), "h1"),
        ["Imaginary \"Valley\": Industrial Cluster"]
    );
    // The drafts stay out of the public build.
    assert!(!site.join("public/en/companies/example-precision").exists());

    // Again into the same folder: refused, and nothing is changed.
    let before = snapshot(&site);
    let again = init(tmp.path(), &[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds a site"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(snapshot(&site), before, "a refused init changes nothing");
}

#[test]
fn init_without_a_terminal_names_the_missing_options_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["init", "site", "--languages", "en,ja"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for option in ["--title en=", "--title ja=", "--base-url", "--email"] {
        assert!(err.contains(option), "{option} not named: {err}");
    }
    assert!(!tmp.path().join("site").exists());
    // A wrong answer is refused the way `check` would refuse it.
    let out = run_in(
        tmp.path(),
        &[
            "init",
            "site",
            "--languages",
            "en",
            "--title",
            "en=X",
            "--base-url",
            "ftp://x",
            "--email",
            "office@x.example",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn init_into_a_fresh_repository_keeps_its_readme_and_gitignore() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("README.md"), "# our repo\n").unwrap();
    std::fs::write(site.join(".gitignore"), "/node_modules").unwrap();
    let out = init(tmp.path(), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(site.join("README.md")).unwrap(),
        "# our repo\n"
    );
    assert!(std::fs::read_to_string(site.join("CLUSTERPRESS.md"))
        .unwrap()
        .contains("What to do next"));
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.starts_with("/node_modules\n/public\n"), "{ignore}");
}
