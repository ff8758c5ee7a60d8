//! Which pages a site has and where each goes: one job per page, its path in every language.

use std::path::PathBuf;

use crate::content::model::Kind;
use crate::site::paths::{record_path, slug_path};
use crate::site::Site;

use super::index::Index;
use super::staff::Report;

/// One page to render; `route` gives its path in any language.
#[derive(Debug, Clone)]
pub(super) enum Job {
    Home,
    Search,
    List(Kind, usize),
    /// Past notices, newest first.
    Archive(usize),
    Record(usize),
    Taxonomy(String),
    Term(String, String, usize),
    NotFound,
    Alias(usize, String),
    /// A staff edition report.
    Report(Report),
}

pub(super) fn jobs(site: &Site, index: &Index) -> Vec<Job> {
    let lang = site.config.default_lang().to_string();
    let size = site.config.page_size;
    let mut jobs = vec![Job::Home, Job::Search, Job::NotFound];
    for kind in site.listed_kinds() {
        let n = index.sorted[&(lang.clone(), kind)].len();
        jobs.extend((1..=pages(n, size)).map(|p| Job::List(kind, p)));
    }
    jobs.extend((1..=pages(index.archive.len(), size)).map(Job::Archive));
    if site.staff {
        jobs.extend(Report::ALL.map(Job::Report));
    }
    for (i, record) in site.records.iter().enumerate() {
        jobs.push(Job::Record(i));
        jobs.extend(record.aliases.iter().map(|a| Job::Alias(i, a.clone())));
    }
    for (id, tax) in &site.taxonomies {
        jobs.push(Job::Taxonomy(id.clone()));
        for term in &tax.terms {
            let n = index
                .by_term
                .get(&(lang.clone(), id.clone(), term.key.clone()))
                .map_or(0, Vec::len);
            jobs.extend((1..=pages(n, size)).map(|p| Job::Term(id.clone(), term.key.clone(), p)));
        }
    }
    jobs
}

pub(super) fn pages(n: usize, size: usize) -> usize {
    n.div_ceil(size).max(1)
}

/// The page's path under the output folder, ending in `/` for directory pages.
pub(super) fn route(site: &Site, job: &Job, lang: &str) -> String {
    let paged = |base: String, p: usize| {
        if p > 1 {
            format!("{base}page/{p}/")
        } else {
            base
        }
    };
    match job {
        Job::Home => format!("{lang}/"),
        Job::Search => format!("{lang}/search/"),
        Job::List(kind, p) => paged(format!("{lang}/{}/", kind.dir()), *p),
        Job::Archive(p) => paged(format!("{lang}/notices/archive/"), *p),
        Job::Record(i) => record_path(&site.records[*i], lang),
        Job::Taxonomy(t) => format!("{lang}/{t}/"),
        Job::Term(t, k, p) => paged(format!("{lang}/{t}/{k}/"), *p),
        Job::NotFound => format!("{lang}/404.html"),
        Job::Alias(i, alias) => slug_path(site.records[*i].id.kind, alias, lang),
        Job::Report(r) => format!("{lang}/{}/{}/", Kind::Kartes.dir(), r.slug()),
    }
}

pub(super) fn output_path(route: &str) -> PathBuf {
    if route.ends_with('/') {
        PathBuf::from(format!("{route}index.html"))
    } else {
        PathBuf::from(route)
    }
}
