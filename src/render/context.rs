//! What one page is rendered with: the site, the theme, the orderings and the
//! language, and the links every page makes from them.

use crate::content::model::{Kind, Record};
use crate::site::paths::record_path;
use crate::site::Site;
use crate::theme::Theme;

use super::index::Index;
use super::view::*;
use crate::site::paths::absolute;

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

    /// The free-form pages that are in the menu, in menu order.
    pub fn menu(&self) -> Vec<usize> {
        let mut pages: Vec<(i64, usize)> = self
            .sorted(Kind::Pages)
            .iter()
            .filter_map(|&i| match &self.site.records[i].details {
                crate::content::model::Details::Page(p) => p.menu.map(|m| (m, i)),
                _ => None,
            })
            .collect();
        pages.sort();
        pages.into_iter().map(|(_, i)| i).collect()
    }

    /// A record's initial in this page's language.
    pub fn initial(&self, record: usize) -> String {
        self.index.initials[self.lang][record].clone()
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
