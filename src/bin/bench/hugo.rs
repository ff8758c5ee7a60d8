//! The same site for Hugo, to compare with "the usual alternative": Hugo builds
//! the pages and the Pagefind CLI indexes its output.
//!
//! The Hugo site is made from a clusterpress site (usually one from `bench gen`)
//! through clusterpress's own search records, so both index the same text: one
//! page per record per language at the same URL (`/<lang>/<kind>/<slug>/`),
//! whose body is the text clusterpress indexes (summary, body and every field),
//! with the same title, kind, filters, sort key and hidden Korean syllable forms
//! marked up for Pagefind, and each product as a heading of its own. Hugo also
//! makes what clusterpress makes around the records: a home page, a list per
//! kind and a page per facet term (paginated by the same page size), and a
//! search page per language.
//!
//! `plain` makes what a user picking Hugo and Pagefind would have instead: the
//! same pages with only the text a visitor sees, without the hidden Korean
//! forms and the weights (Pagefind's CLI then indexes Korean as whitespace
//! separated words, so a noun inside a compound is not found).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::json;

use clusterpress::build::{Options, Timings};
use clusterpress::diagnostic::Diagnostics;
use clusterpress::publish::search::search_records;
use clusterpress::site::search_names::{HIDDEN_FORMS, HIDDEN_START};

/// Write the Hugo site for the clusterpress site in `site_dir` into `out`.
pub fn write(site_dir: &Path, out: &Path, plain: bool) -> Result<usize> {
    let options = Options {
        internal: None,
        indexing: Default::default(),
        root: site_dir.to_path_buf(),
        base_url: None,
        drafts: false,
        minify: true,
        // The generated notices are placed as `clusterpress build --date 2026-11-27` places them.
        today: "2026-11-27".into(),
    };
    let checked = clusterpress::build::check(&options, &mut Timings::default());
    let Some(site) = checked.site else {
        bail!("{} has errors; run clusterpress check", site_dir.display());
    };
    let problems = Diagnostics::new();
    let theme = clusterpress::theme::load_theme(
        &site.root,
        &site.config.theme,
        site.languages(),
        &problems,
    )
    .context("the site's theme does not load")?;
    let langs = site.languages();
    let default = &langs[0];
    let mut taxonomies = BTreeSet::new();
    let mut pages = 0;
    for lang in langs {
        // search_records gives each record's entry, then one per product (URL with `#`).
        let mut entries = search_records(&site, &theme, lang).into_iter().peekable();
        for record in &site.records {
            let entry = entries.next().context("a record without a search entry")?;
            let mut products = Vec::new();
            while let Some(p) = entries.next_if(|e| e.url.contains('#')) {
                products.push(json!({
                    "anchor": p.url.split_once('#').map_or("", |(_, a)| a),
                    "name": p.meta.get("title"),
                    "text": p.content,
                }));
            }
            let mut front = serde_json::Map::new();
            front.insert("title".into(), json!(entry.meta.get("title")));
            front.insert(
                "summary".into(),
                json!(record
                    .summary
                    .as_ref()
                    .map(|s| s.get(lang, default).text)
                    .unwrap_or("")),
            );
            let pairs = |map: &BTreeMap<String, String>| -> Vec<serde_json::Value> {
                map.iter()
                    .filter(|(k, _)| k.as_str() != "title" && k.as_str() != HIDDEN_FORMS)
                    .map(|(k, v)| json!({ "name": k, "value": v }))
                    .collect()
            };
            front.insert("meta".into(), json!(pairs(&entry.meta)));
            front.insert(
                "forms".into(),
                json!(entry.meta.get(HIDDEN_FORMS).map_or("", String::as_str)),
            );
            let filters: Vec<serde_json::Value> = entry
                .filters
                .iter()
                .flat_map(|(k, vs)| vs.iter().map(move |v| json!({ "name": k, "value": v })))
                .collect();
            front.insert("filters".into(), json!(filters));
            front.insert("sortname".into(), json!(entry.sort.get("name")));
            front.insert("products".into(), json!(products));
            for (tax, terms) in &record.facets {
                taxonomies.insert(tax.to_string());
                front.insert(tax.to_string(), json!(terms));
            }
            // One paragraph per line of the indexed text, escaped for Markdown.
            let text = if plain {
                visible(&entry.content)
            } else {
                entry.content.clone()
            };
            let body: Vec<String> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(escape_markdown)
                .collect();
            let path = out
                .join("content")
                .join(record.id.kind.dir())
                .join(format!("{}.{lang}.md", record.id.slug));
            write_file(
                &path,
                &format!(
                    "{}\n\n{}\n",
                    serde_json::to_string_pretty(&front)?,
                    body.join("\n\n")
                ),
            )?;
            pages += 1;
        }
        write_file(
            &out.join("content").join(format!("search.{lang}.md")),
            &format!(
                "{}\n",
                json!({ "title": "Search", "layout": "search", "url": format!("/{lang}/search/") })
            ),
        )?;
    }
    write_file(&out.join("hugo.json"), &config(&site, &taxonomies)?)?;
    for (name, text) in LAYOUTS {
        write_file(&out.join("layouts").join(name), text)?;
    }
    Ok(pages)
}

/// The text of a search record a visitor sees: before its hidden part, without Pagefind's weight markers.
fn visible(content: &str) -> String {
    let shown = content.split(HIDDEN_START).next().unwrap_or("");
    shown
        .lines()
        .map(|line| {
            let words: Vec<&str> = line
                .split_whitespace()
                .filter(|w| !w.contains("PAGEFIND_WEIGHT___"))
                .collect();
            words.join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn config(site: &clusterpress::site::Site, taxonomies: &BTreeSet<String>) -> Result<String> {
    let langs = site.languages();
    let languages: serde_json::Map<String, serde_json::Value> = langs
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                l.clone(),
                json!({ "weight": i + 1, "title": site.config.title.get(l, &langs[0]).text }),
            )
        })
        .collect();
    let config = json!({
        "baseURL": site.config.base_url,
        "defaultContentLanguage": langs[0],
        "defaultContentLanguageInSubdir": true,
        "languages": languages,
        "paginate": site.config.page_size,
        "taxonomies": taxonomies.iter().map(|t| (t.clone(), t.clone())).collect::<BTreeMap<_, _>>(),
        "disableKinds": ["RSS", "sitemap", "robotsTXT"],
        "enableRobotsTXT": false,
    });
    Ok(serde_json::to_string_pretty(&config)?)
}

fn escape_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.trim().chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Simple templates that print the same fields clusterpress's pages print for
/// search, marked up for Pagefind as clusterpress hands them to it.
const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r##"<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
</head>
<body>
<header>
<a href="{{ "" | relLangURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<form action="{{ "search/" | relLangURL }}"><input name="q" type="search"></form>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Lang }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"##,
    ),
    (
        "_default/single.html",
        r##"{{ define "main" }}
<article data-pagefind-body>
<h1 data-pagefind-meta="title">{{ .Title }}</h1>
<span data-pagefind-sort="name" hidden>{{ .Params.sortname }}</span>
<div data-pagefind-ignore>
{{ range .Params.meta }}<p data-pagefind-meta="{{ .name }}">{{ .value }}</p>{{ end }}
{{ range .Params.filters }}<span data-pagefind-filter="{{ .name }}">{{ .value }}</span> {{ end }}
<div hidden data-pagefind-meta="_forms">{{ .Params.forms }}</div>
</div>
{{ .Content }}
{{ range .Params.products }}<h3 id="{{ .anchor }}">{{ .name }}</h3><p>{{ .text }}</p>{{ end }}
{{ range $taxonomy, $_ := .Site.Taxonomies }}{{ with $.GetTerms $taxonomy }}<p>{{ $taxonomy }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}{{ end }}
</article>
{{ end }}
"##,
    ),
    (
        "_default/list.html",
        r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>
<nav>{{ with .Paginator.Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ .Paginator.PageNumber }} / {{ .Paginator.TotalPages }} {{ with .Paginator.Next }}<a href="{{ .URL }}">→</a>{{ end }}</nav>
{{ end }}
"##,
    ),
    (
        "_default/terms.html",
        r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
{{ end }}
"##,
    ),
    (
        "index.html",
        r##"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .Pages }}</li>{{ end }}</ul>
<ul>{{ range $name, $taxonomy := .Site.Taxonomies }}<li>{{ $name }}: {{ range $taxonomy.ByCount | first 5 }}<a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ end }}</li>{{ end }}</ul>
{{ end }}
"##,
    ),
    (
        "_default/search.html",
        r##"{{ define "main" }}
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
<div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: "#search" }));</script>
{{ end }}
"##,
    ),
];
