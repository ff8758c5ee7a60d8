//! Render: every page of every language, from the [`Site`] and the theme's
//! templates, in parallel. Produces files in memory; writing is another stage.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::collate::{initial, sort_key};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::kinds::facet_fields;
use crate::model::{Kind, Record, RecordId};
use crate::pages::record_view;
use crate::site::Site;
use crate::theme::{template_error, Theme};
use crate::view::*;

/// A file of the built site, with its path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// One page to render; `route` gives its path in any language.
#[derive(Debug, Clone)]
enum Job {
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
}

/// Per-language orderings computed once and shared by all pages.
pub struct Index {
    /// Record indices of each kind, in the language's order; for notices, the
    /// current ones, soonest first.
    sorted: HashMap<(String, Kind), Vec<usize>>,
    /// Past notices, newest first (the same in every language).
    archive: Vec<usize>,
    /// Record indices under each term, grouped by kind then in the language's order.
    by_term: HashMap<(String, String, String), Vec<usize>>,
    /// The initial each record's title is listed under, per language.
    initials: HashMap<(String, usize), String>,
}

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

pub fn render(site: &Site, theme: &Theme, problems: &Diagnostics) -> Vec<OutputFile> {
    render_affected(site, theme, &Affected::All, problems)
}

pub fn render_affected(
    site: &Site,
    theme: &Theme,
    affected: &Affected,
    problems: &Diagnostics,
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
    let per_lang: Vec<(&String, &Job)> = site
        .languages()
        .iter()
        .flat_map(|l| jobs.iter().map(move |j| (l, j)))
        .collect();
    let mut files: Vec<OutputFile> = per_lang
        .par_iter()
        .filter_map(|(lang, job)| {
            let ctx = PageCtx {
                site,
                theme,
                index: &index,
                lang,
            };
            match ctx.render(job) {
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
        .collect();
    if full {
        files.extend(data_files(site, theme, &index));
        files.extend(crate::sitemap::files(site, &sitemap_entries(site, &index)));
        files.extend(root_pages(site, theme, &index, problems));
        files.extend(theme.static_files.iter().map(|(p, b)| OutputFile {
            path: PathBuf::from("static").join(p),
            bytes: b.clone(),
        }));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Feeds and open data, of the whole site. The preview (`serve`) makes them
/// after an edit together with the search index, not before showing the edit.
pub fn feeds_and_data(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    data_files(site, theme, &build_index(site))
}

fn data_files(site: &Site, theme: &Theme, index: &Index) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for lang in site.languages() {
        let ctx = PageCtx {
            site,
            theme,
            index,
            lang,
        };
        files.extend(crate::feeds::feeds(&ctx));
    }
    files.extend(crate::opendata::export(site));
    files
}

/// Every page worth finding (not redirects, the search page or 404s), in every language.
fn sitemap_entries(site: &Site, index: &Index) -> Vec<crate::sitemap::Entry> {
    jobs(site, index)
        .iter()
        .filter(|j| !matches!(j, Job::NotFound | Job::Alias(..) | Job::Search))
        .map(|job| crate::sitemap::Entry {
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

fn build_index(site: &Site) -> Index {
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
        for (i, key) in keys.iter().enumerate() {
            initials.insert((lang.clone(), i), initial(key));
        }
        let mut order: Vec<usize> = (0..site.records.len()).collect();
        order.sort_by(|&a, &b| {
            (site.records[a].id.kind, &keys[a], &site.records[a].id.slug).cmp(&(
                site.records[b].id.kind,
                &keys[b],
                &site.records[b].id.slug,
            ))
        });
        for kind in Kind::ALL {
            let mut of_kind: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| site.records[i].id.kind == kind)
                .collect();
            if kind == Kind::Notices {
                of_kind.retain(|&i| notice(site, i).is_some_and(|n| n.is_current(&site.today)));
                of_kind.sort_by_key(|&i| notice(site, i).map(|n| n.date.clone()));
            }
            sorted.insert((lang.clone(), kind), of_kind);
        }
        for &i in &order {
            for (tax, terms) in &site.records[i].facets {
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
    }
}

pub fn notice(site: &Site, i: usize) -> Option<&crate::model::Notice> {
    match &site.records[i].details {
        crate::model::Details::Notice(n) => Some(n),
        _ => None,
    }
}

fn jobs(site: &Site, index: &Index) -> Vec<Job> {
    let lang = site.config.default_lang().to_string();
    let size = site.config.page_size;
    let mut jobs = vec![Job::Home, Job::Search, Job::NotFound];
    for kind in Kind::LISTED {
        let n = index.sorted[&(lang.clone(), kind)].len();
        jobs.extend((1..=pages(n, size)).map(|p| Job::List(kind, p)));
    }
    jobs.extend((1..=pages(index.archive.len(), size)).map(Job::Archive));
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

fn pages(n: usize, size: usize) -> usize {
    n.div_ceil(size).max(1)
}

/// The page's path under the output folder, ending in `/` for directory pages.
fn route(site: &Site, job: &Job, lang: &str) -> String {
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
    }
}

pub fn record_path(record: &Record, lang: &str) -> String {
    slug_path(record.id.kind, &record.id.slug, lang)
}

/// Free-form pages live right under the language: `/<lang>/about/`.
fn slug_path(kind: Kind, slug: &str, lang: &str) -> String {
    match kind {
        Kind::Pages => format!("{lang}/{slug}/"),
        _ => format!("{lang}/{}/{slug}/", kind.dir()),
    }
}

fn output_path(route: &str) -> PathBuf {
    if route.ends_with('/') {
        PathBuf::from(format!("{route}index.html"))
    } else {
        PathBuf::from(route)
    }
}

/// Everything one page needs; cheap to make per page.
pub struct PageCtx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub index: &'a Index,
    pub lang: &'a str,
}

impl<'a> PageCtx<'a> {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.site.config.base_path())
    }

    /// The page's address with the site's scheme and host, for feeds, sitemaps and metadata.
    pub fn absolute(&self, path: &str) -> String {
        absolute(&self.site.config.base_url, path)
    }

    pub fn strings(&self) -> &'a serde_json::Value {
        &self.theme.strings[self.lang]
    }

    pub fn localizer(&self) -> Localizer<'a> {
        Localizer::new(self.site, self.lang, self.strings())
    }

    pub fn record_url(&self, record: &Record) -> String {
        self.url(&record_path(record, self.lang))
    }

    pub fn term_url(&self, taxonomy: &str, key: &str) -> String {
        self.url(&format!("{}/{taxonomy}/{key}/", self.lang))
    }

    pub fn term_link(
        &self,
        l: &Localizer,
        taxonomy: &str,
        key: &str,
        count: Option<usize>,
    ) -> Option<TermLink> {
        let tax = self.site.taxonomies.get(taxonomy)?;
        Some(TermLink {
            taxonomy: taxonomy.to_string(),
            key: key.to_string(),
            label: l.term_label(tax, key),
            url: self.term_url(taxonomy, key),
            count,
        })
    }

    pub fn kind_label(&self, l: &Localizer, kind: Kind) -> String {
        l.ui(&format!("kind.{}", kind.dir()))
    }

    /// A record as a card in a list.
    pub fn card(&self, l: &Localizer, i: usize) -> Card {
        let record = &self.site.records[i];
        let initial = self
            .index
            .initials
            .get(&(self.lang.to_string(), i))
            .cloned()
            .unwrap_or_default();
        Card {
            kind: record.id.kind.dir(),
            kind_label: self.kind_label(l, record.id.kind),
            url: self.record_url(record),
            title: l.text(&record.title),
            summary: l.opt(&record.summary),
            meta: crate::pages::card_meta(self, l, record),
            badges: crate::pages::card_badges(record)
                .into_iter()
                .filter_map(|(t, k)| self.term_link(l, t, k, None))
                .collect(),
            initial,
            anchor: None,
            draft: record.draft,
            reason: None,
        }
    }

    fn chrome(&self, l: &Localizer, job: &Job, title: String, section: Option<&str>) -> Chrome {
        let config = &self.site.config;
        let alternates = self
            .site
            .languages()
            .iter()
            .map(|lang| {
                let path = route(self.site, job, lang);
                Alternate {
                    lang: lang.clone(),
                    name: self.theme.strings[lang]
                        .get("language_name")
                        .and_then(|v| v.as_str())
                        .unwrap_or(lang)
                        .to_string(),
                    url: self.url(&path),
                    absolute: absolute(&config.base_url, &path),
                    current: lang == self.lang,
                    og_locale: crate::view::og_locale(lang),
                }
            })
            .collect();
        let mut nav = vec![Link {
            url: self.url(&format!("{}/", self.lang)),
            label: Text::plain(l.ui("nav.home")),
        }];
        nav.extend(Kind::LISTED.iter().map(|k| Link {
            url: self.url(&format!("{}/{}/", self.lang, k.dir())),
            label: Text::plain(self.kind_label(l, *k)),
        }));
        nav.extend(self.menu().into_iter().map(|i| {
            let page = &self.site.records[i];
            Link {
                url: self.record_url(page),
                label: Text::plain(l.text(&page.title).text),
            }
        }));
        let site_title = l.text(&config.title).text;
        let full_title = if title.is_empty() || title == site_title {
            site_title.clone()
        } else {
            format!("{title} · {site_title}")
        };
        let default_lang_name = self.theme.strings[config.default_lang()]
            .get("language_name")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        Chrome {
            lang: self.lang.to_string(),
            site_title,
            site_description: l.opt(&config.description).map(|t| t.text),
            base: config.base_path(),
            title: full_title,
            canonical: absolute(&config.base_url, &route(self.site, job, self.lang)),
            alternates,
            nav,
            current_section: section.map(str::to_string),
            fallback_notice: l.fell_back(),
            default_lang_name,
            edit_url: None,
            description: l.opt(&config.description).map(|t| t.text),
            image: None,
            og_type: "website",
            og_locale: crate::view::og_locale(self.lang),
            jsonld: None,
        }
    }

    fn render(&self, job: &Job) -> tera::Result<OutputFile> {
        let l = self.localizer();
        let mut ctx = tera::Context::new();
        let (template, title, section) = match job {
            Job::Home => {
                ctx.insert("home", &crate::pages::home_view(self, &l));
                ("home.html", String::new(), None)
            }
            Job::List(kind, p) => {
                let list = self.list_view(&l, *kind, *p);
                let title = self.kind_label(&l, *kind);
                ctx.insert("list", &list);
                ("list.html", title, Some(kind.dir()))
            }
            Job::Archive(p) => {
                let list = self.archive_view(&l, *p);
                let title = list.title.clone();
                ctx.insert("list", &list);
                ("list.html", title, Some("notices"))
            }
            Job::Record(i) => {
                let record = &self.site.records[*i];
                let view = record_view(self, &l, record);
                let title = view.title.text.clone();
                ctx.insert("record", &view);
                let section = match record.id.kind {
                    Kind::Pages => None,
                    kind => Some(kind.dir()),
                };
                ("record.html", title, section)
            }
            Job::Taxonomy(t) => {
                let view = self.taxonomy_view(&l, t);
                let title = view.title.text.clone();
                ctx.insert("taxonomy", &view);
                ("taxonomy.html", title, None)
            }
            Job::Term(t, k, p) => {
                let view = self.term_view(&l, t, k, *p);
                let title = view.title.text.clone();
                ctx.insert("term", &view);
                ("term.html", title, None)
            }
            Job::NotFound => ("404.html", l.ui("not_found.title"), None),
            Job::Search => {
                let config = serde_json::json!({
                    "bundlePath": self.url(&format!("{}/", crate::search::BUNDLE_DIR)),
                    // The UI loads Pagefind through a wrapper that defers the filter lists.
                    "uiBundlePath": self.url("static/pagefind-lazy/"),
                    "baseUrl": self.site.config.base_path(),
                    "filters": crate::search::filter_names(self.site, self.theme, self.lang),
                                        "particles": crate::hangul::PARTICLES,
                    "sentinel": crate::hangul::SENTINEL.to_string(),
                    "hiddenMeta": crate::search::HIDDEN_FORMS,
                    "hiddenStart": crate::search::HIDDEN_START.to_string(),
                    "initialsMax": crate::hangul::INITIALS_MAX,
                    "slipNotice": l.ui("search.slip"),
                    "translations": self.strings().get("pagefind").cloned().unwrap_or_default(),
                });
                ctx.insert("search_config", &config.to_string());
                ("search.html", l.ui("search.title"), Some("search"))
            }
            Job::Alias(i, _) => {
                let target = self.record_url(&self.site.records[*i]);
                ctx.insert("target", &target);
                ctx.insert(
                    "target_absolute",
                    &absolute(
                        &self.site.config.base_url,
                        &record_path(&self.site.records[*i], self.lang),
                    ),
                );
                (
                    "redirect.html",
                    l.text(&self.site.records[*i].title).text,
                    None,
                )
            }
        };
        let mut chrome = self.chrome(&l, job, title, section);
        if let Job::Record(i) = job {
            let record = &self.site.records[*i];
            chrome.og_type = "article";
            chrome.jsonld = Some(crate::jsonld::for_record(self, &l, record));
            if let Some(s) = &record.summary {
                chrome.description = Some(l.text(s).text);
            }
            chrome.image = record
                .media
                .iter()
                .find(|m| m.role != crate::model::MediaRole::Document)
                .map(|m| self.absolute(&format!("media/{}", m.src)));
        }
        // "Suggest a correction" opens the file the page comes from.
        let source = match job {
            Job::Record(i) | Job::Alias(i, _) => {
                self.site.records[*i].file.to_string_lossy().to_string()
            }
            Job::Taxonomy(_) | Job::Term(..) => "content/taxonomies.yaml".to_string(),
            _ => "site.yaml".to_string(),
        };
        chrome.edit_url = self
            .site
            .config
            .edit_url
            .as_ref()
            .map(|u| u.replace("{path}", &source));
        ctx.insert("page", &chrome);
        ctx.insert("t", self.strings());
        let html = self.theme.tera.render(template, &ctx)?;
        Ok(OutputFile {
            path: output_path(&route(self.site, job, self.lang)),
            bytes: html.into_bytes(),
        })
    }

    /// The free-form pages that are in the menu, in menu order.
    pub fn menu(&self) -> Vec<usize> {
        let mut pages: Vec<(i64, usize)> = self
            .sorted(Kind::Pages)
            .iter()
            .filter_map(|&i| match &self.site.records[i].details {
                crate::model::Details::Page(p) => p.menu.map(|m| (m, i)),
                _ => None,
            })
            .collect();
        pages.sort();
        pages.into_iter().map(|(_, i)| i).collect()
    }

    fn archive_view(&self, l: &Localizer, page: usize) -> ListView {
        let all = &self.index.archive;
        let base = format!("{}/notices/archive/", self.lang);
        let (cards, _, pager) = self.paginate(l, all, &base, page);
        ListView {
            finder: Vec::new(),
            kind: "notices",
            title: l.ui("notice.archive"),
            intro: l.ui("intro.archive"),
            count: all.len(),
            cards,
            initials: Vec::new(),
            pager,
            facets: Vec::new(),
            links: vec![Link {
                url: self.url(&format!("{}/notices/", self.lang)),
                label: Text::plain(l.ui("notice.current_list")),
            }],
        }
    }

    /// The archive, feeds and open-data downloads offered on a list page.
    fn list_links(&self, l: &Localizer, kind: Kind) -> Vec<Link> {
        let link = |path: String, key: &str| Link {
            url: self.url(&path),
            label: Text::plain(l.ui(key)),
        };
        let lang = self.lang;
        let mut links = Vec::new();
        if kind == Kind::Notices {
            links.push(link(format!("{lang}/notices/archive/"), "notice.archive"));
            links.push(link(format!("{lang}/notices/events.ics"), "feed.calendar"));
        }
        if matches!(kind, Kind::Notices | Kind::SuccessStories) {
            links.push(link(format!("{lang}/{}/atom.xml", kind.dir()), "feed.atom"));
        }
        links.push(link(format!("data/{}.csv", kind.dir()), "data.csv"));
        links.push(link(format!("data/{}.json", kind.dir()), "data.json"));
        if kind == Kind::Equipment {
            links.push(link(
                format!("data/equipment-uniquip.{lang}.csv"),
                "data.uniquip",
            ));
        }
        links
    }

    fn list_view(&self, l: &Localizer, kind: Kind, page: usize) -> ListView {
        let all = &self.index.sorted[&(self.lang.to_string(), kind)];
        let base = format!("{}/{}/", self.lang, kind.dir());
        let (cards, mut initials, pager) = self.paginate(l, all, &base, page);
        if kind == Kind::Notices {
            // Notices are listed by date: an index by initial would mislead.
            initials.clear();
        }
        let facets: Vec<FacetView> = facet_fields(kind)
            .iter()
            .filter_map(|(_, tax)| self.facet_counts(l, tax, all))
            .collect();
        let finder = match kind {
            Kind::Coordinators | Kind::Equipment => {
                let mut f: Vec<FacetView> = facets.clone();
                f.extend(self.owner_facet(l, kind, all));
                f
            }
            _ => Vec::new(),
        };
        ListView {
            finder,
            kind: kind.dir(),
            title: self.kind_label(l, kind),
            intro: l.ui(&format!("intro.{}", kind.dir())),
            count: all.len(),
            cards,
            initials,
            pager,
            facets,
            links: self.list_links(l, kind),
        }
    }

    /// Equipment owners as a finder field (search filter `owner`).
    fn owner_facet(&self, l: &Localizer, kind: Kind, records: &[usize]) -> Option<FacetView> {
        if kind != Kind::Equipment {
            return None;
        }
        let mut owners: BTreeMap<String, (Text, usize)> = BTreeMap::new();
        for &i in records {
            if let crate::model::Details::Equipment(e) = &self.site.records[i].details {
                if let Some(owner) = self.site.get(&e.owner.id()) {
                    owners
                        .entry(owner.id.slug.clone())
                        .or_insert_with(|| (l.text(&owner.title), 0))
                        .1 += 1;
                }
            }
        }
        let terms = owners
            .into_iter()
            .map(|(slug, (label, count))| TermLink {
                taxonomy: "owner".into(),
                key: slug,
                label,
                url: String::new(),
                count: Some(count),
            })
            .collect();
        Some(FacetView {
            id: "owner".into(),
            label: Text::plain(l.ui("field.owner")),
            terms,
        })
    }

    /// A taxonomy's terms with how many of `records` carry each, most first.
    fn facet_counts(&self, l: &Localizer, taxonomy: &str, records: &[usize]) -> Option<FacetView> {
        let tax = self.site.taxonomies.get(taxonomy)?;
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in records {
            for term in self.site.records[i].terms(taxonomy) {
                *counts.entry(term.as_str()).or_default() += 1;
            }
        }
        let mut terms: Vec<TermLink> = tax
            .terms
            .iter()
            .filter_map(|t| {
                counts
                    .get(t.key.as_str())
                    .and_then(|&c| self.term_link(l, taxonomy, &t.key, Some(c)))
            })
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.count));
        (!terms.is_empty()).then(|| FacetView {
            id: taxonomy.to_string(),
            label: l.taxonomy_label(tax),
            terms,
        })
    }

    /// One page of `all`, the initial-letter index over all pages, and the pager.
    fn paginate(
        &self,
        l: &Localizer,
        all: &[usize],
        base: &str,
        page: usize,
    ) -> (Vec<Card>, Vec<InitialLink>, Pager) {
        let size = self.site.config.page_size;
        let total = pages(all.len(), size);
        let page_url = |p: usize| {
            self.url(&if p > 1 {
                format!("{base}page/{p}/")
            } else {
                base.to_string()
            })
        };
        let mut initials: Vec<InitialLink> = Vec::new();
        let mut first_of: HashMap<usize, String> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for (pos, &i) in all.iter().enumerate() {
            let init = self
                .index
                .initials
                .get(&(self.lang.to_string(), i))
                .cloned()
                .unwrap_or_default();
            if seen.insert(init.clone()) {
                let anchor = format!("initial-{}", initials.len() + 1);
                initials.push(InitialLink {
                    initial: init,
                    url: format!("{}#{anchor}", page_url(pos / size + 1)),
                });
                first_of.insert(i, anchor);
            }
        }
        let start = (page - 1) * size;
        let cards = all
            .iter()
            .skip(start)
            .take(size)
            .map(|&i| {
                let mut card = self.card(l, i);
                card.anchor = first_of.get(&i).cloned();
                card
            })
            .collect();
        let pager = Pager {
            current: page,
            total,
            prev: (page > 1).then(|| page_url(page - 1)),
            next: (page < total).then(|| page_url(page + 1)),
            pages: (1..=total)
                .map(|p| Link {
                    url: page_url(p),
                    label: Text::plain(p.to_string()),
                })
                .collect(),
        };
        (cards, initials, pager)
    }

    fn taxonomy_view(&self, l: &Localizer, taxonomy: &str) -> TaxonomyView {
        let tax = &self.site.taxonomies[taxonomy];
        let terms = tax
            .terms
            .iter()
            .filter_map(|t| {
                let n = self
                    .index
                    .by_term
                    .get(&(self.lang.to_string(), taxonomy.to_string(), t.key.clone()))
                    .map_or(0, Vec::len);
                self.term_link(l, taxonomy, &t.key, Some(n))
            })
            .collect();
        TaxonomyView {
            id: taxonomy.to_string(),
            title: l.taxonomy_label(tax),
            terms,
        }
    }

    fn term_view(&self, l: &Localizer, taxonomy: &str, key: &str, page: usize) -> TermView {
        let tax = &self.site.taxonomies[taxonomy];
        let empty = Vec::new();
        let all = self
            .index
            .by_term
            .get(&(self.lang.to_string(), taxonomy.to_string(), key.to_string()))
            .unwrap_or(&empty);
        let base = format!("{}/{taxonomy}/{key}/", self.lang);
        let (cards, _, pager) = self.paginate(l, all, &base, page);
        let mut groups: Vec<Group> = Vec::new();
        for card in cards {
            match groups.last_mut() {
                Some(g) if g.kind == card.kind => g.cards.push(card),
                _ => {
                    let kind = Kind::from_dir(card.kind).unwrap_or(Kind::Companies);
                    let count = all
                        .iter()
                        .filter(|&&i| self.site.records[i].id.kind == kind)
                        .count();
                    groups.push(Group {
                        kind: card.kind,
                        title: self.kind_label(l, kind),
                        count,
                        cards: vec![card],
                    });
                }
            }
        }
        let size = self.site.config.page_size;
        let kinds = Kind::ALL
            .iter()
            .filter_map(|k| {
                let of_kind = |i: &&usize| self.site.records[**i].id.kind == *k;
                let n = all.iter().filter(of_kind).count();
                // The kind's group starts on the page of its first record.
                let first = all.iter().position(|i| of_kind(&i))?;
                let page = first / size + 1;
                let page_base = if page > 1 {
                    format!("{base}page/{page}/")
                } else {
                    base.clone()
                };
                Some(TermLink {
                    taxonomy: taxonomy.to_string(),
                    key: k.dir().to_string(),
                    label: Text::plain(self.kind_label(l, *k)),
                    url: format!("{}#kind-{}", self.url(&page_base), k.dir()),
                    count: Some(n),
                })
            })
            .collect();
        TermView {
            taxonomy: taxonomy.to_string(),
            taxonomy_label: l.taxonomy_label(tax),
            taxonomy_url: self.url(&format!("{}/{taxonomy}/", self.lang)),
            key: key.to_string(),
            title: l.term_label(tax, key),
            count: all.len(),
            kinds,
            groups,
            pager,
        }
    }

    pub fn archive(&self) -> &'a [usize] {
        &self.index.archive
    }

    pub fn sorted(&self, kind: Kind) -> &'a [usize] {
        &self.index.sorted[&(self.lang.to_string(), kind)]
    }

    pub fn by_term(&self, taxonomy: &str, key: &str) -> usize {
        self.index
            .by_term
            .get(&(self.lang.to_string(), taxonomy.to_string(), key.to_string()))
            .map_or(0, Vec::len)
    }
}

#[derive(Serialize)]
struct ListView {
    /// The finder form's fields (coordinators and equipment): facets with their terms.
    finder: Vec<FacetView>,
    kind: &'static str,
    title: String,
    intro: String,
    count: usize,
    cards: Vec<Card>,
    initials: Vec<InitialLink>,
    pager: Pager,
    facets: Vec<FacetView>,
    /// Archive, feeds and downloads.
    links: Vec<Link>,
}

#[derive(Serialize)]
struct TaxonomyView {
    id: String,
    title: Text,
    terms: Vec<TermLink>,
}

#[derive(Serialize)]
struct TermView {
    taxonomy: String,
    taxonomy_label: Text,
    taxonomy_url: String,
    key: String,
    title: Text,
    count: usize,
    kinds: Vec<TermLink>,
    groups: Vec<Group>,
    pager: Pager,
}

fn absolute(base_url: &str, path: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), path)
}

/// `/index.html` (the language chooser) and `/404.html` for hosts that serve one.
fn root_pages(
    site: &Site,
    theme: &Theme,
    index: &Index,
    problems: &Diagnostics,
) -> Vec<OutputFile> {
    let lang = site.config.default_lang();
    let ctx = PageCtx {
        site,
        theme,
        index,
        lang,
    };
    let l = ctx.localizer();
    let mut out = Vec::new();
    for (template, path) in [("chooser.html", "index.html"), ("404.html", "404.html")] {
        let mut chrome = ctx.chrome(&l, &Job::Home, String::new(), None);
        chrome.canonical = absolute(&site.config.base_url, "");
        let mut tctx = tera::Context::new();
        tctx.insert("page", &chrome);
        tctx.insert("t", ctx.strings());
        tctx.insert("root", &true);
        let strings: BTreeMap<&String, &serde_json::Value> = site
            .languages()
            .iter()
            .map(|l| (l, &theme.strings[l]))
            .collect();
        tctx.insert("all_strings", &strings);
        match theme.tera.render(template, &tctx) {
            Ok(html) => out.push(OutputFile {
                path: PathBuf::from(path),
                bytes: html.into_bytes(),
            }),
            Err(e) => problems.push(Diagnostic::error(
                "render-failed",
                Location::file("themes"),
                format!("rendering /{path} failed: {}", template_error(&e)),
            )),
        }
    }
    out
}
