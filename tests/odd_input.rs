//! Odd but valid input builds: a 10 MB body, a content tree of 100,000 files,
//! and settings and translations saved with a BOM, CRLF line endings and
//! decomposed (NFD) Hangul. (A BOM and CRLF in a record, NFD in a record's
//! name and old Mac line endings are in tests/validation.rs.)

mod common;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use clusterpress::build::{self, Options, Timings};
use common::{snapshot, Site};
use unicode_normalization::UnicodeNormalization;

/// A Markdown body of about `bytes` bytes: Korean and English paragraphs,
/// headings every fifty paragraphs, and a marker at the very end.
fn long_body(bytes: usize) -> String {
    let words = [
        "정밀",
        "가공",
        "레이저",
        "절삭을",
        "연삭",
        "반도체",
        "장비를",
        "precision",
        "machining",
        "laser",
        "cutting",
        "grinding",
        "wafer",
        "equipment",
    ];
    let mut body = String::with_capacity(bytes + 1000);
    let mut n = 0usize;
    while body.len() < bytes {
        n += 1;
        if n % 50 == 0 {
            writeln!(body, "## 절 {n}\n").unwrap();
        } else {
            for k in 0..60 {
                body.push_str(words[(n * 7 + k * 3) % words.len()]);
                body.push(' ');
            }
            body.push_str("끝.\n\n");
        }
    }
    body.push_str("LAST-PARAGRAPH-OF-THE-LONG-BODY\n");
    body
}

fn site_with_long_body() -> Site {
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/long.md",
        &format!("---\nname: 긴 본문\n---\n{}", long_body(10 << 20)),
    );
    site
}

#[test]
fn a_10_mb_body_is_checked_and_rendered() {
    let site = site_with_long_body();
    let started = Instant::now();
    let options = Options {
        root: site.root().to_path_buf(),
        base_url: None,
        drafts: false,
        minify: false,
        today: "2026-03-01".into(),
    };
    let mut timings = Timings::default();
    let checked = build::check(&options, &mut timings);
    let errors: Vec<_> = checked
        .problems
        .iter()
        .filter(|d| d.severity == clusterpress::diagnostic::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let site_model = checked.site.unwrap();
    let (files, problems) = build::render_with(&site_model, false, false, &mut timings);
    assert!(problems.is_empty(), "{problems:#?}");
    let page = files
        .iter()
        .find(|f| f.path.ends_with("ko/companies/long/index.html"))
        .expect("the record's page");
    assert!(page.bytes.len() > 10 << 20);
    let html = String::from_utf8_lossy(&page.bytes);
    assert!(html.contains("<h2>절 50</h2>"));
    assert!(html.contains("LAST-PARAGRAPH-OF-THE-LONG-BODY"));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_10_mb_body_builds_with_its_search_index() {
    let site = site_with_long_body();
    site.build(&[]);
    let page = site.page("en/companies/long/index.html");
    assert!(page.contains("LAST-PARAGRAPH-OF-THE-LONG-BODY"));
    assert!(site.out().join("pagefind/pagefind-entry.json").exists());
}

#[test]
fn a_content_tree_of_100_000_files_builds_and_only_what_is_used_is_copied() {
    let site = Site::new("small", &[]);
    let media = site.root().join("content/media");
    // 60,000 files directly in content/media/ (the walk of content/ sees each),
    // and 40,000 in 200 folders below it.
    for i in 0..60_000 {
        std::fs::File::create(media.join(format!("scan-{i:05}.png"))).unwrap();
    }
    for d in 0..200 {
        let dir = media.join(format!("archive-{d:03}"));
        std::fs::create_dir(&dir).unwrap();
        for i in 0..200 {
            std::fs::File::create(dir.join(format!("doc-{i:03}.pdf"))).unwrap();
        }
    }
    std::fs::write(media.join("archive-123/doc-045.pdf"), b"%PDF-1.4 used\n").unwrap();
    site.write(
        "content/equipment/eq-archive.yaml",
        "name: 문서 스캐너\nowner: institutions/tama-univ\ndocuments:\n  - { src: archive-123/doc-045.pdf, title: 문서 }\n",
    );
    let files = walkdir::WalkDir::new(site.root().join("content"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_type().is_file())
        .count();
    assert!(files > 100_000, "{files}");
    let started = Instant::now();
    site.build(&[]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    // (media/_r/ holds the resized copies of images, made by the build.)
    let copied: Vec<String> = snapshot(&site.out().join("media"))
        .keys()
        .map(|p| p.to_string_lossy().to_string())
        .filter(|p| !p.starts_with("_r/"))
        .collect();
    assert_eq!(
        copied,
        vec!["archive-123/doc-045.pdf", "example.pdf", "example.png"]
    );
}

#[test]
fn settings_and_translations_with_a_bom_crlf_and_nfd_hangul_build() {
    let site = Site::new("small", &[]);
    let nfd = |s: &str| -> String { s.nfd().collect() };
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let bom = |s: String| format!("\u{feff}{s}");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let config = config.replace("시험 클러스터", &nfd("시험 클러스터"));
    site.write("site.yaml", &bom(crlf(&config)));
    let taxonomies = std::fs::read_to_string(site.root().join("content/taxonomies.yaml")).unwrap();
    let taxonomies = taxonomies.replace("절삭", &nfd("절삭"));
    site.write("content/taxonomies.yaml", &bom(crlf(&taxonomies)));
    // A translation with a BOM and CRLF, and a Korean body in NFD.
    site.write(
        "content/companies/beta.en.md",
        &bom(crlf("---\nname: Beta Laser CRLF\n---\nEnglish body.\n")),
    );
    site.write(
        "content/companies/nfd-body.md",
        &crlf(&format!(
            "---\nname: 본문\n---\n{}\n",
            nfd("한빛정밀은 하치오지에서 창업한 기업입니다.")
        )),
    );
    let (ok, problems) = site.check_json();
    assert!(ok, "{problems:#?}");
    site.build(&[]);
    // Everything reaches the page composed (NFC), as typed on any other system.
    let home = site.page("ko/index.html");
    assert!(home.contains("시험 클러스터"), "the site title is NFC");
    let term = site.page("ko/technologies/cutting/index.html");
    assert!(
        common::texts(&term, "h1")[0].contains("절삭"),
        "the term label is NFC"
    );
    let en = site.page("en/companies/beta/index.html");
    assert_eq!(common::texts(&en, "h1"), vec!["Beta Laser CRLF"]);
    assert!(en.contains("English body."));
    let page = site.page("ko/companies/nfd-body/index.html");
    assert!(page.contains("한빛정밀은 하치오지에서 창업한 기업입니다."));
    for html in [&home, &term, &en, &page] {
        assert!(!html.contains('\u{feff}') && !html.contains('\r'));
        assert!(unicode_normalization::is_nfc(html));
    }
}

#[test]
fn a_link_to_nothing_in_a_file_with_crlf_and_a_bom_is_reported_at_its_place() {
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/crlf-link.md",
        "\u{feff}---\r\nname: X\r\n---\r\nLine one.\r\nSee [x](@/companies/nope).\r\n",
    );
    let (ok, problems) = site.check_json();
    assert!(!ok);
    let p = problems
        .iter()
        .find(|p| p["code"] == "unknown-link")
        .expect("the link is reported");
    assert_eq!(p["file"], "content/companies/crlf-link.md");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(5), Some(9))
    );
}
