//! The browser editor at /admin/: switched on in site.yaml, its Decap
//! configuration generated from the field table, the taxonomies and the
//! records, never holding the staff edition's kartes.

mod common;

use std::path::Path;

use clusterpress::content::fields::{self, Field, Type};
use clusterpress::content::model::Kind;
use common::{copy_dir, fixtures, Site};
use serde_json::Value;

const EDITOR: &str = "editor:\n  backend: github\n  repo: test-org/site\n  branch: main\n";

/// The small fixture (three languages, kinds in .md and .yaml) with the editor on.
fn site_with_editor() -> Site {
    let site = Site::new("small", &[]);
    append(&site, "site.yaml", EDITOR);
    site
}

fn append(site: &Site, rel: &str, text: &str) {
    let path = site.root().join(rel);
    let mut old = std::fs::read_to_string(&path).unwrap();
    old.push_str(text);
    std::fs::write(path, old).unwrap();
}

/// admin/config.yml, read as YAML by clusterpress's own reader (it must be
/// YAML, as Decap reads it so) and as JSON (how it is written).
fn config(out: &Path) -> Value {
    let text = std::fs::read_to_string(out.join("admin/config.yml")).unwrap();
    let yaml = clusterpress::content::yaml::parse(&text, 1).expect("config.yml is YAML");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(clusterpress::content::yaml::to_json(&yaml), json);
    json
}

fn collections(config: &Value) -> Vec<&Value> {
    config["collections"].as_array().unwrap().iter().collect()
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    collections(config)
        .into_iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

/// The names of a collection's fields, in order.
fn field_names(collection: &Value) -> Vec<&str> {
    collection["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect()
}

fn field<'a>(collection: &'a Value, name: &str) -> &'a Value {
    collection["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name} in {}", collection["name"]))
}

fn built_config() -> (Site, Value) {
    let site = site_with_editor();
    site.build(&["--quiet", "--date", "2026-11-30"]);
    let config = config(&site.out());
    (site, config)
}

#[test]
fn no_editor_unless_switched_on() {
    let site = Site::new("small", &[]);
    site.build(&["--quiet", "--date", "2026-11-30"]);
    assert!(!site.out().join("admin").exists());
}

#[test]
fn admin_page_loads_only_its_own_files_and_is_not_indexed() {
    let (site, config) = built_config();
    let page = site.page("admin/index.html");
    assert!(
        page.contains(r#"<meta name="robots" content="noindex">"#)
            || page.contains("<meta content=noindex name=robots>")
            || page.contains("name=robots content=noindex"),
        "{page}"
    );
    assert!(!page.contains("//"), "the page names no other host: {page}");
    assert!(site.out().join("admin/decap-cms.js").is_file());
    assert!(!site.out().join("admin/README.md").exists());
    assert!(!site.page("sitemap.xml").contains("/admin"));
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "test-org/site");
    assert_eq!(config["media_folder"], "content/media");
    assert_eq!(config["publish_mode"], "editorial_workflow");
}

/// Every kind but kartes, twice where a kind has both .md and .yaml records.
#[test]
fn one_collection_per_kind_and_file_ending() {
    let (_site, config) = built_config();
    let mut names: Vec<String> = collections(&config)
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    let mut expected: Vec<String> = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Kartes)
        .map(|k| k.dir().to_string())
        .chain(["companies-yaml", "institutions-yaml", "notices-yaml"].map(String::from))
        // The fixture's languages are ko, en and ja: translations into the last two.
        .chain(record_kinds().flat_map(|k| ["en", "ja"].map(|l| format!("{}-{l}", k.dir()))))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let yaml = collection(&config, "companies-yaml");
    assert_eq!(yaml["extension"], "yaml");
    assert_eq!(yaml["format"], "yaml");
    assert_eq!(yaml["folder"], "content/companies");
    assert_eq!(collection(&config, "equipment")["extension"], "yaml");
    assert_eq!(
        collection(&config, "companies")["format"],
        "yaml-frontmatter"
    );
}

/// The form's fields are the field table's, in its order, each with the
/// widget its type needs and `required` as the table says.
#[test]
fn fields_follow_the_field_table() {
    let (_site, config) = built_config();
    for c in collections(&config) {
        let name = c["name"].as_str().unwrap();
        let Some(kind) = Kind::from_dir(name.trim_end_matches("-yaml")) else {
            continue; // a translation collection: see below
        };
        let mut expected = vec!["slug"];
        expected.extend(fields::of(kind).iter().map(|f| f.name));
        expected.extend(
            fields::COMMON
                .iter()
                .map(|f| f.name)
                .filter(|n| *n != "slug"),
        );
        if c["extension"] == "md" {
            expected.push("body");
        }
        let got = field_names(c);
        assert_eq!(got, expected, "{name}");
        for f in fields::of(kind).iter().chain(fields::COMMON) {
            if f.name != "slug" {
                check_widget(field(c, f.name), f, name, true);
            }
        }
    }
}

fn record_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.into_iter().filter(|k| *k != Kind::Kartes)
}

/// Each kind's translation files into each language after the first
/// (`x.en.md`) are a collection of their own: the slug, the fields a
/// translation may set, as text in that language, and the body.
#[test]
fn translations_are_collections_of_their_own() {
    let (_site, config) = built_config();
    for kind in record_kinds() {
        let c = collection(&config, &format!("{}-en", kind.dir()));
        assert_eq!(c["folder"], format!("content/{}", kind.dir()));
        assert_eq!(c["extension"], "en.md");
        assert_eq!(c["format"], "yaml-frontmatter");
        let mut expected = vec!["slug"];
        expected.extend(clusterpress::content::kinds::translatable(kind));
        expected.push("body");
        let got = field_names(c);
        assert_eq!(got, expected, "{}", kind.dir());
        for name in clusterpress::content::kinds::translatable(kind) {
            assert_eq!(field(c, name)["widget"], "string");
            assert_eq!(field(c, name)["required"], false);
        }
    }
}

/// `in_force`: false inside an optional object, where Decap would demand the
/// parts even of an object left empty, so none is required.
fn check_widget(v: &Value, f: &Field, at: &str, in_force: bool) {
    let at = format!("{at}.{}", f.name);
    assert_eq!(v["required"], f.required && in_force, "{at}: required");
    let widget = v["widget"].as_str().unwrap();
    let expected = match f.ty {
        Type::Text | Type::Object(_) => "object",
        Type::Texts | Type::Slugs | Type::List(_) => "list",
        Type::Plain | Type::Date | Type::Email | Type::Url | Type::EmailOrUrl => "string",
        Type::Int(..) => "number",
        Type::Bool => "boolean",
        Type::Term(_) | Type::Terms(_) | Type::Owner => "select",
        Type::Ref(_) | Type::Refs(_) => "select",
        Type::Media(types) if types == fields::IMAGE_TYPES => "image",
        Type::Media(_) => "file",
    };
    assert_eq!(widget, expected, "{at}");
    match f.ty {
        Type::Int(lo, hi) => {
            assert_eq!(
                (v["min"].as_i64(), v["max"].as_i64()),
                (Some(lo), Some(hi)),
                "{at}"
            );
            assert_eq!(v["value_type"], "int", "{at}");
        }
        Type::Date | Type::Email | Type::Url | Type::EmailOrUrl => {
            assert!(v["pattern"][0].is_string(), "{at}: a pattern");
        }
        Type::Term(_) | Type::Owner => assert_eq!(v["multiple"], false, "{at}"),
        Type::Terms(_) | Type::Refs(_) => assert_eq!(v["multiple"], true, "{at}"),
        Type::Ref(_) => assert_eq!(v["multiple"], false, "{at}"),
        Type::Object(sub) => {
            for s in sub {
                check_widget(field(v, s.name), s, &at, in_force && f.required);
            }
        }
        Type::List(sub) => {
            for s in sub {
                check_widget(field(v, s.name), s, &at, true);
            }
        }
        _ => {}
    }
}

/// The keys of a taxonomy as taxonomies.yaml lists them.
fn taxonomy_terms(root: &Path, tax: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("content/taxonomies.yaml")).unwrap();
    let json = clusterpress::content::yaml::to_json(
        &clusterpress::content::yaml::parse(&text, 1).unwrap(),
    );
    json[tax]["terms"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn option_values(select: &Value) -> Vec<String> {
    select["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn facets_are_selects_of_their_terms_with_labels() {
    let (site, config) = built_config();
    let companies = collection(&config, "companies");
    for tax in ["industries", "technologies", "regions"] {
        let mut got = option_values(field(companies, tax));
        got.sort();
        let mut expected = taxonomy_terms(site.root(), tax);
        expected.sort();
        assert_eq!(got, expected, "{tax}");
    }
    // Labels in every language of the site, the key after them.
    let automotive = &field(companies, "industries")["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["value"] == "automotive")
        .unwrap()["label"];
    assert_eq!(automotive, "자동차 / Automotive / 自動車 (automotive)");
    // A built-in facet: its terms, labelled from the theme's strings.
    let kind = field(companies, "kind");
    assert_eq!(
        option_values(kind),
        ["product-developer", "base-technology"]
    );
    assert!(kind["options"][0]["label"]
        .as_str()
        .unwrap()
        .contains("제품개발형"));
}

/// The slugs of a kind's published records, from the files in its folder
/// (translations and drafts left out: a draft is not in the public build).
fn slugs(root: &Path, kind: &str) -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(root.join("content").join(kind))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| {
            let stem = n.strip_suffix(".md").or_else(|| n.strip_suffix(".yaml"))?;
            let stem = stem.to_string();
            (!stem.contains('.')).then_some((stem, n))
        })
        .filter(|(_, n)| {
            let text = std::fs::read_to_string(root.join("content").join(kind).join(n)).unwrap();
            !text.contains("draft: true")
        })
        .map(|(stem, _)| stem)
        .collect();
    slugs.sort();
    slugs
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// A reference is a picker of exactly the records of its kind, by slug.
#[test]
fn references_pick_records_of_the_right_kind() {
    let (site, config) = built_config();
    let theme = field(collection(&config, "research-themes"), "institution");
    assert_eq!(
        sorted(option_values(theme)),
        slugs(site.root(), "institutions")
    );
    assert_eq!(theme["multiple"], false);
    let story = collection(&config, "success-stories");
    for kind in [
        "companies",
        "research-themes",
        "institutions",
        "coordinators",
        "equipment",
    ] {
        let picker = field(story, kind);
        assert_eq!(
            sorted(option_values(picker)),
            slugs(site.root(), kind),
            "{kind}"
        );
        assert_eq!(picker["multiple"], true, "{kind}");
    }
    // An owner is an institution or a company: every record of both, qualified.
    let owners = sorted(option_values(field(
        collection(&config, "equipment"),
        "owner",
    )));
    let mut expected: Vec<String> = ["institutions", "companies"]
        .iter()
        .flat_map(|k| {
            slugs(site.root(), k)
                .into_iter()
                .map(move |s| format!("{k}/{s}"))
        })
        .collect();
    expected.sort();
    assert_eq!(owners, expected);
}

#[test]
fn slug_asked_for_and_localized_text_per_language() {
    let (_site, config) = built_config();
    let companies = collection(&config, "companies");
    assert_eq!(companies["slug"], "{{fields.slug}}");
    let slug = field(companies, "slug");
    assert_eq!(slug["required"], true);
    assert_eq!(
        slug["pattern"][0],
        clusterpress::publish::editor::SLUG_PATTERN
    );
    let name = field(companies, "name");
    let langs: Vec<(&str, bool)> = name["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap(),
                f["required"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(langs, [("ko", true), ("en", false), ("ja", false)]);
    // Alt text: required in every language of an image added to a list.
    let alt = field(field(collection(&config, "equipment"), "images"), "alt");
    assert_eq!(alt["required"], true);
    assert!(alt["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["required"] == true));
    assert_eq!(alt["fields"].as_array().unwrap().len(), 3);
    let title = field(field(collection(&config, "pages"), "documents"), "title");
    assert!(title["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["required"] == true));
    // A logo may be left out: then none of its parts can be required.
    let logo = field(companies, "logo");
    assert!(logo["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["required"] == false));
    assert!(field(logo, "alt")["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["required"] == false));
}

/// Kartes never reach an editor: the staff edition (built with an internal
/// root) has no /admin/ at all, and the public build of the same site names
/// no karte, its facet or its fields.
#[test]
fn no_kartes_even_with_an_internal_root() {
    let site = site_with_editor();
    let internal = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("internal/small"), internal.path());
    let out = site.run(&[
        "build",
        "--root",
        ".",
        "--quiet",
        "--date",
        "2026-11-30",
        "--internal",
        internal.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let staff = internal.path().join("public");
    assert!(staff.join("index.html").is_file() || staff.join("ko").is_dir());
    assert!(
        !staff.join("admin").exists(),
        "the staff edition has no editor"
    );
    site.build(&["--quiet", "--date", "2026-11-30"]);
    let text = std::fs::read_to_string(site.out().join("admin/config.yml")).unwrap();
    assert!(!text.contains("karte"), "kartes named in the editor");
    assert!(!text.contains("filed_by"));
}

#[test]
fn bad_editor_settings_are_reported_where_they_are() {
    let site = Site::new("small", &[]);
    append(
        &site,
        "site.yaml",
        "editor:\n  backend: svn\n  repo: not a repo\n  colour: red\n",
    );
    let (ok, problems) = site.check_json();
    assert!(!ok);
    let at = |code: &str| {
        problems
            .iter()
            .filter(|p| p["code"] == code)
            .map(|p| {
                (
                    p["file"].as_str().unwrap_or("").to_string(),
                    p["line"].as_u64().unwrap_or(0),
                )
            })
            .collect::<Vec<_>>()
    };
    let lines = std::fs::read_to_string(site.root().join("site.yaml"))
        .unwrap()
        .lines()
        .count() as u64;
    assert_eq!(
        at("bad-editor"),
        [
            ("site.yaml".into(), lines - 2),
            ("site.yaml".into(), lines - 1)
        ]
    );
    assert_eq!(at("unknown-field"), [("site.yaml".into(), lines)]);
}

#[test]
fn admin_is_reserved_and_a_written_slug_must_name_the_file() {
    let site = Site::new("small", &[]);
    site.write("content/pages/admin.md", "---\ntitle: Admin\n---\n");
    site.write(
        "content/pages/contact.md",
        "---\nslug: contacts\ntitle: Contact\n---\n",
    );
    site.write(
        "content/pages/rules.md",
        "---\nslug: rules\ntitle: Rules\n---\n",
    );
    // A translation may carry the slug too (the editor writes it), checked the same way.
    site.write(
        "content/pages/rules.en.md",
        "---\nslug: rules\ntitle: Rules\n---\nThe rules.\n",
    );
    site.write("content/pages/help.md", "---\ntitle: Help\n---\n");
    site.write(
        "content/pages/help.en.md",
        "---\nslug: helps\ntitle: Help\n---\nHelp.\n",
    );
    let (ok, problems) = site.check_json();
    assert!(!ok);
    let codes: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| (p["code"].as_str().unwrap(), p["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("reserved-name", "content/pages/admin.md"),
            ("slug-mismatch", "content/pages/contact.md"),
            ("slug-mismatch", "content/pages/help.en.md")
        ]
    );
}
