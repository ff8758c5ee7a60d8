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
use std::sync::{Mutex, OnceLock};

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::content::markdown;
use crate::content::model::{Details, Kind, Localized, Record};
use crate::progress::Stage;
use crate::site::localize::{shorten, Localizer};
use crate::site::paths::{record_path, OutputFile};
use crate::site::search_names::{
    html, part_dir, part_language, part_sizes, searched_in, BUNDLE_DIR, HIDDEN_NAME, HIDDEN_START,
};
use crate::site::Site;
use crate::text::collate::sort_key;
use crate::text::hangul;
use crate::text::mentions::Mentions;
use crate::theme::Theme;

/// Pagefind weights of the parts of a record (`data-pagefind-weight`, which a
/// custom record's content takes as marker words): the name, then summary,
/// products, services and term labels, then the body at 1.
pub const WEIGHT_NAME: u8 = 10;
pub const WEIGHT_MID: u8 = 3;

/// How many occurrences of one syllable form count in the summary, products,
/// services and term labels (in the body, one: every further one would cost
/// index bytes at every record, and term saturation makes them matter little).
pub const FORM_CAP: usize = 2;

/// Kinds whose names also get initial-consonant forms (`ㄷㅊㅋㅇ` for 다치카와).
const INITIALS_KINDS: &[&str] = &["companies", "institutions", "coordinators", "equipment"];

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
    let localizers = || {
        let l = Localizer::new(site, lang, &theme.strings[lang]);
        let others: Vec<Localizer> = (site.languages().iter())
            .filter(|o| o.as_str() != lang)
            .map(|o| Localizer::new(site, o, &theme.strings[o]))
            .collect();
        (l, others)
    };
    let searched = |r: &&Record| searched_in(r, lang);
    // An index in one part is built beside the pages, whose rendering keeps
    // every worker of the pool busy: made on the indexer's own thread, a small
    // site's records are ready at once instead of after the pages (0.59 s
    // against 0.63 s for the sample, side by side; docs/PERFORMANCE.md).
    if !crate::site::search_names::index_is_split(site) {
        let (l, others) = localizers();
        return (site.records.iter().filter(searched))
            .flat_map(|record| record_entries(site, &l, &others, record))
            .collect();
    }
    // On every core: the Korean forms make this seconds at 10,000 records.
    let entries: Vec<Vec<SearchRecord>> = (site.records.par_iter())
        .filter(searched)
        .map_init(localizers, |(l, others), record| {
            record_entries(site, l, others, record)
        })
        .collect();
    entries.into_iter().flatten().collect()
}

/// A record's search record, then one for each of its products.
fn record_entries(
    site: &Site,
    l: &Localizer,
    others: &[Localizer],
    record: &Record,
) -> Vec<SearchRecord> {
    let mut out = vec![record_entry(site, l, others, record)];
    if let Details::Company(c) = &record.details {
        for p in &c.products {
            let company = l.text(&record.title).text;
            let mut text = Text {
                weight: WEIGHT_MID,
                ..Text::default()
            };
            text.opt(l, &p.summary);
            text.weight = 1;
            text.push(&company);
            let hidden = Hidden {
                names: other_texts(others, &p.name),
                labels: Vec::new(),
                also: Vec::new(),
                initials: false,
            };
            let mut entry = entry(l, record, &l.text(&p.name).text, text, hidden, "product");
            entry.url.push_str(&format!("#{}", p.anchor));
            entry.meta.insert(l.ui("search.company"), company);
            out.push(entry);
        }
    }
    out
}

/// Text gathered for the index, in reading order, each part with its weight.
struct Text {
    parts: Vec<(u8, String)>,
    /// The weight of what is pushed next.
    weight: u8,
}

impl Default for Text {
    fn default() -> Self {
        Text {
            parts: Vec::new(),
            weight: 1,
        }
    }
}

/// What only search sees of a record, besides its own name and the forms of its text.
struct Hidden {
    /// The record's names in the site's other languages.
    names: Vec<String>,
    /// Its term labels in the site's other languages.
    labels: Vec<String>,
    /// What a visitor may type for its terms (`search.also` in the theme's
    /// strings): 대여 and rent for equipment open to outside users.
    also: Vec<String>,
    /// Whether its name gets initial-consonant forms.
    initials: bool,
}

/// How many times more than once a term's search words may stand in a record.
const PROMINENCE_CAP: usize = 2;

/// How much a record is about one of its terms: how often its own name and
/// text write the term's label (or a part of it in brackets or between
/// middle dots) or one of its search words, at most `PROMINENCE_CAP`. A
/// record found by a term's search words alone (`NDT` for 비파괴검사, 몰드 for
/// 금형제작) has nothing else to rank by: every record filed under the term
/// tied, and they came by name, a success story that merely used an X-ray CT
/// before the welding company that does inspection. Each gets the words once
/// more per mention, as if its text had written them where it writes the term.
fn prominence(own: &Mentions, label: &str, also: &str) -> usize {
    let parts = label.split(['(', ')', '·', '/', ',']);
    let count: usize = (parts.chain(also.split_whitespace()))
        .map(|name| own.count(name))
        .sum();
    count.min(PROMINENCE_CAP)
}

/// A notice is filed under the topics it touches, for browsing; a company,
/// a theme or a unit under what it is. So a record found by a term alone (a
/// term's search words: 인공지능 for 기계학습) comes before notices filed
/// under the same term, which had tied with it and came first by their names
/// ("2026년도 …" sorts before Hangul).
fn terms_weight(kind: Kind) -> u8 {
    match kind {
        Kind::Notices => 1,
        _ => WEIGHT_MID,
    }
}

/// The texts of `value` in the other languages that differ from each other.
fn other_texts(others: &[Localizer], value: &Localized) -> Vec<String> {
    let mut out: Vec<String> = others.iter().map(|o| o.text(value).text).collect();
    out.sort();
    out.dedup();
    out
}

impl Text {
    fn push(&mut self, s: &str) {
        // Neither the hidden part's separator nor Pagefind's markers may come from content.
        let s = s.trim().replace(HIDDEN_START, " ").replace("___", "__");
        if !s.trim().is_empty() {
            self.parts.push((self.weight, s.trim().to_string()));
        }
    }

    /// Every part, one per line.
    fn all(&self) -> String {
        let parts: Vec<&str> = self.parts.iter().map(|(_, s)| s.as_str()).collect();
        parts.join("\n")
    }

    /// The parts weighted above 1 (`heavy`) or at 1, one per line.
    fn of_weight(&self, heavy: bool) -> String {
        let parts: Vec<&str> = self
            .parts
            .iter()
            .filter(|(w, _)| (*w > 1) == heavy)
            .map(|(_, s)| s.as_str())
            .collect();
        parts.join("\n")
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

fn record_entry(site: &Site, l: &Localizer, others: &[Localizer], record: &Record) -> SearchRecord {
    let mut text = Text {
        weight: WEIGHT_MID,
        ..Text::default()
    };
    text.opt(l, &record.summary);
    text.weight = 1;
    let body = record
        .body
        .get(l.lang)
        .or_else(|| record.body.get(l.default_lang()));
    if let Some(md) = body {
        text.push(&markdown::to_text(md));
    }
    field_text(site, l, record, &mut text);
    let mut labels = Vec::new();
    let mut also = Vec::new();
    // A retired unit is not for rent, whatever its access says.
    let retired = record.is_retired();
    text.weight = terms_weight(record.id.kind);
    // The record's own name and text, read only for a term with search words, and only once.
    let own = std::cell::OnceCell::new();
    let own = || {
        own.get_or_init(|| {
            Mentions::new(&format!("{}\n{}", l.text(&record.title).text, text.all()))
        })
    };
    let mut own_labels = Vec::new();
    for (tax, terms) in &record.facets {
        if let Some(taxonomy) = site.taxonomies.get(*tax) {
            for t in terms {
                let label = l.term_label(taxonomy, t).text;
                labels.extend(others.iter().map(|o| o.term_label(taxonomy, t).text));
                if !retired {
                    let words = l.term_also(taxonomy, t).join(" ");
                    let times = match text.weight {
                        WEIGHT_MID if !words.is_empty() => 1 + prominence(own(), &label, &words),
                        // A notice's terms are topics it touches, not what it is.
                        _ => 1,
                    };
                    also.extend(std::iter::repeat_n(words, times));
                }
                own_labels.push(label);
            }
        }
    }
    // After the loop: the mentions are counted in the text without the labels.
    own_labels.iter().for_each(|label| text.push(label));
    labels.sort();
    labels.dedup();
    let hidden = Hidden {
        names: other_texts(others, &record.title),
        labels,
        also,
        initials: INITIALS_KINDS.contains(&record.id.kind.dir()),
    };
    let mut entry = entry(
        l,
        record,
        &l.text(&record.title).text,
        text,
        hidden,
        record.id.kind.dir(),
    );
    if let Details::Karte(k) = &record.details {
        // The karte finder filters by coordinator and year, as the list page's finder offers.
        let names = site.karte_coordinators(k);
        let names = names.map(|c| html(&l.text(&c.title).text)).collect();
        entry
            .filters
            .insert(html(&l.ui("field.coordinator")), names);
        entry
            .filters
            .insert(html(&l.ui("field.year")), vec![k.year().to_string()]);
        entry.meta.insert(l.ui("field.visit_date"), k.date.clone());
    }
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
            text.weight = WEIGHT_MID;
            for p in &c.products {
                text.add(l, &p.name);
                text.opt(l, &p.summary);
            }
            c.services.iter().for_each(|s| text.add(l, s));
            text.weight = 1;
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
        Details::Karte(k) => {
            text.weight = WEIGHT_MID;
            text.add(l, &k.advice);
            text.opt(l, &k.follow_up);
            text.weight = 1;
            let refs = std::iter::once(&k.company).chain(&k.coordinators);
            for name in refs.filter_map(name_of) {
                text.push(&name);
            }
        }
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
fn entry(
    l: &Localizer,
    record: &Record,
    title: &str,
    text: Text,
    hidden: Hidden,
    kind: &str,
) -> SearchRecord {
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), title.to_string());
    meta.insert(l.ui("search.kind"), l.ui(&format!("kind_one.{kind}")));
    let mut taken = hangul::Taken::default();
    // The name's syllable forms, and its names in the other languages as they
    // are written: found whole or by their start, which is how a visitor types
    // a name from the other language. Their forms too would grow the English
    // index by a fifth (docs/SEARCH.md).
    let mut name = vec![hangul::counted_forms(title, 1, &mut taken)];
    name.extend(hidden.names.iter().filter(|o| *o != title).cloned());
    let name = words(&name);
    if !name.is_empty() {
        meta.insert(HIDDEN_NAME.to_string(), name);
    }
    // The other languages' term labels as their words only: the syllable forms
    // of Korean labels at every record would grow the English index by a third.
    let labels = hidden.labels.clone();
    let initials = if hidden.initials {
        hangul::initial_forms(title)
    } else {
        String::new()
    };
    // Each form counts in the weightiest part it is in: the name, then the
    // summary, products, services and labels, then the body. The name's forms
    // and other-language names are in the hidden name field only (weighed by
    // the page's metaWeights): here as well they cost index bytes and no rank.
    // Words a visitor types for a term count as its label does, found whole
    // and, in Korean, by their forms: as well as the same forms in the
    // summary, not instead (a record that writes 렌즈 in its summary must not
    // count it less than one that is only filed under 광학기기).
    let mut also_taken = taken.clone();
    let mid = hangul::counted_forms(&text.of_weight(true), FORM_CAP, &mut taken);
    let also = words(&hidden.also);
    let also_forms = hangul::counted_forms(&also, 1 + PROMINENCE_CAP, &mut also_taken);
    taken.extend(also_taken);
    let body = hangul::counted_forms(&text.of_weight(false), 1, &mut taken);
    // Its term labels in the other languages and its terms' search words
    // weigh as the labels in its own language do (a product's: its company's).
    let terms = words(&[words(&labels), also, also_forms]);
    let (mid, body) = match terms_weight(record.id.kind) {
        WEIGHT_MID => (words(&[mid, terms]), body),
        _ => (mid, words(&[terms, body])),
    };
    let content = format!(
        "{}\n{HIDDEN_START}\n{}\n{}\n{}",
        weighted(&text.parts),
        weighted(&[(WEIGHT_NAME, words(&[title.to_string(), initials]))]),
        weighted(&[(WEIGHT_MID, mid)]),
        body,
    );
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
        // The title stands in the hidden part only, so that excerpts do not repeat it.
        content,
        meta,
        filters,
        sort,
    }
}

/// Words joined by spaces, the empty ones left out.
fn words(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(" ")
}

/// Parts of text as a custom record's content, each part above weight 1
/// between Pagefind's weight markers (what `data-pagefind-weight` becomes when
/// Pagefind reads HTML); the markers are never part of the content shown.
fn weighted(parts: &[(u8, String)]) -> String {
    let mut out = String::new();
    for (w, s) in parts.iter().filter(|(_, s)| !s.trim().is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        if *w == 1 {
            out.push_str(s);
        } else {
            out.push_str(&format!(
                "___PAGEFIND_WEIGHT___{w} {s} ___END_PAGEFIND_WEIGHT___"
            ));
        }
    }
    out
}

/// Files of the Pagefind bundle that the site serves; the other UIs are left
/// out, and the parts after the first keep only their index: the search page
/// loads Pagefind's scripts and WebAssembly once, from the first.
fn wanted(path: &std::path::Path, part: usize) -> bool {
    let name = path.to_string_lossy();
    if part > 0 {
        return name.ends_with(".pf_meta")
            || ["index", "fragment", "filter"]
                .iter()
                .any(|dir| path.starts_with(dir));
    }
    !(name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("playground")
        || name.starts_with("pagefind-highlight"))
}

/// Build the search bundle for every language.
///
/// A language's search records are split into parts (`part_sizes`, see
/// `split`), each a Pagefind index of its own that the search page merges.
/// Pagefind holds every record of an index in memory until it writes it, so
/// the parts are built `jobs` at a time, each written out and freed before the
/// next starts: the build's memory grows with the part size, not with the
/// site. Part 0 of every language is the bundle's root folder; part k is
/// `pk/`, with an entry list of its own.
pub fn index(site: &Site, theme: &Theme, jobs: usize, indexing: &Stage) -> Result<Vec<OutputFile>> {
    let mut files: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    let mut entries: BTreeMap<usize, Vec<Vec<u8>>> = BTreeMap::new();
    for (part, bundle) in index_parts(site, theme, jobs, indexing)? {
        for f in bundle {
            if f.filename == std::path::Path::new(ENTRY) {
                entries.entry(part).or_default().push(f.contents);
            } else if wanted(&f.filename, part) {
                let path = PathBuf::from(part_dir(part)).join(f.filename);
                files.entry(path).or_insert(f.contents);
            }
        }
    }
    for (part, lists) in entries {
        let path = PathBuf::from(part_dir(part)).join(ENTRY);
        files.insert(path, merge_entries(&lists)?);
    }
    Ok(files
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path: PathBuf::from(BUNDLE_DIR).join(path),
            bytes,
        })
        .collect())
}

/// Results per file of results (Pagefind's fragments) in an index in parts.
const RESULTS_PER_FILE: usize = 4;

/// At most how many result files each part writes: site.yaml's
/// `search_fragment_files` shared among the parts; else, for an index in
/// parts (a large site), `RESULTS_PER_FILE` results to a file, which keeps a
/// 10,000-record site under 50,000 files; else one file per result.
fn fragment_files(site_limit: Option<u32>, sizes: &[usize]) -> Option<u32> {
    let n = sizes.len().max(1);
    match site_limit {
        Some(limit) => Some((limit as usize).div_ceil(n).max(1) as u32),
        None if n > 1 => Some(sizes[0].div_ceil(RESULTS_PER_FILE).max(1) as u32),
        None => None,
    }
}

/// Pagefind's setting for how many word positions one file of its word index
/// holds (20,000 by default; Pagefind reads it from the environment only).
const CHUNK_SIZE_VAR: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/// Smaller word-index files for an index in parts. A query fetches, from every
/// part, its page list (which lists the part's word-index files) and the
/// word-index file holding each query word. Files of Pagefind's size would make
/// a query fetch `parts` times a whole index's file; very small ones make every
/// page list long. A part's files of as many positions as the part has records
/// keep both about even whatever the number of parts (docs/PERFORMANCE.md).
/// The earlier 20,000 / parts (at least 500) made the Korean page lists of a
/// 100,000-record site 76 KB a part, 39 KB of them the list of files.
fn set_chunk_size(parts: usize, largest_part: usize) {
    let wanted = (parts > 1).then(|| largest_part.clamp(500, 20_000).to_string());
    // Written only when it changes. An index in parts is built once the pages
    // are written, so nothing else reads the environment then; a one-part
    // index, built beside the pages, finds it unset and leaves it so (unless
    // an earlier build in this process, under `serve`, was in parts).
    if std::env::var(CHUNK_SIZE_VAR).ok() != wanted {
        match wanted {
            Some(size) => std::env::set_var(CHUNK_SIZE_VAR, size),
            None => std::env::remove_var(CHUNK_SIZE_VAR),
        }
    }
}

/// The records dealt out in name order to `parts` parts, like cards: the
/// record g-th by name goes to part g mod parts. Each part is then an even
/// sample of the site, so a word is about as common in every part and Pagefind's
/// per-part scores (its IDF) stay comparable; names that share a word (the
/// laser companies) do not crowd into one part. A search sorted by name gives
/// each result its place in its part, and Pagefind's merge (by that place, the
/// parts in order where equal) is then the order of the whole.
fn split(mut records: Vec<SearchRecord>, parts: usize) -> Vec<Vec<SearchRecord>> {
    records.sort_by(|a, b| a.sort.get("name").cmp(&b.sort.get("name")));
    let parts = parts.clamp(1, records.len().max(1));
    let mut out: Vec<Vec<SearchRecord>> = (0..parts).map(|_| Vec::new()).collect();
    for (g, r) in records.into_iter().enumerate() {
        let k = g % parts;
        let language = part_language(&r.language, k);
        out[k].push(SearchRecord { language, ..r });
    }
    out
}

/// Index the parts of every language, `jobs` at a time, each on a thread of
/// its own (a Pagefind index adds records and compresses its files on one
/// thread), so that two small languages are indexed at once as two parts are.
/// A language's records are made when its first part is taken and handed out
/// part by part: they are in memory only while its parts are being indexed.
/// Returns each part's files with its number.
fn index_parts(
    site: &Site,
    theme: &Theme,
    jobs: usize,
    indexing: &Stage,
) -> Result<Vec<(usize, Vec<pagefind::api::SyntheticFile>)>> {
    let langs = site.languages();
    let sizes: Vec<Vec<usize>> = langs.iter().map(|l| part_sizes(site, l)).collect();
    indexing.set_total(sizes.iter().flatten().sum());
    let grouped: Vec<Option<u32>> = (sizes.iter())
        .map(|s| fragment_files(site.config.search_fragment_files, s))
        .collect();
    // Pagefind reads the size once per index: every part gets the same.
    set_chunk_size(
        sizes.iter().map(Vec::len).max().unwrap_or(1),
        sizes.iter().flatten().copied().max().unwrap_or(0),
    );
    type Parts = Mutex<Vec<Option<Vec<SearchRecord>>>>;
    let made: Vec<OnceLock<Parts>> = langs.iter().map(|_| OnceLock::new()).collect();
    let take = |li: usize, k: usize| -> Vec<SearchRecord> {
        let parts = made[li].get_or_init(|| {
            let records = search_records(site, theme, &langs[li]);
            Mutex::new(
                split(records, sizes[li].len())
                    .into_iter()
                    .map(Some)
                    .collect(),
            )
        });
        let mut parts = parts.lock().unwrap_or_else(|e| e.into_inner());
        parts.get_mut(k).and_then(Option::take).unwrap_or_default()
    };
    let tasks = sizes
        .iter()
        .enumerate()
        .flat_map(|(li, s)| (0..s.len()).map(move |k| (li, k)));
    let queue = Mutex::new(tasks);
    let next = || queue.lock().ok().and_then(|mut q| q.next());
    let done: Vec<Result<Vec<_>>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs.max(1))
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    while let Some((li, k)) = next() {
                        out.push((k, index_part(take(li, k), grouped[li], indexing)?));
                    }
                    Ok(out)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("the search indexer panicked")))
            })
            .collect()
    });
    let mut out = Vec::new();
    for d in done {
        out.extend(d?);
    }
    Ok(out)
}

/// The bundle's list of languages, with each language's index file and page count.
const ENTRY: &str = "pagefind-entry.json";

/// One index of the records of one part, with at most `fragment_files`
/// result files if given.
fn index_part(
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
