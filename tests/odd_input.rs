//! Odd but valid input builds: a 10 MB body, a content tree of 100,000 files,
//! and settings and translations saved with a BOM, CRLF line endings and
//! decomposed (NFD) Hangul. (A BOM and CRLF in a record, NFD in a record's
//! name and old Mac line endings are in tests/validation.rs.)

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use clusterpress::build::{self, Options, Timings};
use common::{pagefind_file, snapshot, Site};
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
    body.push_str("LAST-PARAGRAPH-OF-THE-LONG-BODY ");
    body.push_str(END_WORD);
    body.push('\n');
    body
}

/// The body's last word: in no dictionary, so that no stemmer changes it.
const END_WORD: &str = "qxzjvwk";

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
        internal: None,
        indexing: Default::default(),
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

/// Where `word` is indexed for `lang`, looked up as Pagefind's search does:
/// the language's metadata names the index chunk whose range holds the word;
/// the chunk lists the pages (by number in the metadata) and the positions of
/// the word in each. Returns each page's fragment hash, its word count and the
/// last position of the word.
fn pagefind_lookup(out: &Path, lang: &str, word: &str) -> Vec<(String, u32, i32)> {
    let dir = out.join("pagefind");
    let entry: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("pagefind-entry.json")).unwrap()).unwrap();
    let hash = entry["languages"][lang]["hash"].as_str().unwrap();
    // pagefind.<hash>.pf_meta: [version, [[page hash, word count, group]…], [[from, to, chunk hash]…], …]
    let meta = pagefind_file(&dir.join(format!("pagefind.{hash}.pf_meta")));
    let mut d = minicbor::Decoder::new(&meta);
    d.array().unwrap();
    d.str().unwrap();
    let mut pages = Vec::new();
    for _ in 0..d.array().unwrap().unwrap() {
        d.array().unwrap();
        let hash = d.str().unwrap().to_string();
        pages.push((hash, d.u32().unwrap()));
        d.skip().unwrap();
    }
    let mut chunk = None;
    for _ in 0..d.array().unwrap().unwrap() {
        d.array().unwrap();
        let (from, to, hash) = (d.str().unwrap(), d.str().unwrap(), d.str().unwrap());
        if from <= word && word <= to {
            chunk = Some(hash.to_string());
        }
    }
    let chunk = chunk.unwrap_or_else(|| panic!("no index chunk of {lang} holds `{word}`"));
    // index/<hash>.pf_index: [[[word, [[page number, [positions], [meta positions]]…], variants]…]]
    let index = pagefind_file(&dir.join(format!("index/{chunk}.pf_index")));
    let mut d = minicbor::Decoder::new(&index);
    d.array().unwrap();
    let mut found = Vec::new();
    for _ in 0..d.array().unwrap().unwrap() {
        d.array().unwrap();
        let this = d.str().unwrap() == word;
        for _ in 0..d.array().unwrap().unwrap() {
            d.array().unwrap();
            let page = d.u64().unwrap() as usize;
            // Positions, with weight changes written in between as negative numbers.
            let mut last = -1;
            for _ in 0..d.array().unwrap().unwrap() {
                last = last.max(d.i32().unwrap());
            }
            d.skip().unwrap();
            if this {
                found.push((pages[page].0.clone(), pages[page].1, last));
            }
        }
        d.skip().unwrap();
    }
    found
}

#[test]
fn a_10_mb_body_is_found_by_search_by_its_last_word() {
    let site = site_with_long_body();
    site.build(&[]);
    let page = site.page("en/companies/long/index.html");
    assert!(page.contains(END_WORD));
    for lang in ["ko", "en"] {
        let hits = pagefind_lookup(&site.out(), lang, END_WORD);
        assert_eq!(hits.len(), 1, "{lang}: one page has `{END_WORD}`: {hits:?}");
        let (hash, words, last) = &hits[0];
        // The page is the long record, and the word is its last: all of it was indexed.
        let fragment: serde_json::Value = serde_json::from_slice(&pagefind_file(
            &site
                .out()
                .join(format!("pagefind/fragment/{hash}.pf_fragment")),
        ))
        .unwrap();
        assert_eq!(fragment["url"], format!("{lang}/companies/long/"));
        assert!(*words > 1_000_000, "{lang}: {words} words indexed");
        // The record's visible text comes first; after U+2063 the build adds
        // a short hidden part (its name's other forms), so the word is the
        // last one before that part.
        let content = fragment["content"].as_str().unwrap();
        let (visible, hidden) = content.split_once('\u{2063}').unwrap_or((content, ""));
        assert!(
            visible.trim_end().ends_with(END_WORD),
            "{lang}: the record's visible text ends with `{END_WORD}`: …{}",
            visible
                .chars()
                .skip(visible.chars().count().saturating_sub(100))
                .collect::<String>()
        );
        // Pagefind counts the U+2063 mark as a word of its own, hence the + 1.
        let after = *words as usize - (*last as usize + 1);
        assert!(
            after <= hidden.split_whitespace().count() + 1,
            "{lang}: {after} words indexed after `{END_WORD}`, but the hidden part has only: {hidden}"
        );
    }
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
