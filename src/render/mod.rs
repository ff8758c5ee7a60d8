//! Render: every page of every language, from the [`Site`] and the theme's
//! templates, in parallel. Produces files in memory; writing is another stage,
//! and the files that are not pages (search index, feeds, open data, sitemap)
//! are published beside this stage, from the same `Site`.
//!
//! [`routes`] says which pages there are and where each goes, [`index`] orders
//! the records once per language, [`context`] is what one page is rendered
//! with, and [`page`] renders one: record pages from [`record`], [`details`],
//! [`facts`] and [`media`], lists from [`lists`], the home page from [`home`],
//! cards from [`cards`], all as the template values of [`view`].

pub mod cards;
pub mod context;
pub mod details;
pub mod facts;
pub mod home;
pub mod images;
pub mod index;
pub mod jsonld;
pub mod lists;
pub mod media;
pub mod page;
pub mod record;
pub mod root;
pub mod routes;
pub mod staff;
pub mod view;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::content::model::{Kind, RecordId};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::progress::Stage;
use crate::site::paths::{Address, OutputFile};
use crate::site::Site;
use crate::theme::{template_error, Theme};

use context::PageCtx;
use index::{build_index, Index as SiteIndex};
use routes::{jobs, route, Job};

/// Which pages to render.
pub enum Affected<'a> {
    All,
    /// The pages that show these records: their own pages (and aliases), the
    /// records linked to them, the lists of their kinds, the home page and
    /// the pages of these terms.
    Records {
        ids: &'a [RecordId],
        terms: &'a [(String, String)],
        /// The records kept their titles and terms, so lists kept their order:
        /// only the list and term pages that show them need rendering.
        in_place: bool,
    },
}

/// Every page; each rendered page is counted in `rendering`.
pub fn render(
    site: &Site,
    theme: &Theme,
    problems: &Diagnostics,
    rendering: &Stage,
) -> Vec<OutputFile> {
    render_affected(site, theme, &Affected::All, problems, rendering)
}

pub fn render_affected(
    site: &Site,
    theme: &Theme,
    affected: &Affected,
    problems: &Diagnostics,
    rendering: &Stage,
) -> Vec<OutputFile> {
    let index = build_index(site);
    let mut jobs = jobs(site, &index);
    if let Affected::Records {
        ids,
        terms,
        in_place,
    } = affected
    {
        let shown = neighbours(site, ids);
        let own: Vec<usize> = ids.iter().filter_map(|id| site.index_of(id)).collect();
        let size = site.config.page_size;
        // The page (1-based) a list shows one of the records on, in any language.
        let on_page = |list: Option<&Vec<usize>>, page: usize| {
            list.is_some_and(|l| {
                l.iter()
                    .enumerate()
                    .any(|(pos, i)| own.contains(i) && pos / size + 1 == page)
            })
        };
        let langs = site.languages();
        jobs.retain(|job| match job {
            Job::Home => true,
            Job::Search | Job::NotFound => false,
            Job::Archive(_) => ids.iter().any(|id| id.kind == Kind::Notices),
            Job::Report(_) => ids.iter().any(|id| id.kind == Kind::Kartes),
            Job::List(kind, p) => {
                ids.iter().any(|id| id.kind == *kind)
                    && (!in_place
                        || langs
                            .iter()
                            .any(|l| on_page(index.sorted.get(&(l.clone(), *kind)), *p)))
            }
            Job::Record(i) | Job::Alias(i, _) => shown.contains(i),
            Job::Taxonomy(t) => !in_place && terms.iter().any(|(tax, _)| tax == t),
            Job::Term(t, k, p) => {
                terms.iter().any(|(tax, key)| tax == t && key == k)
                    && (!in_place
                        || langs.iter().any(|l| {
                            on_page(index.by_term.get(&(l.clone(), t.clone(), k.clone())), *p)
                        }))
            }
        });
    }
    let full = matches!(affected, Affected::All);
    let per_lang = per_language(site, &jobs);
    rendering.set_total(per_lang.len());
    let mut files = render_some(site, theme, &index, &per_lang, problems, rendering);
    if full {
        files.extend(site_files(site, theme, &index, problems));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Every page, `batch` at a time: each batch is handed to `emit` (which
/// writes it) before the next is rendered, so that a large site's pages are
/// never all in memory at once.
pub fn render_in_batches(
    site: &Site,
    theme: &Theme,
    problems: &Diagnostics,
    rendering: &Stage,
    batch: usize,
    mut emit: impl FnMut(Vec<OutputFile>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let index = build_index(site);
    let jobs = jobs(site, &index);
    let per_lang = per_language(site, &jobs);
    rendering.set_total(per_lang.len());
    for some in per_lang.chunks(batch.max(1)) {
        emit(render_some(site, theme, &index, some, problems, rendering))?;
    }
    emit(site_files(site, theme, &index, problems))
}

/// Every job in every language.
fn per_language<'a>(site: &'a Site, jobs: &'a [Job]) -> Vec<(&'a String, &'a Job)> {
    site.languages()
        .iter()
        .flat_map(|l| jobs.iter().map(move |j| (l, j)))
        .collect()
}

/// The root pages and the theme's static files.
fn site_files(
    site: &Site,
    theme: &Theme,
    index: &SiteIndex,
    problems: &Diagnostics,
) -> Vec<OutputFile> {
    let mut files = root::root_pages(site, theme, index, problems);
    files.extend(theme.static_files.iter().map(|(p, b)| OutputFile {
        path: PathBuf::from("static").join(p),
        bytes: b.clone(),
    }));
    files
}

/// The pages of `jobs`, on every core; a page that fails is reported and left out.
fn render_some(
    site: &Site,
    theme: &Theme,
    index: &SiteIndex,
    jobs: &[(&String, &Job)],
    problems: &Diagnostics,
    rendering: &Stage,
) -> Vec<OutputFile> {
    jobs.par_iter()
        .filter_map(|(lang, job)| {
            let ctx = PageCtx {
                site,
                theme,
                index,
                lang,
            };
            let page = ctx.render(job);
            rendering.add(1);
            match page {
                Ok(file) => Some(file),
                Err(e) => {
                    let msg = format!(
                        "rendering {} failed: {}",
                        route(site, job, lang),
                        template_error(&e)
                    );
                    problems.push(Diagnostic::error(
                        "render-failed",
                        Location::file("themes"),
                        msg,
                    ));
                    None
                }
            }
        })
        .collect()
}

/// Every page worth finding (not redirects, the search page or 404s), in every
/// language: what the sitemap lists.
pub fn addresses(site: &Site) -> Vec<Address> {
    jobs(site, &build_index(site))
        .iter()
        .filter(|j| !matches!(j, Job::NotFound | Job::Alias(..) | Job::Search))
        .map(|job| Address {
            paths: site
                .languages()
                .iter()
                .map(|l| route(site, job, l))
                .collect(),
            lastmod: match job {
                Job::Record(i) => site.records[*i].updated.clone(),
                _ => None,
            },
        })
        .collect()
}

/// Indices of the records `ids` and of every record linked to them either way.
fn neighbours(site: &Site, ids: &[RecordId]) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        let Some(record) = site.get(id) else { continue };
        out.extend(site.index_of(id));
        out.extend(site.linked(record));
    }
    out.sort_unstable();
    out.dedup();
    out
}
