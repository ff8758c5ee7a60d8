//! Each kind of content problem is reported with the right file, line, column and
//! hint, with exit status 1, and all of them at once. One fixture per problem:
//! tests/fixtures/invalid/<case>/ is laid over tests/fixtures/valid/small, and its
//! `expected` file lists `file:line:column code [words the hint must contain]`.

mod common;

use std::path::PathBuf;

use common::{fixtures, Site};

struct Expected {
    at: String,
    code: String,
    hint: Option<String>,
}

fn cases() -> Vec<(String, PathBuf, Vec<Expected>)> {
    let mut cases: Vec<_> = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|dir| {
            let expected = std::fs::read_to_string(dir.join("expected")).unwrap();
            let lines = expected
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let mut parts = l.splitn(3, ' ');
                    Expected {
                        at: parts.next().unwrap().to_string(),
                        code: parts.next().unwrap().to_string(),
                        hint: parts.next().map(str::to_string),
                    }
                })
                .collect();
            (
                dir.file_name().unwrap().to_string_lossy().to_string(),
                dir,
                lines,
            )
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 14, "fixtures missing");
    cases
}

fn assert_reported(case: &str, problems: &[serde_json::Value], e: &Expected) {
    let found = problems.iter().find(|p| {
        format!(
            "{}:{}:{}",
            p["file"].as_str().unwrap(),
            p["line"],
            p["column"]
        ) == e.at
            && p["code"] == e.code.as_str()
    });
    let Some(found) = found else {
        panic!(
            "{case}: expected {} {} among:\n{}",
            e.at,
            e.code,
            serde_json::to_string_pretty(problems).unwrap()
        );
    };
    assert_eq!(found["severity"], "error", "{case}");
    assert!(!found["message"].as_str().unwrap().is_empty());
    if let Some(hint) = &e.hint {
        let got = found["hint"].as_str().unwrap_or("");
        assert!(
            got.contains(hint.as_str()),
            "{case}: hint {got:?} lacks {hint:?}"
        );
    }
}

#[test]
fn each_problem_is_reported_at_its_value_with_exit_status_1() {
    for (case, dir, expected) in cases() {
        let site = Site::new("small", &[&dir]);
        let (ok, problems) = site.check_json();
        assert!(!ok, "{case}: check should fail");
        for e in &expected {
            assert_reported(&case, &problems, e);
        }
        let errors = problems.iter().filter(|p| p["severity"] == "error").count();
        assert_eq!(
            errors,
            expected.len(),
            "{case}: exactly the expected errors, no cascade:\n{problems:#?}"
        );
        // `build` fails too, and writes nothing.
        let out = site.run(&["build", "--root", "."]);
        assert_eq!(out.status.code(), Some(1), "{case}");
        assert!(
            !site.out().exists(),
            "{case}: a failed build must not create output"
        );
    }
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let all = cases();
    let dirs: Vec<&std::path::Path> = all.iter().map(|(_, d, _)| d.as_path()).collect();
    let site = Site::new("small", &dirs);
    let (ok, problems) = site.check_json();
    assert!(!ok);
    for (case, _, expected) in &all {
        for e in expected {
            assert_reported(case, &problems, e);
        }
    }
}

#[test]
fn human_output_shows_the_line_a_caret_and_the_hint() {
    let site = Site::new("small", &[&fixtures().join("invalid/unknown-term")]);
    let out = site.run(&["check", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("content/companies/delta-term.md:5:5"),
        "{text}"
    );
    assert!(text.contains("  - grindng"), "{text}");
    assert!(text.contains("^^^^^^^"), "{text}");
    assert!(text.contains("hint: did you mean `grinding`?"), "{text}");
    assert!(text.contains("1 error"), "{text}");
}

#[test]
fn github_format_annotates_the_line() {
    let site = Site::new("small", &[&fixtures().join("invalid/unknown-reference")]);
    let out = site.run(&["check", "--root", ".", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().any(|l| l.starts_with("::error file=content/success-stories/story-bad-ref.md,line=3,col=20,title=unknown-reference::")),
        "{text}"
    );
}

#[test]
fn the_valid_fixture_and_the_sample_site_have_no_problems() {
    let (ok, problems) = Site::new("small", &[]).check_json();
    assert!(ok, "{problems:#?}");
    assert!(
        problems.iter().all(|p| p["severity"] == "warning"),
        "{problems:#?}"
    );
    let out = common::run_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", "--format", "json"],
    );
    let problems: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(out.status.success(), "{problems:#?}");
    assert!(
        problems.iter().all(|p| p["severity"] != "error"),
        "{problems:#?}"
    );
}

#[test]
fn front_matter_positions_count_from_the_top_of_the_file() {
    let site = Site::new("small", &[]);
    site.write(
        "content/coordinators/coord-x.md",
        "---\nname: X\ntier: boss\n---\nBody.\n",
    );
    let (_, problems) = site.check_json();
    let p = problems
        .iter()
        .find(|p| p["code"] == "unknown-term")
        .expect("unknown tier");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert!(p["hint"].as_str().unwrap().contains("`super`"), "{p}");
}

#[test]
fn odd_but_valid_files_load() {
    let site = Site::new("small", &[]);
    // A BOM and CRLF line endings, as Windows editors write them.
    site.write(
        "content/companies/crlf.md",
        "\u{feff}---\r\nname: 씨알엘에프\r\ntechnologies: [cutting]\r\n---\r\n본문\r\n",
    );
    // Hangul in decomposed form (NFD), as macOS file systems give it.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("한빛").collect();
    site.write("content/companies/nfd.yaml", &format!("name: {nfd}\n"));
    let (ok, problems) = site.check_json();
    assert!(ok, "{problems:#?}");
    site.build(&[]);
    let page = site.page("ko/companies/nfd/index.html");
    assert!(
        page.contains("한빛"),
        "the name is composed (NFC) in the output"
    );
}

#[test]
fn warnings_point_out_what_serves_visitors_badly() {
    let site = Site::new("small", &[]);
    site.write(
        "content/equipment/eq-nobook.yaml",
        "name: { ko: 장비 }\nowner: institutions/tama-univ\nopen: true\n",
    );
    site.write(
        "content/institutions/lonely.yaml",
        "name: 외딴 연구소\nsummary: 요약\nregions: [hachioji]\n",
    );
    let (ok, problems) = site.check_json();
    assert!(ok, "warnings alone do not fail: {problems:#?}");
    let has = |file: &str, code: &str| {
        problems
            .iter()
            .any(|p| p["file"] == file && p["code"] == code && p["severity"] == "warning")
    };
    assert!(has("content/equipment/eq-nobook.yaml", "no-booking"));
    assert!(has("content/equipment/eq-nobook.yaml", "no-summary"));
    assert!(has(
        "content/equipment/eq-nobook.yaml",
        "missing-translation"
    ));
    assert!(has(
        "content/institutions/lonely.yaml",
        "unlinked-institution"
    ));
    assert!(has("content/companies/gamma.yaml", "no-summary"));
    assert!(!has(
        "content/institutions/tama-univ.md",
        "unlinked-institution"
    ));
    let strict = site.run(&["check", "--root", ".", "--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1));
    // `build` counts warnings but does not fail on them.
    let out = site.run(&["build", "--root", "."]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warnings: run `clusterpress check`"));
}

#[test]
fn translation_report_counts_per_language() {
    let site = Site::new("small", &[]);
    let out = site.run(&["check", "--root", ".", "--translations"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("en:") && text.contains("ja:"), "{text}");
    // beta has no English body; alpha is fully translated into English.
    let english = text.split("ja:").next().unwrap();
    assert!(
        english.contains("content/companies/beta.md: body"),
        "{text}"
    );
    assert!(!english.contains("content/companies/alpha.md"), "{text}");
    // Counted per kind and in all, drafts (secret) included.
    let japanese = text.split("ja:").nth(1).unwrap();
    for (report, line) in [
        (english, "companies            2 of 4     translated (50 %)"),
        (english, "all                  6 of 16    translated (38 %)"),
        (
            japanese,
            "companies            1 of 4     translated (25 %)",
        ),
        (japanese, "content/companies/beta.md: name, summary, body"),
    ] {
        assert!(report.contains(line), "{line} in {text}");
    }
}

#[test]
fn stale_lists_records_older_than_the_limit() {
    let site = Site::new("small", &[]);
    let out = site.run(&[
        "check",
        "--root",
        ".",
        "--stale",
        "30",
        "--date",
        "2026-03-01",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    // alpha was updated 2026-01-15, 45 days before; the others have no date (no git
    // repository here: tests/dates.rs dates records from git).
    assert!(
        text.contains("content/companies/alpha.md  last updated 2026-01-15 (45 days ago)"),
        "{text}"
    );
    assert!(text.contains("never dated"), "{text}");
    let out = site.run(&[
        "check",
        "--root",
        ".",
        "--stale",
        "60",
        "--date",
        "2026-03-01",
    ]);
    let (text, summary) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{summary}");
    // The listing ran (the undated records are still in it), and alpha is not.
    assert!(text.contains("never dated"), "{text}");
    assert!(!text.contains("alpha.md"), "{text}");
    assert!(
        summary.contains("not updated for more than 60 days (today: 2026-03-01)"),
        "{summary}"
    );
}

#[test]
fn reports_show_the_right_line_of_files_with_old_mac_line_endings() {
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/cr.md",
        "---\rname: 씨알\remployes: 5\r---\r본문\r",
    );
    let out = site.run(&["check", "--root", "."]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("content/companies/cr.md:3:1"), "{text}");
    assert!(
        text.contains("3 │ employes: 5"),
        "the caret is shown under the line that was parsed: {text}"
    );
}

#[test]
fn an_unclosed_bracket_is_shown_where_it_opens_and_where_parsing_stopped() {
    // `summary: [unclosed` on line 3; the parser only notices on line 4.
    let site = Site::new("small", &[&fixtures().join("invalid/bad-yaml")]);
    let (_, problems) = site.check_json();
    let p = problems
        .iter()
        .find(|p| p["code"] == "bad-yaml")
        .expect("bad-yaml");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(3), Some(10))
    );
    assert_eq!(p["related"][0]["line"], 4, "{p}");
    assert_eq!(p["related"][0]["column"], 13, "{p}");
    assert!(p["related"][0]["message"]
        .as_str()
        .unwrap()
        .contains("stopped"));

    let out = site.run(&["check", "--root", "."]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("content/companies/delta-yaml.md:3:10"),
        "{text}"
    );
    assert!(text.contains("summary: [unclosed"), "{text}");
    assert!(text.contains("technologies: [cutting]"), "{text}");
    assert!(text.contains("the YAML parser stopped here"), "{text}");

    let out = site.run(&["check", "--root", ".", "--format", "github"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("title=bad-yaml"))
        .expect("annotation");
    assert!(
        line.starts_with("::error file=content/companies/delta-yaml.md,line=3,col=10,"),
        "{line}"
    );
    assert!(line.contains("stopped here at line 4, column 13"), "{line}");
}
