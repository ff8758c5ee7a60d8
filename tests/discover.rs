//! Notices, feeds, open data and metadata: build the fixture site and parse
//! what it wrote with real parsers (XML, iCalendar, CSV, JSON).

mod common;

use std::collections::BTreeMap;

use clusterpress::build::{check, Options, Timings};
use clusterpress::content::model::Kind;
use common::{attrs, texts, Site};

const LANGS: [&str; 3] = ["ko", "en", "ja"];

fn built(date: &str) -> Site {
    let site = Site::new("small", &[]);
    site.build(&["--date", date]);
    site
}

/// The fixture, loaded through the library: what the exports must agree with.
fn loaded(site: &Site) -> clusterpress::site::Site {
    let options = Options {
        internal: None,
        indexing: Default::default(),
        root: site.root().to_path_buf(),
        base_url: None,
        drafts: false,
        minify: false,
        today: "2026-11-27".into(),
    };
    check(&options, &mut Timings::default())
        .site
        .expect("the fixture loads")
}

#[test]
fn notices_are_upcoming_or_archived_by_the_given_date() {
    let site = built("2026-11-27");
    let current = texts(&site.page("en/notices/index.html"), ".card-title a");
    assert_eq!(
        current,
        [
            "2027 Prototype Development Grant",
            "Technology Exchange Exhibition 2027"
        ],
        "current notices, soonest first"
    );
    let past = texts(&site.page("en/notices/archive/index.html"), ".card-title a");
    assert_eq!(past, ["Laser Processing Seminar"]);
    let home = site.page("en/index.html");
    assert_eq!(
        texts(&home, ".notices .card-title a"),
        current,
        "home shows upcoming notices"
    );
    assert!(texts(&home, ".notices .items a").contains(&"Laser Processing Seminar".into()));

    // Three months on, the grant's deadline (02-28) has passed but the
    // exhibition (03-03 to 03-05) is still on; a week later both are past.
    let site = built("2027-03-04");
    assert_eq!(
        texts(&site.page("en/notices/index.html"), ".card-title a"),
        ["Technology Exchange Exhibition 2027"]
    );
    let site = built("2027-03-12");
    assert!(texts(&site.page("en/notices/index.html"), ".card-title a").is_empty());
    assert_eq!(
        texts(&site.page("en/notices/archive/index.html"), ".card-title a"),
        [
            "Technology Exchange Exhibition 2027",
            "2027 Prototype Development Grant",
            "Laser Processing Seminar"
        ],
        "archive: newest first"
    );
}

#[test]
fn notice_category_is_a_facet_with_a_term_page() {
    let site = built("2026-11-27");
    let list = site.page("ko/notices/index.html");
    let facets = attrs(&list, ".facet .badge", "href");
    assert!(facets.contains(&"/cluster/ko/notice-category/grant/".to_string()));
    let term = site.page("en/notice-category/grant/index.html");
    assert_eq!(
        texts(&term, ".card-title a"),
        ["2027 Prototype Development Grant"]
    );
    assert_eq!(texts(&term, "h1"), ["Grant"]);
}

#[test]
fn free_form_pages_are_in_the_menu_in_order_in_every_language() {
    let site = built("2026-11-27");
    let menu = |lang: &str| {
        let home = site.page(&format!("{lang}/index.html"));
        let links = attrs(&home, ".main-nav a", "href");
        let labels = texts(&home, ".main-nav a");
        links.into_iter().zip(labels).collect::<Vec<_>>()
    };
    let en = menu("en");
    let pages: Vec<&(String, String)> = en
        .iter()
        .filter(|(href, _)| href == "/cluster/en/join/" || href == "/cluster/en/about/")
        .collect();
    assert_eq!(
        pages
            .iter()
            .map(|(_, label)| label.as_str())
            .collect::<Vec<_>>(),
        ["How to join", "About the cluster"],
        "menu order 1, 2"
    );
    assert!(
        !en.iter().any(|(href, _)| href.ends_with("/privacy/")),
        "a page without `menu` stays out of the menu"
    );
    let ko = menu("ko");
    assert!(ko.iter().any(|(_, l)| l == "가입 안내"));
    // The order, and what stays out, in every language.
    for lang in LANGS {
        let hrefs: Vec<String> = menu(lang).into_iter().map(|(h, _)| h).collect();
        let at = |slug: &str| {
            hrefs
                .iter()
                .position(|h| *h == format!("/cluster/{lang}/{slug}/"))
        };
        let join = at("join").unwrap_or_else(|| panic!("{lang}: join in {hrefs:?}"));
        let about = at("about").unwrap_or_else(|| panic!("{lang}: about in {hrefs:?}"));
        assert!(join < about, "{lang}: menu order 1, 2: {hrefs:?}");
        assert!(at("privacy").is_none(), "{lang}: {hrefs:?}");
    }
    let about = site.page("en/about/index.html");
    assert_eq!(texts(&about, "h1"), ["About the cluster"]);
    assert!(about.contains("connects companies and universities"));
    let join = site.page("ko/join/index.html");
    assert_eq!(
        attrs(&join, "#documents a", "href"),
        ["/cluster/media/example.pdf"]
    );
    assert!(site.out().join("en/privacy/index.html").exists());
    // `@/kind/slug` links become the record's address in the page's language.
    let links = attrs(&site.page("en/join/index.html"), ".prose a", "href");
    assert!(
        links.contains(&"/cluster/en/about/".to_string()),
        "{links:?}"
    );
    assert!(links.contains(&"/cluster/en/companies/alpha/#product-1".to_string()));
}

#[test]
fn atom_feeds_are_well_formed_per_language() {
    let site = built("2026-11-27");
    for lang in LANGS {
        for kind in ["notices", "success-stories"] {
            let xml = site.page(&format!("{lang}/{kind}/atom.xml"));
            let doc = roxmltree::Document::parse(&xml).expect("feed parses as XML");
            let feed = doc.root_element();
            assert_eq!(feed.tag_name().name(), "feed");
            assert_eq!(
                feed.tag_name().namespace(),
                Some("http://www.w3.org/2005/Atom")
            );
            for required in ["id", "title", "updated", "author"] {
                assert!(
                    feed.children().any(|c| c.tag_name().name() == required),
                    "{lang}/{kind}: feed has no <{required}>"
                );
            }
            let entries: Vec<_> = feed
                .children()
                .filter(|c| c.tag_name().name() == "entry")
                .collect();
            let expected = if kind == "notices" { 3 } else { 1 };
            assert_eq!(entries.len(), expected, "{lang}/{kind}");
            for e in entries {
                let child = |n: &str| e.children().find(|c| c.tag_name().name() == n);
                let id = child("id").and_then(|c| c.text()).unwrap();
                assert!(id.starts_with(&format!("https://org.github.io/cluster/{lang}/{kind}/")));
                assert!(child("title").and_then(|c| c.text()).is_some());
                let updated = child("updated").and_then(|c| c.text()).unwrap();
                assert!(
                    updated.len() >= 20 && updated.contains('T'),
                    "RFC 3339: {updated}"
                );
                assert_eq!(child("link").unwrap().attribute("href"), Some(id));
            }
        }
    }
    let en = site.page("en/notices/atom.xml");
    assert!(en.contains("<title>Technology Exchange Exhibition 2027</title>"));
}

#[test]
fn the_event_calendar_imports() {
    let site = built("2026-11-27");
    for lang in LANGS {
        let ics = site.page(&format!("{lang}/notices/events.ics"));
        let mut reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let cal = reader.next().expect("one calendar").expect("it parses");
        assert!(reader.next().is_none());
        // The exhibition and the seminar are events; the grant is not.
        assert_eq!(cal.events.len(), 2, "{lang}");
        let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
            e.properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        let expo = cal
            .events
            .iter()
            .find(|e| prop(e, "UID").unwrap().starts_with("expo-2027"))
            .unwrap();
        assert_eq!(prop(expo, "DTSTART").as_deref(), Some("20270303"));
        assert_eq!(
            prop(expo, "DTEND").as_deref(),
            Some("20270306"),
            "exclusive end"
        );
        for e in &cal.events {
            for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"] {
                assert!(prop(e, required).is_some(), "{lang}: no {required}");
            }
        }
    }
    let ko = site.page("ko/notices/events.ics");
    assert!(ko.contains("SUMMARY:기술교류전 2027"));
    assert!(ko.contains("LOCATION:하치오지 산업회관"));
}

#[test]
fn open_data_round_trips_to_the_records() {
    let site = built("2026-11-27");
    let model = loaded(&site);
    let index: serde_json::Value = serde_json::from_str(&site.page("data/index.json")).unwrap();
    assert_eq!(index["datasets"].as_array().unwrap().len(), Kind::ALL.len());
    for kind in Kind::ALL {
        let records: Vec<_> = model.records.iter().filter(|r| r.id.kind == kind).collect();
        let json: serde_json::Value =
            serde_json::from_str(&site.page(&format!("data/{}.json", kind.dir()))).unwrap();
        let rows = json["records"].as_array().unwrap();
        assert_eq!(rows.len(), records.len(), "{}", kind.dir());
        let mut csv = csv::Reader::from_reader(
            std::fs::File::open(site.out().join(format!("data/{}.csv", kind.dir()))).unwrap(),
        );
        let header = csv.headers().unwrap().clone();
        let csv_rows: Vec<BTreeMap<String, String>> = csv
            .records()
            .map(|r| {
                header
                    .iter()
                    .map(str::to_string)
                    .zip(r.unwrap().iter().map(str::to_string))
                    .collect()
            })
            .collect();
        assert_eq!(csv_rows.len(), records.len());
        for (record, (row, csv_row)) in records.iter().zip(rows.iter().zip(&csv_rows)) {
            let id = record.id.to_string();
            assert_eq!(row["id"], id);
            assert_eq!(csv_row["id"], id);
            for lang in LANGS {
                let want = record
                    .title
                    .has(lang)
                    .then(|| record.title.get(lang, "ko").text.to_string());
                assert_eq!(
                    row["title"][lang].as_str().map(str::to_string),
                    want,
                    "{id} {lang}"
                );
                assert_eq!(csv_row[&format!("title_{lang}")], want.unwrap_or_default());
            }
            for &(field, taxonomy) in clusterpress::content::kinds::facet_fields(kind) {
                let terms = record.terms(taxonomy);
                assert_eq!(row[field], serde_json::json!(terms), "{id} {field}");
                assert_eq!(csv_row[field], terms.join("; "));
            }
            let refs: Vec<String> = record.refs().iter().map(|r| r.id().to_string()).collect();
            let json_refs: Vec<String> = row
                .as_object()
                .unwrap()
                .values()
                .filter_map(|v| v.as_array())
                .flatten()
                .filter(|v| v.get("url").is_some() && v.get("id").is_some())
                .map(|v| v["id"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(json_refs, refs, "{id}: references as slugs");
        }
    }
    // References carry the page address too.
    let eq = site.page("data/equipment.csv");
    assert!(eq.contains(
        "institutions/tama-univ,https://org.github.io/cluster/ko/institutions/tama-univ/"
    ));
    // Uniquip: the fixed column layout, one row per unit, in each language.
    let mut u = csv::Reader::from_reader(
        std::fs::File::open(site.out().join("data/equipment-uniquip.en.csv")).unwrap(),
    );
    let header: Vec<String> = u.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, clusterpress::publish::opendata::UNIQUIP_COLUMNS);
    let row = u.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "equipment");
    assert_eq!(&row[1], "eq-laser");
    assert_eq!(&row[3], "Fiber laser");
    assert_eq!(&row[10], "Tama University");
    // Every list page offers its downloads.
    let list = site.page("en/companies/index.html");
    assert!(attrs(&list, ".list-links a", "href").contains(&"/cluster/data/companies.csv".into()));
}

/// The JSON-LD of a page, parsed.
fn jsonld(html: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    let text: String = doc.select(&sel).next().expect("JSON-LD").text().collect();
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn every_record_page_has_schema_org_metadata() {
    let site = built("2026-11-27");
    let cases = [
        (
            "en/companies/alpha/index.html",
            "Organization",
            "makesOffer",
        ),
        (
            "en/institutions/tama-univ/index.html",
            "Organization",
            "name",
        ),
        (
            "en/research-themes/rt-laser/index.html",
            "ResearchProject",
            "parentOrganization",
        ),
        (
            "en/equipment/eq-laser/index.html",
            "Product",
            "additionalProperty",
        ),
        (
            "en/coordinators/coord-sato/index.html",
            "Person",
            "hasCredential",
        ),
        (
            "en/success-stories/story-laser/index.html",
            "Article",
            "mentions",
        ),
        ("en/notices/expo-2027/index.html", "Event", "startDate"),
        (
            "en/notices/grant-2027/index.html",
            "Article",
            "datePublished",
        ),
        ("en/about/index.html", "WebPage", "name"),
    ];
    // Every record's page, in every language: its type, address, language and name.
    let model = loaded(&site);
    let mut checked = 0;
    for lang in LANGS {
        for r in &model.records {
            let rel = format!(
                "{}index.html",
                clusterpress::site::paths::record_path(r, lang)
            );
            if r.draft {
                assert!(!site.out().join(&rel).exists(), "{rel}: a draft");
                continue;
            }
            let html = site.page(&rel);
            let v = jsonld(&html);
            let types: &[&str] = match r.id.kind {
                Kind::Companies | Kind::Institutions => &["Organization"],
                Kind::ResearchThemes => &["ResearchProject"],
                Kind::Equipment => &["Product"],
                Kind::Coordinators => &["Person"],
                Kind::SuccessStories => &["Article"],
                Kind::Notices => &["Event", "Article"],
                Kind::Pages => &["WebPage"],
                Kind::Kartes => &["Report"],
            };
            assert_eq!(v["@context"], "https://schema.org", "{rel}");
            assert!(
                types.iter().any(|t| v["@type"] == *t),
                "{rel}: {}",
                v["@type"]
            );
            assert_eq!(
                v["url"].as_str().unwrap(),
                format!(
                    "https://org.github.io/cluster/{}",
                    rel.trim_end_matches("index.html")
                ),
                "{rel}"
            );
            assert_eq!(v["inLanguage"], lang, "{rel}");
            let name = if v["@type"] == "Article" {
                &v["headline"]
            } else {
                &v["name"]
            };
            assert_eq!(
                name.as_str(),
                Some(texts(&html, "h1")[0].as_str()),
                "{rel}: the name is the page's"
            );
            checked += 1;
        }
    }
    assert!(checked >= 3 * 14, "{checked} record pages");
    // Each kind's own fields, on one page of each.
    for (page, ty, field) in cases {
        let v = jsonld(&site.page(page));
        assert_eq!(v["@context"], "https://schema.org", "{page}");
        assert_eq!(v["@type"], ty, "{page}");
        assert!(!v[field].is_null(), "{page}: no {field}");
        assert_eq!(
            v["url"].as_str().unwrap(),
            format!(
                "https://org.github.io/cluster/{}",
                page.trim_end_matches("index.html")
            )
        );
    }
    let eq = jsonld(&site.page("en/equipment/eq-laser/index.html"));
    assert_eq!(eq["additionalProperty"][0]["@type"], "PropertyValue");
    assert_eq!(eq["additionalProperty"][0]["value"], "4 kW");
    let expo = jsonld(&site.page("ko/notices/expo-2027/index.html"));
    assert_eq!(expo["endDate"], "2027-03-05");
    assert_eq!(expo["location"]["name"], "하치오지 산업회관");
}

#[test]
fn sitemap_robots_manifest_and_link_previews() {
    let site = built("2026-11-27");
    let xml = site.page("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap parses");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    let urls: Vec<_> = root
        .children()
        .filter(|c| c.tag_name().name() == "url")
        .collect();
    let locs: Vec<&str> = urls
        .iter()
        .map(|u| {
            u.children()
                .find(|c| c.tag_name().name() == "loc")
                .and_then(|c| c.text())
                .unwrap()
        })
        .collect();
    for page in [
        "ko/",
        "en/about/",
        "ja/notices/expo-2027/",
        "en/companies/alpha/",
    ] {
        let url = format!("https://org.github.io/cluster/{page}");
        assert!(locs.contains(&url.as_str()), "{url} is in the sitemap");
    }
    assert!(
        !locs
            .iter()
            .any(|l| l.ends_with("/search/") || l.ends_with("404.html")),
        "no search or 404 pages"
    );
    for u in &urls {
        let alternates: Vec<&str> = u
            .children()
            .filter(|c| c.tag_name().name() == "link")
            .filter_map(|c| c.attribute("hreflang"))
            .collect();
        assert_eq!(alternates, ["ko", "en", "ja", "x-default"]);
    }
    let robots = site.page("robots.txt");
    assert!(robots.contains("Sitemap: https://org.github.io/cluster/sitemap.xml"));
    let manifest: serde_json::Value =
        serde_json::from_str(&site.page("manifest.webmanifest")).unwrap();
    assert_eq!(manifest["start_url"], "/cluster/");
    let icons = manifest["icons"].as_array().unwrap();
    assert_eq!(icons.len(), 3, "{manifest}");
    for icon in icons {
        let src = icon["src"]
            .as_str()
            .unwrap()
            .trim_start_matches("/cluster/");
        assert!(site.out().join(src).exists(), "{src}");
    }
    let page = site.page("en/notices/grant-2027/index.html");
    let meta = |prop: &str| attrs(&page, &format!(r#"meta[property="{prop}"]"#), "content");
    assert_eq!(
        meta("og:url"),
        ["https://org.github.io/cluster/en/notices/grant-2027/"]
    );
    assert_eq!(
        meta("og:description"),
        ["Up to 5 million yen towards an SME's prototype development."]
    );
    assert_eq!(
        attrs(&page, r#"link[rel="canonical"]"#, "href"),
        ["https://org.github.io/cluster/en/notices/grant-2027/"]
    );
    assert!(!attrs(&page, r#"link[rel="icon"]"#, "href").is_empty());
    // Open Graph locales are language_TERRITORY, the other languages as alternates.
    assert_eq!(meta("og:locale"), ["en_US"]);
    assert_eq!(meta("og:locale:alternate"), ["ko_KR", "ja_JP"]);
}
