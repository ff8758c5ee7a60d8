//! Per-language orderings of the records, computed once per render and shared by all pages.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::content::model::Kind;
use crate::site::Site;
use crate::text::collate::{initial, sort_key};

/// Per-language orderings computed once and shared by all pages.
pub struct Index {
    /// Record indices of each kind, in the language's order; for notices, the
    /// current ones, soonest first.
    pub(super) sorted: HashMap<(String, Kind), Vec<usize>>,
    /// Past notices, newest first (the same in every language).
    pub(super) archive: Vec<usize>,
    /// Record indices under each term, grouped by kind then in the language's order.
    pub(super) by_term: HashMap<(String, String, String), Vec<usize>>,
    /// The initial each record's title is listed under, per language.
    /// Each record's initial (for the lists' index by initial), by language.
    pub(super) initials: HashMap<String, Vec<String>>,
    /// What every page of a list shows alike (its facet counts, its index by
    /// initial), worked out by the list's first page and reused by the others:
    /// recounting it on each page made a list's pages cost the square of its length.
    pub(super) per_list: Memo,
}

/// Values computed once and shared by the pages rendered on every core, by key.
#[derive(Default)]
pub struct Memo(Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>);

impl Memo {
    /// The value stored under `key`, made by `make` the first time. Two pages
    /// asking at once may both make it; they make the same value.
    pub(super) fn get<T: Any + Send + Sync>(
        &self,
        key: String,
        make: impl FnOnce() -> T,
    ) -> Arc<T> {
        let stored = self.lock().get(&key).cloned();
        if let Some(value) = stored.and_then(|v| v.downcast::<T>().ok()) {
            return value;
        }
        let value = Arc::new(make());
        self.lock().insert(key, value.clone());
        value
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<dyn Any + Send + Sync>>> {
        // A page that panicked left the map whole: each insert is one call.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(super) fn build_index(site: &Site) -> Index {
    let mut sorted = HashMap::new();
    let mut by_term: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    let mut initials = HashMap::new();
    for lang in site.languages() {
        let default = site.config.default_lang();
        let keys: Vec<String> = site
            .records
            .iter()
            .map(|r| sort_key(r.title.get(lang, default).text))
            .collect();
        initials.insert(lang.clone(), keys.iter().map(|k| initial(k)).collect());
        let mut order: Vec<usize> = (0..site.records.len()).collect();
        order.sort_by(|&a, &b| {
            (site.records[a].id.kind, &keys[a], &site.records[a].id.slug).cmp(&(
                site.records[b].id.kind,
                &keys[b],
                &site.records[b].id.slug,
            ))
        });
        for kind in site.all_kinds() {
            let mut of_kind: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| site.records[i].id.kind == kind)
                .collect();
            if kind == Kind::Notices {
                of_kind.retain(|&i| notice(site, i).is_some_and(|n| n.is_current(&site.today)));
                of_kind.sort_by_key(|&i| notice(site, i).map(|n| n.date.clone()));
            }
            if kind == Kind::Kartes {
                // Visit reports are read newest first.
                of_kind.sort_by_key(|&i| std::cmp::Reverse(visit_date(site, i)));
            }
            sorted.insert((lang.clone(), kind), of_kind);
        }
        for &i in &order {
            // Term pages list the directory; kartes are listed and searched on
            // their own pages (thousands of them would bury the records).
            let karte = site.records[i].id.kind == Kind::Kartes;
            for (tax, terms) in &site.records[i].facets {
                if karte && *tax != "karte-status" {
                    continue;
                }
                for term in terms {
                    by_term
                        .entry((lang.clone(), tax.to_string(), term.clone()))
                        .or_default()
                        .push(i);
                }
            }
        }
    }
    let mut archive: Vec<usize> = (0..site.records.len())
        .filter(|&i| notice(site, i).is_some_and(|n| !n.is_current(&site.today)))
        .collect();
    archive.sort_by_key(|&i| std::cmp::Reverse(notice(site, i).map(|n| n.date.clone())));
    Index {
        sorted,
        archive,
        by_term,
        initials,
        per_list: Memo::default(),
    }
}

pub fn notice(site: &Site, i: usize) -> Option<&crate::content::model::Notice> {
    match &site.records[i].details {
        crate::content::model::Details::Notice(n) => Some(n),
        _ => None,
    }
}

fn visit_date(site: &Site, i: usize) -> Option<&str> {
    match &site.records[i].details {
        crate::content::model::Details::Karte(k) => Some(k.date.as_str()),
        _ => None,
    }
}
