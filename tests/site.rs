//! Build real sites in temporary folders and read the output.

mod common;

use common::{attrs, broken_links, pagefind_file, readable, snapshot, texts, Site};

/// Every HTML page under `out/<lang>/`, relative to it, sorted.
fn pages_of(out: &std::path::Path, lang: &str) -> Vec<String> {
    snapshot(&out.join(lang))
        .into_keys()
        .map(|p| p.to_string_lossy().to_string())
        .filter(|p| p.ends_with(".html"))
        .collect()
}

/// An alias: a page that only sends the visitor to the record's address.
fn is_redirect(html: &str) -> bool {
    html.contains("http-equiv=refresh")
}

#[test]
fn every_page_exists_in_every_language_with_its_language_and_a_heading() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let ko = pages_of(&site.out(), "ko");
    // Pages of every sort, among them.
    for page in [
        "index.html",
        "404.html",
        "companies/index.html",
        "companies/alpha/index.html",
        "institutions/tama-univ/index.html",
        "research-themes/rt-laser/index.html",
        "equipment/eq-laser/index.html",
        "coordinators/coord-sato/index.html",
        "success-stories/story-laser/index.html",
        "technologies/cutting/index.html",
        "technologies/index.html",
        "tier/super/index.html",
        "access/open/index.html",
    ] {
        assert!(ko.contains(&page.to_string()), "ko/{page} is missing");
    }
    for lang in ["ko", "en", "ja"] {
        assert_eq!(
            pages_of(&site.out(), lang),
            ko,
            "{lang} has the pages ko has"
        );
        for page in &ko {
            let html = site.page(&format!("{lang}/{page}"));
            assert!(
                html.contains(&format!("<html lang={lang}>")),
                "{lang}/{page} has lang"
            );
            if !is_redirect(&html) {
                let h1 = texts(&html, "h1");
                assert!(
                    h1.len() == 1 && !h1[0].is_empty(),
                    "{lang}/{page}: one heading, with text: {h1:?}"
                );
            }
        }
    }
    // The text of each language, for a record translated into all three.
    let ko = site.page("ko/companies/alpha/index.html");
    assert_eq!(texts(&ko, "h1"), vec!["(주)알파정밀"]);
    assert!(ko.contains("ALPHA-KO-BODY"));
    let en = site.page("en/companies/alpha/index.html");
    assert_eq!(texts(&en, "h1"), vec!["Alpha Precision Co., Ltd."]);
    assert!(en.contains("ALPHA-EN-BODY") && !en.contains("ALPHA-KO-BODY"));
    let ja = site.page("ja/companies/alpha/index.html");
    assert_eq!(texts(&ja, "h1"), vec!["アルファ精密株式会社"]);
    // The root 404 and language chooser.
    let chooser = site.page("index.html");
    assert_eq!(
        attrs(&chooser, ".chooser-list a", "href"),
        vec!["/cluster/ko/", "/cluster/en/", "/cluster/ja/"]
    );
    assert!(site.page("404.html").contains("/cluster/ja/"));
}

#[test]
fn every_internal_link_resolves_under_a_sub_path() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let broken = broken_links(&site.out(), "/cluster/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let page = site.page("en/companies/alpha/index.html");
    let hrefs = attrs(&page, "a[href]", "href");
    assert!(
        hrefs
            .iter()
            .filter(|h| h.starts_with('/'))
            .all(|h| h.starts_with("/cluster/")),
        "{hrefs:?}"
    );
    assert!(
        attrs(&page, "link[rel=canonical]", "href")
            == vec!["https://org.github.io/cluster/en/companies/alpha/"]
    );
}

#[test]
fn base_url_can_be_overridden_for_preview_deployments() {
    let site = Site::new("small", &[]);
    site.build(&["--base-url", "https://preview.example.net/pr-7/"]);
    assert!(broken_links(&site.out(), "/pr-7/").is_empty());
    let page = site.page("ko/index.html");
    assert!(page.contains("href=/pr-7/static/style.css"), "{page}");
    // Absolute addresses take the preview's host too.
    assert_eq!(
        attrs(
            &site.page("en/companies/alpha/index.html"),
            "link[rel=canonical]",
            "href"
        ),
        ["https://preview.example.net/pr-7/en/companies/alpha/"]
    );
    assert!(site
        .page("robots.txt")
        .contains("Sitemap: https://preview.example.net/pr-7/sitemap.xml"));
}

#[test]
fn the_sample_site_builds_and_all_its_links_resolve() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("public");
    let result = common::run_in(root, &["build", "--out", target.to_str().unwrap()]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        broken_links(&target, "/").is_empty(),
        "{:?}",
        broken_links(&target, "/")
    );
    let files = snapshot(&target);
    let records = files
        .keys()
        .filter(|p| p.starts_with("ko") && p.components().count() == 4)
        .count();
    assert!(
        records >= 90,
        "sample site has {records} record pages per language"
    );
}

#[test]
fn two_builds_give_identical_bytes() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let first = snapshot(&site.out());
    site.build(&[]);
    assert_eq!(first, snapshot(&site.out()));
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let before = snapshot(&site.out());
    site.write("content/companies/broken.md", "---\nname: [unclosed\n---\n");
    let out = site.run(&["build", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("was left as it was"));
    assert_eq!(before, snapshot(&site.out()));
    // Nothing is left behind beside the output either.
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".public.new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn scripts_in_content_do_not_reach_the_output() {
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/evil.md",
        "---\nname: \"</title><script>alert('name')</script>Evil\"\nsummary: \"<img src=x onerror=alert(1)>\"\nwebsite: \"javascript:alert(1)\"\n---\n\
         Hello <script>alert('body')</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>\n\n\
         <iframe src=\"https://evil.example\"></iframe><svg onload=alert(4)></svg>\n",
    );
    // The website is refused (not an http(s) address); fix it and build.
    let (ok, problems) = site.check_json();
    assert!(!ok && problems.iter().any(|p| p["code"] == "bad-url"));
    site.write(
        "content/companies/evil.md",
        &std::fs::read_to_string(site.root().join("content/companies/evil.md"))
            .unwrap()
            .replace("website: \"javascript:alert(1)\"\n", ""),
    );
    site.build(&[]);
    for lang in ["ko", "en"] {
        let page = site.page(&format!("{lang}/companies/evil/index.html"));
        assert_no_active_content(&page);
        assert!(
            texts(&page, "h1")[0].starts_with("</title><script>"),
            "the name is shown as text"
        );
    }
}

/// Parse the page as a browser would: no script element, no event handler, no script URL.
fn assert_no_active_content(page: &str) {
    let doc = scraper::Html::parse_document(page);
    let all = scraper::Selector::parse("*").unwrap();
    for el in doc.select(&all) {
        let name = el.value().name();
        // Structured data is the one script element a page has: it must be JSON, not code.
        if name == "script" && el.value().attr("type") == Some("application/ld+json") {
            let json: String = el.text().collect();
            serde_json::from_str::<serde_json::Value>(&json).expect("JSON-LD parses as JSON");
            continue;
        }
        assert!(
            !matches!(name, "script" | "iframe" | "object" | "embed" | "svg"),
            "<{name}> in {page}"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "{attr}= on <{name}>");
            let v = value.trim().to_lowercase();
            assert!(
                !v.starts_with("javascript:") && !v.starts_with("data:"),
                "{attr}={value}"
            );
        }
    }
}

#[test]
fn text_missing_in_a_language_falls_back_and_is_marked() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    // beta has no English body: the Korean one is shown, marked with its language.
    let en = site.page("en/companies/beta/index.html");
    assert_eq!(attrs(&en, ".prose.fallback", "lang"), vec!["ko"]);
    assert_eq!(
        texts(&en, ".notice"),
        ["Some text on this page has no English version yet and is shown in 한국어."],
        "a notice says so"
    );
    // The ja page of alpha: the summary exists only in ko and en, so it falls back to ko.
    let ja = site.page("ja/companies/alpha/index.html");
    assert!(
        texts(&ja, ".lead span[lang=ko].fallback").contains(&"자동차 부품 절삭 전문".to_string()),
        "{ja}"
    );
    // A translation file's front matter overrides the title in its language.
    let rt = site.page("ja/research-themes/rt-laser/index.html");
    assert_eq!(texts(&rt, "h1"), vec!["レーザー微細加工"]);
    assert!(rt.contains("研究の本文"));
    // A fully translated page has no notice.
    let full = site.page("en/institutions/incubator-hub/index.html");
    assert!(texts(&full, ".notice").is_empty());
}

#[test]
fn language_switcher_leads_to_the_same_record() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let page = site.page("ko/equipment/eq-laser/index.html");
    assert_eq!(
        attrs(&page, ".langs a", "href"),
        vec![
            "/cluster/en/equipment/eq-laser/",
            "/cluster/ja/equipment/eq-laser/"
        ]
    );
    let hreflangs = attrs(&page, "link[rel=alternate]", "hreflang");
    assert_eq!(hreflangs, vec!["ko", "en", "ja"]);
}

#[test]
fn links_go_both_ways() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let inst = site.page("en/institutions/tama-univ/index.html");
    assert!(
        texts(&inst, "#research-themes .card-title").contains(&"Laser micromachining".to_string())
    );
    assert!(texts(&inst, "#equipment .card-title").contains(&"Fiber laser".to_string()));
    let company = site.page("en/companies/alpha/index.html");
    assert!(texts(&company, "#success-stories .card-title")
        .contains(&"Laser collaboration".to_string()));
    assert!(texts(&company, "#products .item-title").contains(&"Gear shafts".to_string()));
    let coord = site.page("en/coordinators/coord-sato/index.html");
    assert!(
        texts(&coord, "#success-stories .card-title").contains(&"Laser collaboration".to_string())
    );
    let eq = site.page("en/equipment/eq-laser/index.html");
    assert!(
        attrs(&eq, ".facts a", "href").contains(&"/cluster/en/institutions/tama-univ/".to_string())
    );
    let incubator = site.page("en/institutions/incubator-hub/index.html");
    assert!(texts(&incubator, "#tenants .card-title").contains(&"Beta Laser Inc.".to_string()));
    // Every facet value links to its term page, which gathers every kind.
    let term = site.page("en/technologies/laser-processing/index.html");
    let kinds = attrs(&term, "section.related", "id");
    assert_eq!(
        kinds,
        vec![
            "kind-companies",
            "kind-research-themes",
            "kind-equipment",
            "kind-success-stories",
            "kind-notices"
        ]
    );
}

#[test]
fn lists_sort_in_each_languages_order_and_paginate() {
    let site = Site::new("small", &[]);
    write_companies(
        &site,
        "ko",
        [
            ("k1", "주식회사 하늘"),
            ("k2", "(주)나무"),
            ("k3", "가람 Co., Ltd."),
            ("k4", "다온"),
            ("k5", "㈜마루"),
            ("k6", "바다"),
        ],
    );
    site.build(&[]);
    // 9 companies, 5 per page.
    let p1 = site.page("ko/companies/index.html");
    let p2 = site.page("ko/companies/page/2/index.html");
    let names: Vec<String> = [texts(&p1, ".card-title"), texts(&p2, ".card-title")].concat();
    assert_eq!(
        names,
        vec![
            "가람 Co., Ltd.",
            "감마기공",
            "(주)나무",
            "다온",
            "㈜마루",
            "바다",
            "베타레이저",
            "(주)알파정밀",
            "주식회사 하늘"
        ]
    );
    let initials = texts(&p1, ".initials a");
    assert_eq!(initials, vec!["ㄱ", "ㄴ", "ㄷ", "ㅁ", "ㅂ", "ㅇ", "ㅎ"]);
    // An initial on the second page links there.
    let links = attrs(&p1, ".initials a", "href");
    assert!(
        links[4].starts_with("/cluster/ko/companies/page/2/#initial-"),
        "{links:?}"
    );
    // Each page of a list shows the whole list's index by initial and facet
    // counts (worked out once per list and language, see render/index.rs).
    assert_eq!(texts(&p2, ".initials a"), initials);
    assert_eq!(attrs(&p2, ".initials a", "href"), links);
    let facets = texts(&p1, ".facet");
    assert!(!facets.is_empty());
    assert_eq!(texts(&p2, ".facet"), facets);
    assert!(broken_links(&site.out(), "/cluster/").is_empty());
    let en = site.page("en/companies/index.html");
    assert_eq!(texts(&en, ".card-title")[0], "Alpha Precision Co., Ltd.");
    assert_eq!(texts(&en, ".initials a")[0], "A");
    assert_ne!(texts(&en, ".facet"), facets);
}

/// Companies named in `lang` (and `<slug> Inc.` in English), one file each.
fn write_companies<S: std::fmt::Display, N: std::fmt::Display>(
    site: &Site,
    lang: &str,
    names: impl IntoIterator<Item = (S, N)>,
) {
    for (slug, name) in names {
        site.write(
            &format!("content/companies/{slug}.yaml"),
            &format!("name: {{ {lang}: \"{name}\", en: \"{slug} Inc.\" }}\n"),
        );
    }
}

#[test]
fn japanese_lists_follow_the_syllabary_and_ignore_legal_forms() {
    let site = Site::new("japanese", &[]);
    write_companies(
        &site,
        "ja",
        [
            ("midori", "株式会社ミドリ光学"),
            ("asahi", "あさひ精機株式会社"),
            ("gaia", "ガイア工業"),
        ],
    );
    site.build(&[]);
    let page = site.page("ja/companies/index.html");
    // Kana by the syllabary (katakana with hiragana), legal forms ignored
    // before and after the name, then kanji.
    assert_eq!(
        texts(&page, ".card-title"),
        vec![
            "あさひ精機株式会社",
            "ガイア工業",
            "株式会社ミドリ光学",
            "株式会社日野精密",
            "昭島電子工業株式会社"
        ]
    );
    assert_eq!(
        texts(&page, ".initials a"),
        vec!["あ", "か", "ま", "日", "昭"]
    );
}

#[test]
fn a_list_with_too_many_initials_shows_no_index() {
    let site = Site::new("japanese", &[]);
    // 51 names, each starting with another kanji: one heading each.
    let names = (0..51u32).map(|k| {
        let first = char::from_u32(0x5C71 + k * 3).unwrap();
        (format!("c{k}"), format!("{first}工業"))
    });
    write_companies(&site, "ja", names);
    site.build(&[]);
    let page = site.page("ja/companies/index.html");
    assert!(texts(&page, ".initials a").is_empty());
    // The English names (C0 … C50, Akishima, Hino) still have their index.
    let en = site.page("en/companies/index.html");
    assert_eq!(texts(&en, ".initials a"), vec!["A", "C", "H"]);
}

#[test]
fn drafts_stay_out_unless_asked_for() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    assert!(!site.out().join("ko/companies/secret").exists());
    // Unpacked: the search index is gzipped.
    for path in snapshot(&site.out()).keys() {
        let text = readable(&site.out().join(path));
        assert!(
            !String::from_utf8_lossy(&text).contains("SECRET-DRAFT"),
            "{}",
            path.display()
        );
    }
    site.build(&["--drafts"]);
    assert!(site
        .page("ko/companies/secret/index.html")
        .contains("SECRET-DRAFT"));
}

#[test]
fn aliases_redirect_to_the_record() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let page = site.page("en/companies/alpha-old/index.html");
    assert!(page.contains("url=/cluster/en/companies/alpha/"), "{page}");
}

#[test]
fn people_without_public_contact_show_the_secretariat() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let page = site.page("en/coordinators/coord-sato/index.html");
    assert!(!page.contains("sato@private.example"));
    assert!(!page.contains("+81 90 0000 0000"));
    // The contact panel itself (the request button is a mailto to the office too).
    assert_eq!(
        attrs(&page, ".panel-contact dd a", "href"),
        ["mailto:office@test-cluster.example", "tel:+81420000000"]
    );
}

#[test]
fn every_page_links_to_the_file_to_correct() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    let edit = |page: &str| attrs(&site.page(page), ".site-footer a", "href");
    let prefix = "https://git.example.org/test/edit/main/";
    let content = site.root().join("content");
    let mut checked = 0;
    for lang in ["ko", "en", "ja"] {
        for page in pages_of(&site.out(), lang) {
            let rel = format!("{lang}/{page}");
            if is_redirect(&site.page(&rel)) {
                assert!(
                    edit(&rel).is_empty(),
                    "{rel}: an alias has nothing to correct"
                );
                continue;
            }
            // The file the page comes from: a record's file, a free-form page's
            // file, the taxonomies for facet pages, else the settings.
            let parts: Vec<&str> = page
                .trim_end_matches("index.html")
                .split_terminator('/')
                .collect();
            let record = |kind: &str, slug: &str| {
                ["md", "yaml"]
                    .iter()
                    .map(|ext| format!("content/{kind}/{slug}.{ext}"))
                    .find(|f| site.root().join(f).is_file())
            };
            let is_kind =
                |dir: &str| dir != "pages" && dir != "media" && content.join(dir).is_dir();
            let expected = match parts.as_slice() {
                [kind, slug] if is_kind(kind) && record(kind, slug).is_some() => {
                    record(kind, slug).unwrap()
                }
                [slug] if record("pages", slug).is_some() => record("pages", slug).unwrap(),
                [] | ["404.html"] | ["search"] => "site.yaml".to_string(),
                [kind, ..] if is_kind(kind) => "site.yaml".to_string(),
                _ => "content/taxonomies.yaml".to_string(),
            };
            assert_eq!(edit(&rel), vec![format!("{prefix}{expected}")], "{rel}");
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked} pages");
    assert_eq!(
        edit("en/companies/alpha/index.html"),
        vec!["https://git.example.org/test/edit/main/content/companies/alpha.md"]
    );
    assert_eq!(
        edit("ko/technologies/cutting/index.html"),
        vec!["https://git.example.org/test/edit/main/content/taxonomies.yaml"]
    );
    assert_eq!(
        edit("ja/companies/index.html"),
        vec!["https://git.example.org/test/edit/main/site.yaml"]
    );
}

#[test]
fn retired_records_are_marked_or_left_out_as_the_site_chooses() {
    let site = Site::new("small", &[]);
    site.write(
        "content/companies/gone.yaml",
        "name: { ko: 떠난기업, en: Gone Co. }\nstatus: left\n",
    );
    site.write(
        "content/equipment/eq-old.yaml",
        "name: 구형 장비\nowner: institutions/tama-univ\nstatus: retired\n",
    );
    site.build(&[]);
    let page = site.page("en/companies/gone/index.html");
    assert!(
        texts(&page, ".page-head .badge").contains(&"Left the cluster".to_string()),
        "{page}"
    );
    assert!(texts(
        &site.page("en/equipment/eq-old/index.html"),
        ".page-head .badge"
    )
    .contains(&"Retired".to_string()));
    // With `retired: hide` both stay out of the site.
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{yaml}retired: hide\n"));
    site.build(&[]);
    assert!(!site.out().join("en/companies/gone").exists());
    assert!(!site.out().join("en/equipment/eq-old").exists());
    assert!(broken_links(&site.out(), "/cluster/").is_empty());
}

#[test]
fn images_and_documents_are_copied_and_shown_with_text_in_the_page_language() {
    let site = Site::new("small", &[]);
    site.build(&[]);
    for (lang, alt, title) in [
        ("ko", "레이저 가공기 전경", "사양서"),
        ("en", "The laser cutter", "Specification sheet"),
    ] {
        let page = site.page(&format!("{lang}/equipment/eq-laser/index.html"));
        assert_eq!(attrs(&page, ".gallery img", "alt"), vec![alt]);
        // The picture is shown through its resized copy (named by content hash).
        let src = attrs(&page, ".gallery img", "src").remove(0);
        assert!(
            src.starts_with("/cluster/media/_r/") && src.ends_with(".png"),
            "{src}"
        );
        assert_eq!(texts(&page, "#documents a"), vec![title]);
        assert!(texts(&page, "#documents .item-note")[0].starts_with("PDF, 1 KB"));
    }
    let copied = std::fs::read(site.out().join("media/example.png")).unwrap();
    assert_eq!(
        copied,
        std::fs::read(site.root().join("content/media/example.png")).unwrap()
    );
    assert!(broken_links(&site.out(), "/cluster/").is_empty());
}

/// The languages of a search bundle folder's entry list, with their page counts.
fn entry_languages(dir: &std::path::Path) -> std::collections::BTreeMap<String, u64> {
    let text = std::fs::read_to_string(dir.join("pagefind-entry.json")).unwrap();
    let entry: serde_json::Value = serde_json::from_str(&text).unwrap();
    let langs = entry["languages"].as_object().unwrap();
    langs
        .iter()
        .map(|(l, v)| (l.clone(), v["page_count"].as_u64().unwrap()))
        .collect()
}

#[test]
fn a_large_index_is_built_in_parts_that_hold_every_record_once() {
    let whole = Site::new("small", &[]);
    whole.build(&[]);
    let split = Site::new("small", &[]);
    let out = split.build(&["--search-part-records", "4", "--jobs", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle = split.out().join("pagefind");
    let records = entry_languages(&whole.out().join("pagefind"))["ko"];
    assert!(records >= 8, "{records} search records");
    let parts = records.div_ceil(4) as usize;
    // Part 0 in the bundle's folder, part k in pk/, each under its own language tag.
    let mut sizes = vec![entry_languages(&bundle)["ko"]];
    for k in 1..parts {
        let dir = bundle.join(format!("p{k}"));
        sizes.push(entry_languages(&dir)[&format!("ko-x-p{k}")]);
        // Only index files: the scripts and WebAssembly come from part 0.
        for f in std::fs::read_dir(&dir).unwrap() {
            let name = f.unwrap().file_name().to_string_lossy().to_string();
            assert!(
                ["index", "fragment", "filter", "pagefind-entry.json"].contains(&name.as_str())
                    || name.ends_with(".pf_meta"),
                "p{k}/{name} is not part of an index"
            );
        }
    }
    assert!(!bundle.join(format!("p{parts}")).exists(), "{parts} parts");
    assert_eq!(
        sizes.iter().sum::<u64>(),
        records,
        "every record once: {sizes:?}"
    );
    assert!(
        sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1,
        "{sizes:?}"
    );
    // The search page names the other parts and every part's size.
    let page = split.page("ko/search/index.html");
    let config: serde_json::Value =
        serde_json::from_str(&attrs(&page, "#search", "data-config")[0]).unwrap();
    assert_eq!(config["parts"].as_array().unwrap().len(), parts - 1);
    // Under the site's base path, as the bundle is.
    assert_eq!(config["parts"][0]["path"], "/cluster/pagefind/p1/");
    assert_eq!(config["parts"][0]["language"], "ko-x-p1");
    let listed: Vec<u64> = config["partSizes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert_eq!(listed, sizes);
    // A site under the limit has one index per language, as before.
    let config: serde_json::Value = serde_json::from_str(
        &attrs(
            &whole.page("ko/search/index.html"),
            "#search",
            "data-config",
        )[0],
    )
    .unwrap();
    assert_eq!(config["parts"].as_array().unwrap().len(), 0);
    assert!(!whole.out().join("pagefind/p1").exists());
}

#[test]
fn a_visitors_own_words_find_open_equipment_but_not_a_retired_unit() {
    let site = Site::new("small", &[]);
    let laser =
        std::fs::read_to_string(site.root().join("content/equipment/eq-laser.yaml")).unwrap();
    let old = laser
        .replace("파이버 레이저", "옛 레이저")
        .replace("Fiber laser", "Old laser");
    site.write(
        "content/equipment/eq-old.yaml",
        &format!("{old}status: retired\n"),
    );
    site.build(&[]);
    let found = indexed_with(&site, &["rent", "대여"]);
    assert_eq!(found, ["en/equipment/eq-laser/", "ko/equipment/eq-laser/"]);
}

/// The pages whose search record holds any of `words`: what Pagefind indexed
/// of each record is its fragment's content (unpacked).
fn indexed_with(site: &Site, words: &[&str]) -> Vec<String> {
    let fragments = site.out().join("pagefind/fragment");
    let mut found: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&fragments).unwrap() {
        let fragment: serde_json::Value =
            serde_json::from_slice(&pagefind_file(&entry.unwrap().path())).unwrap();
        let content = fragment["content"].as_str().unwrap();
        if content.split_whitespace().any(|w| words.contains(&w)) {
            found.push(fragment["url"].as_str().unwrap().to_string());
        }
    }
    found.sort();
    found
}

#[test]
fn a_term_finds_its_records_by_the_words_the_site_gives_it_in_each_language() {
    let site = Site::new("small", &[]);
    let path = site.root().join("content/taxonomies.yaml");
    let taxonomies = std::fs::read_to_string(&path).unwrap().replace(
        "    grinding: { ko: 연삭, en: Grinding, ja: 研削 }\n",
        "    grinding:\n      label: { ko: 연삭, en: Grinding, ja: 研削 }\n      also: { ko: 그라인딩 폴리싱, en: polishing }\n",
    );
    assert!(taxonomies.contains("also:"));
    std::fs::write(&path, taxonomies).unwrap();
    site.build(&[]);
    // The two companies filed under grinding, in the languages that have the words.
    let expected = ["ko/companies/alpha/", "ko/companies/gamma/"];
    assert_eq!(indexed_with(&site, &["그라인딩", "폴리싱"]), expected);
    let expected = ["en/companies/alpha/", "en/companies/gamma/"];
    assert_eq!(indexed_with(&site, &["polishing"]), expected);
    // Found by them, never shown: the label stays the term's name.
    let page = std::fs::read_to_string(site.out().join("ko/companies/alpha/index.html")).unwrap();
    assert!(page.contains("연삭") && !page.contains("그라인딩"));
    // A slip in the long form is reported at its line.
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replace("      also:", "      aslo:");
    std::fs::write(&path, broken).unwrap();
    let out = site.run(&["check", "--root", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("unknown field `aslo` in a term") && err.contains("taxonomies.yaml:"),
        "{err}"
    );
}
