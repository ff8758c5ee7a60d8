//! What the search index and the search page agree on: where the bundle is,
//! which meta field holds the hidden Korean forms, and the localized names of
//! the filters, so that a preset in the page's address matches the index.

use crate::content::kinds::facet_fields;
use crate::content::model::{Details, Kind};

use super::localize::Localizer;
use super::Site;

/// The folder the bundle is written to, under the output root.
pub const BUNDLE_DIR: &str = "pagefind";

/// At most this many search records in one part of a language's index, unless
/// site.yaml (`search_part_records`) or `build --search-part-records` says
/// otherwise. Pagefind holds every record of an index in memory until it writes
/// the index (about 100 KB a Korean record with its syllable forms); parts are
/// built one after another (`--jobs` at a time) and freed, so this bounds the
/// build's memory. A site below it has one index per language, as before.
pub const DEFAULT_PART_RECORDS: usize = 3000;

/// How many search records a language has: one per record in that language, one per product.
pub fn search_record_count(site: &Site, lang: &str) -> usize {
    site.records
        .iter()
        .filter(|r| searched_in(r, lang))
        .map(|r| match &r.details {
            Details::Company(c) => 1 + c.products.len(),
            _ => 1,
        })
        .sum()
}

/// Whether a record is searched for in `lang`. A karte is searched for in the
/// languages it is written in: staff find a Korean report in Korean, and twenty
/// thousand reports indexed again in each other language would double the
/// index's memory.
pub fn searched_in(record: &crate::content::model::Record, lang: &str) -> bool {
    record.id.kind != Kind::Kartes || record.body.contains_key(lang)
}

/// How many search records each part of `lang`'s index holds, one entry per
/// part: at most `search_part_records` each, dealt out one by one (`split` in
/// src/publish/search.rs). The search page weighs each part's scores by these.
pub fn part_sizes(site: &Site, lang: &str) -> Vec<usize> {
    let size = site
        .config
        .search_part_records
        .unwrap_or(DEFAULT_PART_RECORDS)
        .max(1);
    let total = search_record_count(site, lang);
    let parts = total.div_ceil(size).max(1);
    (0..parts)
        .map(|k| (total + parts - 1 - k) / parts)
        .collect()
}

/// Whether some language's index is in more than one part. An index in one part
/// per language is small enough to build beside the pages, as it was before parts.
pub fn index_is_split(site: &Site) -> bool {
    site.languages()
        .iter()
        .any(|l| part_sizes(site, l).len() > 1)
}

/// The Pagefind language of part `part` of `lang`'s index. Part 0 is the
/// language itself; the others are private-use tags (`ko-x-p1`), which keep
/// their language's stemming and word segmentation and name each result by its
/// part (its id starts `ko-x-p1_`), which the search page needs to weigh each
/// part's scores as the whole index would.
pub fn part_language(lang: &str, part: usize) -> String {
    match part {
        0 => lang.to_string(),
        k => format!("{lang}-x-p{k}"),
    }
}

/// The folder of part `part` under the bundle: part 0 is the bundle itself
/// (with Pagefind's scripts and WebAssembly, which every part shares), part k `pk/`.
pub fn part_dir(part: usize) -> String {
    match part {
        0 => String::new(),
        k => format!("p{k}/"),
    }
}

/// The meta key holding Korean syllable forms; the search page drops it from results.
/// (The forms now live in the hidden part of the content; no record has this key.)
pub const HIDDEN_FORMS: &str = "_forms";

/// The hidden meta field with a record's name as search matches it: the
/// syllable forms of its name and its names in the site's other languages. The
/// search page gives it the weight Pagefind gives a title (`metaWeights`), so
/// a Korean or cross-language name match ranks like a title match.
pub const HIDDEN_NAME: &str = "_name";

/// Separates what a result shows from what only search sees. The content of a
/// search record is the record's text, this token, then the hidden part: the
/// name, its syllable and initial-consonant forms, the forms of the text, and
/// the names and term labels in the other languages. The search page builds
/// excerpts from the part before it only. (U+2063, invisible, never in content.)
pub const HIDDEN_START: char = '\u{2063}';

/// The words that ask for a kind of record in a query (`search.kind_words` in
/// the theme's strings: 업체 for companies), by the kind's folder name, in lower case.
pub fn kind_words(l: &Localizer) -> serde_json::Value {
    let words = |k: &Kind| l.ui_opt(&format!("search.kind_words.{}", k.dir()));
    let kinds: serde_json::Map<String, serde_json::Value> = (l.site.all_kinds().iter())
        .filter_map(|k| Some((k.dir().to_string(), words(k)?)))
        .map(|(k, w)| (k, w.split_whitespace().map(str::to_lowercase).collect()))
        .collect();
    kinds.into()
}

/// What the search page needs to preset filters from a URL such as
/// `?technologies=laser-processing`: each facet's localized filter name and term labels.
pub fn filter_names(l: &Localizer) -> serde_json::Value {
    let site = l.site;
    let mut out = serde_json::Map::new();
    let kinds: serde_json::Map<String, serde_json::Value> = site
        .all_kinds()
        .iter()
        .map(|k| k.dir())
        .chain(["product"])
        .map(|k| (k.to_string(), html(&l.ui(&format!("kind_one.{k}"))).into()))
        .collect();
    out.insert(
        "kind".into(),
        serde_json::json!({ "name": html(&l.ui("search.kind")), "terms": kinds }),
    );
    let used: std::collections::BTreeSet<&str> = site
        .all_kinds()
        .iter()
        .flat_map(|k| facet_fields(*k).iter().map(|(_, t)| *t))
        .collect();
    for (id, taxonomy) in site
        .taxonomies
        .iter()
        .filter(|(id, _)| used.contains(id.as_str()))
    {
        let terms: serde_json::Map<String, serde_json::Value> = taxonomy
            .terms
            .iter()
            .map(|t| {
                (
                    t.key.clone(),
                    html(&l.term_label(taxonomy, &t.key).text).into(),
                )
            })
            .collect();
        out.insert(
            id.clone(),
            serde_json::json!({ "name": html(&l.taxonomy_label(taxonomy).text), "terms": terms }),
        );
    }
    let owners: serde_json::Map<String, serde_json::Value> = site
        .of_kind(Kind::Equipment)
        .filter_map(|r| match &r.details {
            Details::Equipment(e) => site.get(&e.owner.id()),
            _ => None,
        })
        .map(|o| (o.id.slug.clone(), html(&l.text(&o.title).text).into()))
        .collect();
    out.insert(
        "owner".into(),
        serde_json::json!({ "name": html(&l.ui("field.owner")), "terms": owners }),
    );
    if site.staff {
        karte_filter_names(l, &mut out);
    }
    serde_json::Value::Object(out)
}

/// The karte finder's `coordinator` and `year` presets (staff edition only).
fn karte_filter_names(l: &Localizer, out: &mut serde_json::Map<String, serde_json::Value>) {
    let finder = l.site.karte_finder(l.site.of_kind(Kind::Kartes));
    let coordinators: serde_json::Map<_, _> = (finder.coordinators.into_iter())
        .map(|(slug, (c, _))| (slug.into(), html(&l.text(&c.title).text).into()))
        .collect();
    let years: serde_json::Map<_, _> = (finder.years.into_keys())
        .map(|y| (y.into(), y.into()))
        .collect();
    out.insert(
        "coordinator".into(),
        serde_json::json!({ "name": html(&l.ui("field.coordinator")), "terms": coordinators }),
    );
    out.insert(
        "year".into(),
        serde_json::json!({ "name": html(&l.ui("field.year")), "terms": years }),
    );
}

/// A filter name or value as Pagefind's UI needs it: that UI shows them as HTML
/// (`innerHTML`), so a taxonomy label or an owner's name from content would run
/// as markup. Escaped, it shows as the text it is. The search page's presets
/// (`filter_names`) use the same form, so that they match.
pub fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
