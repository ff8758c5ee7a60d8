//! Index: the client-side search index, built in-process with Pagefind from the
//! records themselves (not by re-reading the HTML).
//!
//! One Pagefind bundle holds an index per language; the browser picks the one
//! named by the page's `<html lang>`. Every record becomes one search record
//! whose text holds every field in that language, and each product becomes a
//! record of its own that leads to its place on the company's page. Filters
//! carry localized names and values. Korean text also gets its syllable forms
//! (see [`crate::text::hangul`]) in a hidden meta field, which Pagefind searches but
//! which never shows up in excerpts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::content::markdown;
use crate::content::model::{Details, Localized, Record};
use crate::progress::Stage;
use crate::site::localize::{shorten, Localizer};
use crate::site::paths::{record_path, OutputFile};
use crate::site::search_names::{html, BUNDLE_DIR, HIDDEN_FORMS};
use crate::site::Site;
use crate::text::collate::sort_key;
use crate::text::hangul;
use crate::theme::Theme;

/// One record as handed to Pagefind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchRecord {
    /// Relative to the site's base path: `ko/companies/x/` or `ko/companies/x/#product-1`.
    pub url: String,
    pub language: String,
    pub content: String,
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
}

/// The search records of one language.
pub fn search_records(site: &Site, theme: &Theme, lang: &str) -> Vec<SearchRecord> {
    let l = Localizer::new(site, lang, &theme.strings[lang]);
    let mut out = Vec::new();
    for record in &site.records {
        out.push(record_entry(site, &l, record));
        if let Details::Company(c) = &record.details {
            for p in &c.products {
                let company = l.text(&record.title).text;
                let mut text = Text::default();
                text.add(&l, &p.name);
                text.opt(&l, &p.summary);
                text.push(&company);
                let mut entry = entry(&l, record, &l.text(&p.name).text, text, "product");
                entry.url.push_str(&format!("#{}", p.anchor));
                entry.meta.insert(l.ui("search.company"), company);
                out.push(entry);
            }
        }
    }
    out
}

/// Text gathered for the index, in reading order.
#[derive(Default)]
struct Text(String);

impl Text {
    fn push(&mut self, s: &str) {
        if !s.trim().is_empty() {
            if !self.0.is_empty() {
                self.0.push('\n');
            }
            self.0.push_str(s.trim());
        }
    }

    fn add(&mut self, l: &Localizer, v: &Localized) {
        self.push(&l.text(v).text);
    }

    fn opt(&mut self, l: &Localizer, v: &Option<Localized>) {
        if let Some(v) = v {
            self.add(l, v);
        }
    }
}

fn record_entry(site: &Site, l: &Localizer, record: &Record) -> SearchRecord {
    let mut text = Text::default();
    text.opt(l, &record.summary);
    let body = record
        .body
        .get(l.lang)
        .or_else(|| record.body.get(l.default_lang()));
    if let Some(md) = body {
        text.push(&markdown::to_text(md));
    }
    field_text(site, l, record, &mut text);
    for (tax, terms) in &record.facets {
        if let Some(taxonomy) = site.taxonomies.get(*tax) {
            for t in terms {
                text.push(&l.term_label(taxonomy, t).text);
            }
        }
    }
    let mut entry = entry(
        l,
        record,
        &l.text(&record.title).text,
        text,
        record.id.kind.dir(),
    );
    if let Details::Equipment(e) = &record.details {
        // The equipment finder filters by owner, and every result shows how to book and on what terms.
        if let Some(owner) = site.get(&e.owner.id()) {
            entry.filters.insert(
                html(&l.ui("field.owner")),
                vec![html(&l.text(&owner.title).text)],
            );
        }
        if let (true, Some(b)) = (e.open && !e.retired, &e.booking) {
            entry.meta.insert(l.ui("field.booking"), b.clone());
        }
        if let Some(c) = &e.conditions {
            entry
                .meta
                .insert(l.ui("field.conditions"), shorten(&l.text(c).text, 120));
        }
    }
    entry
}

/// The text of every field that is not the title, summary, body or a facet.
fn field_text(site: &Site, l: &Localizer, record: &Record, text: &mut Text) {
    let name_of = |r: &crate::content::model::Ref| site.get(&r.id()).map(|t| l.text(&t.title).text);
    match &record.details {
        Details::Company(c) => {
            for p in &c.products {
                text.add(l, &p.name);
                text.opt(l, &p.summary);
            }
            c.services.iter().for_each(|s| text.add(l, s));
            text.opt(l, &c.contact.address);
            if let Some(n) = c.incubator.as_ref().and_then(name_of) {
                text.push(&n);
            }
        }
        Details::Institution(i) => text.opt(l, &i.contact.address),
        Details::ResearchTheme(t) => {
            if let Some(n) = name_of(&t.institution) {
                text.push(&n);
            }
            if let Some(r) = &t.researcher {
                text.add(l, &r.name);
                text.opt(l, &r.position);
                text.opt(l, &r.department);
            }
        }
        Details::Equipment(e) => {
            if let Some(n) = name_of(&e.owner) {
                text.push(&n);
            }
            for s in [&e.maker, &e.model].into_iter().flatten() {
                text.push(s);
            }
            for s in &e.specs {
                text.push(&format!(
                    "{}: {}",
                    l.text(&s.label).text,
                    l.text(&s.value).text
                ));
            }
            for v in [
                &e.conditions,
                &e.fee,
                &e.building,
                &e.room,
                &e.address,
                &e.contact_name,
            ] {
                text.opt(l, v);
            }
        }
        Details::Coordinator(_) | Details::Page(_) => {}
        Details::Notice(n) => {
            text.opt(l, &n.location);
            if let Some(o) = n.organizer.as_ref().and_then(name_of) {
                text.push(&o);
            }
        }
        Details::SuccessStory(s) => {
            text.opt(l, &s.outcome);
            s.press.iter().for_each(|p| text.add(l, &p.title));
            for r in &s.partners {
                if let Some(n) = name_of(r) {
                    text.push(&n);
                }
            }
        }
    }
}

/// A search record with the meta, filters and sort every entry has.
fn entry(l: &Localizer, record: &Record, title: &str, text: Text, kind: &str) -> SearchRecord {
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), title.to_string());
    meta.insert(l.ui("search.kind"), l.ui(&format!("kind_one.{kind}")));
    let forms = hangul::index_forms(&format!("{title}\n{}", text.0));
    if !forms.is_empty() {
        meta.insert(HIDDEN_FORMS.to_string(), forms);
    }
    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    filters.insert(
        html(&l.ui("search.kind")),
        vec![html(&l.ui(&format!("kind_one.{kind}")))],
    );
    for (tax, terms) in &record.facets {
        if let Some(taxonomy) = l.site.taxonomies.get(*tax) {
            let name = html(&l.taxonomy_label(taxonomy).text);
            let values = filters.entry(name).or_default();
            values.extend(terms.iter().map(|t| html(&l.term_label(taxonomy, t).text)));
            values.sort();
            values.dedup();
        }
    }
    let mut sort = BTreeMap::new();
    sort.insert("name".to_string(), sort_key(title));
    SearchRecord {
        url: record_path(record, l.lang),
        language: l.lang.to_string(),
        // The title is searched (and weighted) through its meta field; leaving it out
        // of the content keeps it from being repeated in every excerpt.
        content: text.0,
        meta,
        filters,
        sort,
    }
}

/// Files of the Pagefind bundle that the site serves; the other UIs are left out.
fn wanted(path: &std::path::Path) -> bool {
    let name = path.to_string_lossy();
    !(name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("playground")
        || name.starts_with("pagefind-highlight"))
}

/// Build the search bundle for every language.
///
/// Each language gets its own Pagefind index, built on a thread of its own: a
/// Pagefind index adds records one at a time and compresses its files on one
/// thread, so this is what lets the languages use more than one core. The
/// indexes share nothing (every file but the entry list is named by its
/// language), so the bundle is the union of their files with the entry lists
/// merged: the same files that one index of all languages writes.
pub fn index(site: &Site, theme: &Theme, indexing: &Stage) -> Result<Vec<OutputFile>> {
    let bundles: Vec<Result<Vec<pagefind::api::SyntheticFile>>> = std::thread::scope(|s| {
        let threads: Vec<_> = site
            .languages()
            .iter()
            .map(|lang| {
                s.spawn(move || {
                    let records = search_records(site, theme, lang);
                    // Every language has as many search records.
                    indexing.set_total(records.len() * site.languages().len());
                    index_language(records, site.config.search_fragment_files, indexing)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("the search indexer panicked")))
            })
            .collect()
    });
    let mut files: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    let mut entries = Vec::new();
    for bundle in bundles {
        for f in bundle? {
            if f.filename == std::path::Path::new(ENTRY) {
                entries.push(f.contents);
            } else if wanted(&f.filename) {
                files.entry(f.filename).or_insert(f.contents);
            }
        }
    }
    files.insert(PathBuf::from(ENTRY), merge_entries(&entries)?);
    Ok(files
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path: PathBuf::from(BUNDLE_DIR).join(path),
            bytes,
        })
        .collect())
}

/// The bundle's list of languages, with each language's index file and page count.
const ENTRY: &str = "pagefind-entry.json";

/// One index of the records of one language, with at most `fragment_files`
/// result files if given.
fn index_language(
    records: Vec<SearchRecord>,
    fragment_files: Option<u32>,
    indexing: &Stage,
) -> Result<Vec<pagefind::api::SyntheticFile>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the search indexer")?;
    runtime.block_on(async move {
        let builder = pagefind::options::PagefindServiceConfig::builder;
        let config = match fragment_files {
            Some(n) => builder().max_fragments(n).build(),
            None => builder().build(),
        };
        let mut index = pagefind::api::PagefindIndex::new(Some(config))?;
        for r in records {
            index
                .add_custom_record(
                    r.url,
                    r.content,
                    r.language,
                    Some(r.meta),
                    Some(r.filters),
                    Some(r.sort),
                )
                .await?;
            indexing.add(1);
        }
        index.get_files().await
    })
}

/// One entry list naming every language, from the entry lists of the per-language indexes.
fn merge_entries(entries: &[Vec<u8>]) -> Result<Vec<u8>> {
    let mut merged: Option<serde_json::Value> = None;
    for entry in entries {
        let entry: serde_json::Value =
            serde_json::from_slice(entry).context("Pagefind wrote an unreadable entry list")?;
        let Some(base) = merged.as_mut() else {
            merged = Some(entry);
            continue;
        };
        let languages = entry
            .get("languages")
            .and_then(|l| l.as_object())
            .context("Pagefind's entry list has no languages")?;
        base.get_mut("languages")
            .and_then(|l| l.as_object_mut())
            .context("Pagefind's entry list has no languages")?
            .extend(languages.clone());
    }
    let merged = merged.context("no language was indexed")?;
    Ok(serde_json::to_vec(&merged)?)
}
