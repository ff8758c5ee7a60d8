//! One page: its template, its view and the chrome around it (title, languages, menu, metadata).

use crate::content::model::{Kind, MediaRole};
use crate::site::paths::{absolute, record_path, OutputFile};
use crate::site::search_names::{
    filter_names, kind_words, part_dir, part_language, part_sizes, BUNDLE_DIR, HIDDEN_FORMS,
    HIDDEN_START,
};
use crate::text::collate::LEGAL_FORMS;
use crate::text::hangul::{INITIALS_MAX, PARTICLES, SENTINEL};

use super::context::PageCtx;
use super::home::home_view;
use super::record::record_view;
use super::routes::{output_path, route, Job};
use super::view::*;

impl<'a> PageCtx<'a> {
    pub(super) fn chrome(
        &self,
        l: &Localizer,
        job: &Job,
        title: String,
        section: Option<&str>,
    ) -> Chrome {
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
                    og_locale: og_locale(lang),
                }
            })
            .collect();
        let mut nav = vec![Link {
            url: self.url(&format!("{}/", self.lang)),
            label: Text::plain(l.ui("nav.home")),
        }];
        nav.extend(self.site.listed_kinds().iter().map(|k| Link {
            url: self.url(&format!("{}/{}/", self.lang, k.dir())),
            label: Text::plain(self.kind_label(l, *k)),
        }));
        if self.site.staff {
            nav.extend(self.staff_links(l).split_off(1));
        }
        let nav_directory = nav.len();
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
            nav_directory,
            current_section: section.map(str::to_string),
            fallback_notice: l.fell_back(),
            default_lang_name,
            edit_url: None,
            description: l.opt(&config.description).map(|t| t.text),
            image: None,
            og_type: "website",
            og_locale: og_locale(self.lang),
            jsonld: None,
            internal: self.site.staff,
        }
    }

    pub(super) fn render(&self, job: &Job) -> tera::Result<OutputFile> {
        let l = self.localizer();
        let mut ctx = tera::Context::new();
        let (template, title, section) = match job {
            Job::Home => {
                ctx.insert("home", &home_view(self, &l));
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
            Job::Report(r) => {
                let view = self.report_view(&l, *r);
                let title = view.title.clone();
                ctx.insert("report", &view);
                ("report.html", title, Some(Kind::Kartes.dir()))
            }
            Job::Search => {
                let sizes = part_sizes(self.site, self.lang);
                let config = serde_json::json!({
                    "bundlePath": self.url(&format!("{}/", BUNDLE_DIR)),
                    // The UI loads Pagefind through a wrapper that defers the filter lists.
                    "uiBundlePath": self.url("static/pagefind-lazy/"),
                    "baseUrl": self.site.config.base_path(),
                    "filters": filter_names(&self.localizer()),
                    "kindWords": kind_words(&self.localizer()),
                    "particles": PARTICLES,
                    "sentinel": SENTINEL.to_string(),
                    "hiddenMeta": HIDDEN_FORMS,
                    "hiddenStart": HIDDEN_START.to_string(),
                    // The other parts of this language's index, which the search page merges.
                    "parts": (1..sizes.len())
                        .map(|k| serde_json::json!({
                            "path": self.url(&format!("{BUNDLE_DIR}/{}", part_dir(k))),
                            "language": part_language(self.lang, k),
                        }))
                        .collect::<Vec<_>>(),
                    "partSizes": sizes,
                    "initialsMax": INITIALS_MAX,
                    "legalForms": LEGAL_FORMS,
                    "slipNotice": l.ui("search.slip"),
                    "withoutNotice": l.ui("search.without"),
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
            chrome.jsonld = Some(super::jsonld::for_record(self, &l, record));
            if let Some(s) = &record.summary {
                chrome.description = Some(l.text(s).text);
            }
            chrome.image = record
                .media
                .iter()
                .find(|m| m.role != MediaRole::Document)
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
}
