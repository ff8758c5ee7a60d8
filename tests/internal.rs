//! The staff edition (`--internal DIR`): kartes, visit timelines and reports,
//! built apart from the public site, which never holds anything of them.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{attrs, copy_dir, fixtures, readable, run_in, snapshot, texts};

const DATE: &str = "2026-11-30";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ok(out: std::process::Output) -> std::process::Output {
    assert!(
        out.status.success(),
        "failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every file under a folder, unpacked, as text (lossy where it is binary).
struct Files(Vec<(String, String)>);

impl Files {
    fn of(dir: &Path) -> Files {
        let files = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                let text = String::from_utf8_lossy(&readable(e.path())).into_owned();
                (rel, text)
            })
            .collect();
        Files(files)
    }

    /// The files that hold `needle`, or whose path names it.
    fn with(&self, needle: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(rel, text)| rel.contains(needle) || text.contains(needle))
            .map(|(rel, _)| rel.as_str())
            .collect()
    }
}

/// What identifies a karte: its marker (`KRT-…`), its slug and its problem.
struct KarteSigns {
    slug: String,
    marker: String,
    problem: String,
}

fn signs(internal: &Path) -> Vec<KarteSigns> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(internal.join("kartes")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(slug) = name.strip_suffix(".md").filter(|s| !s.contains('.')) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let marker = text
            .split_whitespace()
            .find(|w| w.starts_with("KRT-"))
            .unwrap_or_else(|| panic!("{name} has no marker"))
            .to_string();
        let problem = text
            .lines()
            .find_map(|l| l.strip_prefix("problem: "))
            .unwrap()
            .trim_matches('"')
            .chars()
            .take(24)
            .collect();
        out.push(KarteSigns {
            slug: slug.to_string(),
            marker,
            problem,
        });
    }
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    out
}

/// The `valid/small` site in `<tmp>/site`, optionally with the internal fixture in `<tmp>/internal`.
fn small_site(tmp: &Path, with_internal: bool) -> (PathBuf, PathBuf) {
    let (site, internal) = (tmp.join("site"), tmp.join("internal"));
    copy_dir(&fixtures().join("valid/small"), &site);
    if with_internal {
        copy_dir(&fixtures().join("internal/small"), &internal);
    }
    (site, internal)
}

#[test]
fn the_public_build_is_the_same_without_with_and_after_the_staff_edition() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, internal) = small_site(tmp.path(), false);
    let build = |site: &Path| ok(run_in(site, &["build", "--date", DATE]));
    build(&site);
    let without = snapshot(&site.join("public"));
    copy_dir(&fixtures().join("internal/small"), &internal);
    build(&site);
    assert!(
        without == snapshot(&site.join("public")),
        "the internal root beside the site changed the public build"
    );
    ok(run_in(
        &site,
        &["build", "--date", DATE, "--internal", "../internal"],
    ));
    // By default the staff edition goes into the internal root, never the site's public/.
    assert!(internal
        .join("public/ko/kartes/2026-03-alpha-grinding-chatter/index.html")
        .is_file());
    assert!(
        without == snapshot(&site.join("public")),
        "the staff build touched the public output"
    );
    build(&site);
    assert!(
        without == snapshot(&site.join("public")),
        "a public build after the staff edition differs"
    );
    let (public, staff) = (
        Files::of(&site.join("public")),
        Files::of(&internal.join("public")),
    );
    for s in signs(&internal) {
        for needle in [&s.marker, &s.slug, &s.problem] {
            assert!(
                public.with(needle).is_empty(),
                "{needle} in the public site"
            );
            assert!(
                !staff.with(needle).is_empty(),
                "{needle} not in the staff edition"
            );
        }
    }
}

/// The sample site built twice from the repository: public and staff edition.
struct Sample {
    _tmp: tempfile::TempDir,
    public: PathBuf,
    staff: PathBuf,
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let (public, staff) = (tmp.path().join("public"), tmp.path().join("staff"));
        let out = |p: &Path| p.to_str().unwrap().to_string();
        ok(run_in(
            repo(),
            &["build", "-q", "--date", DATE, "--out", &out(&public)],
        ));
        let args = [
            "build",
            "-q",
            "--date",
            DATE,
            "--internal",
            "examples/internal",
        ];
        ok(run_in(
            repo(),
            &[&args[..], &["--out", &out(&staff)]].concat(),
        ));
        Sample {
            _tmp: tmp,
            public,
            staff,
        }
    })
}

fn page(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn no_karte_marker_slug_or_text_reaches_the_public_sample_site() {
    let s = sample();
    let kartes = signs(&repo().join("examples/internal"));
    assert!(kartes.len() >= 40, "{} kartes", kartes.len());
    let (public, staff) = (Files::of(&s.public), Files::of(&s.staff));
    assert!(public.0.len() > 1000, "{} files", public.0.len());
    for k in &kartes {
        for needle in [&k.marker, &k.slug, &k.problem] {
            let hits = public.with(needle);
            assert!(hits.is_empty(), "`{needle}` in the public site: {hits:?}");
            // The same search finds it in the staff edition, its index included.
            let hits = staff.with(needle);
            assert!(
                hits.iter().any(|h| h.starts_with("pagefind/fragment")),
                "`{needle}` not indexed: {hits:?}"
            );
        }
    }
    // Nor does the kartes' kind or facet: no path, no filter, no label.
    for needle in ["karte", "/kartes/"] {
        let hits = public.with(needle);
        assert!(hits.is_empty(), "{needle}: {hits:?}");
    }
}

#[test]
fn schemas_and_new_know_kartes_only_with_an_internal_root() {
    let public = ok(run_in(repo(), &["schema"]));
    assert!(!String::from_utf8_lossy(&public.stdout).contains("karte"));
    let staff = ok(run_in(
        repo(),
        &["schema", "--internal", "examples/internal"],
    ));
    let schemas: serde_json::Value = serde_json::from_slice(&staff.stdout).unwrap();
    let required = &schemas["kartes"]["required"];
    assert!(
        required.as_array().unwrap().iter().any(|f| f == "company"),
        "{required}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let (site, internal) = small_site(tmp.path(), true);
    let refused = run_in(&site, &["new", "kartes", "2026-12-alpha-visit"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--internal"));
    ok(run_in(
        &site,
        &[
            "new",
            "kartes",
            "2026-12-alpha-visit",
            "--internal",
            "../internal",
        ],
    ));
    assert!(internal.join("kartes/2026-12-alpha-visit.md").is_file());
    assert!(!site.join("content/kartes").exists());
    let reserved = run_in(
        &site,
        &["new", "kartes", "activity", "--internal", "../internal"],
    );
    assert!(!reserved.status.success());
}

#[test]
fn check_reports_a_karte_naming_an_unknown_company_where_it_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, internal) = small_site(tmp.path(), true);
    let file = internal.join("kartes/2025-11-beta-export-paperwork.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("company: beta", "company: betta")).unwrap();
    let out = run_in(
        &site,
        &["check", "--format", "json", "--internal", "../internal"],
    );
    assert!(!out.status.success());
    let problems: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let p = problems
        .iter()
        .find(|p| p["message"].as_str().unwrap_or("").contains("betta"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(
        p["file"], "../internal/kartes/2025-11-beta-export-paperwork.md",
        "{p}"
    );
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(2), Some(10)),
        "{p}"
    );
    // The public check never reads the internal root: no problem there.
    ok(run_in(&site, &["check"]));
}

#[test]
fn kartes_in_the_public_content_and_a_staff_edition_in_public_folders_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, _) = small_site(tmp.path(), true);
    let internal = ["--internal", "../internal"];
    for out in ["public", "public/staff", "content/staff"] {
        let r = run_in(&site, &[&["build", "--out", out][..], &internal].concat());
        assert_eq!(r.status.code(), Some(2), "--out {out}");
        assert!(!site.join(out).join("ko").exists(), "--out {out}");
    }
    copy_dir(&fixtures().join("internal/small"), &site.join("content"));
    let r = run_in(&site, &["check", "--format", "json"]);
    assert!(!r.status.success());
    let problems: Vec<serde_json::Value> = serde_json::from_slice(&r.stdout).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["code"] == "karte-in-public-content" && p["file"] == "content/kartes"),
        "{problems:#?}"
    );
    assert!(!run_in(&site, &["build"]).status.success());
    assert!(!site.join("public").exists());
}

#[test]
fn the_staff_edition_has_every_karte_and_marks_every_page_internal() {
    let s = sample();
    let kartes = signs(&repo().join("examples/internal"));
    for k in &kartes {
        for lang in ["ko", "en"] {
            let html = page(&s.staff, &format!("{lang}/kartes/{}/index.html", k.slug));
            // An English page without a translation shows the Korean body, marker and all.
            assert!(html.contains(&k.marker), "{lang}/{}", k.slug);
        }
    }
    let pages: Vec<PathBuf> = snapshot(&s.staff)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 600);
    for p in &pages {
        let html = page(&s.staff, &p.to_string_lossy());
        if html.contains("http-equiv=refresh") {
            continue;
        }
        assert_eq!(
            attrs(&html, "meta[name=robots]", "content"),
            ["noindex, nofollow"],
            "{}",
            p.display()
        );
        assert_eq!(texts(&html, ".internal-mark").len(), 1, "{}", p.display());
    }
    assert_eq!(page(&s.staff, "robots.txt"), "User-agent: *\nDisallow: /\n");
    assert!(!s.staff.join("sitemap.xml").exists());
    assert!(
        !s.staff.join("data/kartes.json").exists() && !s.staff.join("data/kartes.csv").exists()
    );
    for feed in [
        "ko/notices/atom.xml",
        "ko/success-stories/atom.xml",
        "data/index.json",
    ] {
        assert!(!page(&s.staff, feed).contains("kartes"), "{feed}");
    }
}

#[test]
fn a_company_page_shows_its_visits_newest_first_and_its_next_visit() {
    let s = sample();
    let html = page(&s.staff, "ko/companies/kodaira-mold/index.html");
    let visits = attrs(&html, "#visits .item-title a", "href");
    let dates = texts(&html, "#visits .item-title");
    assert_eq!(
        visits
            .iter()
            .map(|u| u
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_string())
            .collect::<Vec<_>>(),
        [
            "2026-01-kodaira-mold-conformal-insert-trial",
            "2025-09-kodaira-mold-cad-server-review",
            "2025-05-kodaira-mold-conformal-cooling-insert",
            "2025-02-kodaira-mold-cad-data-server"
        ],
        "{dates:?}"
    );
    // The next planned visit: the earliest one still to come on the build's date.
    assert!(texts(&html, "dd").iter().any(|t| t == "2026-12-10"));
    // None of it on the public page.
    let public = page(&s.public, "ko/companies/kodaira-mold/index.html");
    assert!(!public.contains("2026-01-kodaira-mold") && !public.contains("id=visits"));
    // Each of its kartes lists the others the same way, newest first, itself left out.
    let karte = page(
        &s.staff,
        "ko/kartes/2025-05-kodaira-mold-conformal-cooling-insert/index.html",
    );
    let others: Vec<String> = visits
        .iter()
        .filter(|u| !u.contains("2025-05-kodaira-mold-conformal-cooling-insert"))
        .cloned()
        .collect();
    assert_eq!(
        attrs(&karte, "#company-kartes .item-title a", "href"),
        others
    );
    assert_eq!(
        texts(&karte, "#company-kartes .item-title"),
        ["2026-01-29", "2025-09-04", "2025-02-13"].map(String::from)
    );
}

/// A report's table as rows of cell texts.
fn table(html: &str, id: &str) -> Vec<Vec<String>> {
    let doc = scraper::Html::parse_document(html);
    let rows = scraper::Selector::parse(&format!("table#{id} tbody tr")).unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    doc.select(&rows)
        .map(|r| {
            r.select(&cells)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_reports_count_visits_and_list_what_is_due_on_the_build_date() {
    let s = sample();
    let activity = page(&s.staff, "ko/kartes/activity/index.html");
    let per_month = table(&activity, "visits-per-month");
    // Visits per coordinator, counted from the kartes themselves.
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("examples/internal/kartes")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".en.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("coordinators:"))
            .unwrap();
        for c in line
            .trim_start_matches("coordinators:")
            .trim()
            .trim_matches(['[', ']'])
            .split(',')
        {
            *expected.entry(c.trim().to_string()).or_default() += 1;
        }
    }
    let tanabe = per_month.iter().find(|r| r[0] == "다나베 히로시").unwrap();
    assert_eq!(
        tanabe.last().unwrap(),
        &expected["coord-tanabe-hiroshi"].to_string(),
        "{tanabe:?}"
    );
    assert_eq!(tanabe.len(), 14, "name, twelve months, total");
    let total: usize = per_month
        .iter()
        .map(|r| r.last().unwrap().parse().unwrap_or(0))
        .sum();
    assert_eq!(total, expected.values().sum::<usize>());

    let due = page(&s.staff, "ko/kartes/due/index.html");
    assert!(due.contains(DATE));
    let not_visited: Vec<String> = table(&due, "not-visited")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    // Last visited 2026-07-09 (more than four months before the date) and 2026-10-22 (less).
    assert!(
        not_visited.contains(&"하무라주조".to_string()),
        "{not_visited:?}"
    );
    assert!(
        !not_visited.contains(&"(주)하치오지센서랩스".to_string()),
        "{not_visited:?}"
    );
    let overdue: Vec<Vec<String>> = table(&due, "overdue");
    assert!(overdue.iter().all(|r| r[0].as_str() < DATE), "{overdue:?}");
    assert!(
        overdue
            .iter()
            .any(|r| r[1] == "무사시마이크로파츠" && r[0] == "2026-11-27"),
        "{overdue:?}"
    );
    // Resolved kartes are never overdue.
    assert!(
        !overdue
            .iter()
            .any(|r| r[1] == "고다이라금형제작소" && r[0] == "2025-07-31"),
        "{overdue:?}"
    );
}

#[test]
fn each_pair_of_similar_sample_kartes_is_in_the_others_top_three() {
    let s = sample();
    let text =
        std::fs::read_to_string(repo().join("examples/internal/similar-pairs.yaml")).unwrap();
    let pairs: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- ["))
        .map(|l| {
            let (a, b) = l.trim_end_matches(']').split_once(',').unwrap();
            (a.trim().to_string(), b.trim().to_string())
        })
        .collect();
    assert!(pairs.len() >= 5);
    let similar = |slug: &str| -> Vec<String> {
        let html = page(&s.staff, &format!("ko/kartes/{slug}/index.html"));
        attrs(&html, "#partners-kartes .card-title a", "href")
            .into_iter()
            .filter_map(|u| {
                u.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .map(str::to_string)
            })
            .collect()
    };
    for (a, b) in &pairs {
        assert!(
            similar(a).iter().take(3).any(|x| x == b),
            "{a}: {:?}",
            similar(a)
        );
        assert!(
            similar(b).iter().take(3).any(|x| x == a),
            "{b}: {:?}",
            similar(b)
        );
    }
}

#[test]
fn similar_cases_say_what_they_share_in_words_of_their_problems() {
    let s = sample();
    // These two share no term, but both rely on what a veteran knows
    // ("숙련자의 감에 의존하고", "보고 배우기에만 의존하고").
    let html = page(
        &s.staff,
        "ko/kartes/2025-02-ome-press-works-die-wear-prediction/index.html",
    );
    let reasons = texts(&html, "#partners-kartes .reason");
    assert!(reasons.contains(&"공통: 의존".to_string()), "{reasons:?}");
    // Two reports of cooling dies both say 길고 (long and): the reason names
    // 냉각, not the adjective.
    let html = page(
        &s.staff,
        "ko/kartes/2025-03-hamura-castings-die-cooling-time/index.html",
    );
    let reasons = texts(&html, "#partners-kartes .reason").join(" | ");
    assert!(reasons.contains("냉각"), "{reasons}");
    // No reason anywhere is its label alone, nor a verb or adjective the two
    // reports happen to share.
    for lang in ["ko", "en"] {
        let kartes = s.staff.join(lang).join("kartes");
        for entry in std::fs::read_dir(&kartes).unwrap() {
            let Ok(html) = std::fs::read_to_string(entry.unwrap().path().join("index.html")) else {
                continue;
            };
            for reason in texts(&html, "#partners-kartes .reason") {
                let said = reason.split_once(':').map_or("", |(_, s)| s.trim());
                assert!(!said.is_empty(), "{reason:?} in {lang}");
                let words: Vec<&str> = said.split(", ").collect();
                for verb in ["길고", "못해", "만에", "걸리고", "넘는다", "늦어진다"]
                {
                    assert!(!words.contains(&verb), "{reason:?} in {lang}");
                }
            }
        }
    }
}
