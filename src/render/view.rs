//! What templates see: small, already localized values built per page.

use serde::Serialize;

pub use crate::site::localize::{Localizer, Text};

#[derive(Serialize, Clone, Debug)]
pub struct Link {
    pub url: String,
    pub label: Text,
}

#[derive(Serialize, Clone, Debug)]
pub struct TermLink {
    pub taxonomy: String,
    pub key: String,
    pub label: Text,
    pub url: String,
    pub count: Option<usize>,
}

#[derive(Serialize, Clone, Debug)]
pub struct FacetView {
    pub id: String,
    pub label: Text,
    pub terms: Vec<TermLink>,
}

/// A record in a list.
#[derive(Serialize, Clone, Debug)]
pub struct Card {
    pub kind: &'static str,
    pub kind_label: String,
    pub url: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// Short facts under the title (owner, institution, year).
    pub meta: Vec<Text>,
    pub badges: Vec<TermLink>,
    /// Heading of the initial-letter index this card is listed under.
    pub initial: String,
    /// Set on the first card under its initial: the anchor the index links to.
    pub anchor: Option<String>,
    pub draft: bool,
    /// Why a suggested partner fits ("shares: laser processing, semiconductors").
    pub reason: Option<Text>,
}

/// One row of a record's facts: a label and a value that may be a link.
#[derive(Serialize, Clone, Debug)]
pub struct Fact {
    pub label: String,
    pub value: Text,
    pub url: Option<String>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub cards: Vec<Card>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Item {
    pub id: String,
    pub title: Text,
    pub text: Option<Text>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A titled list on a record page: products, services, specs, press.
#[derive(Serialize, Clone, Debug)]
pub struct ItemList {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

/// A box of facts with a heading (contact, booking, researcher).
#[derive(Serialize, Clone, Debug)]
pub struct Panel {
    pub id: String,
    pub title: String,
    pub facts: Vec<Fact>,
    pub note: Option<String>,
    /// A button under the facts ("request this coordinator").
    pub action: Option<Link>,
}

#[derive(Serialize, Clone, Debug)]
pub struct RecordView {
    pub kind: &'static str,
    pub kind_label: String,
    pub slug: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub badges: Vec<TermLink>,
    pub facts: Vec<Fact>,
    pub panels: Vec<Panel>,
    pub body: Option<String>,
    pub body_lang: Option<String>,
    /// Products, services, specs or press: a titled list each.
    pub lists: Vec<ItemList>,
    pub facets: Vec<FacetView>,
    pub sections: Vec<Section>,
    pub updated: Option<String>,
    pub draft: bool,
    pub portrait: Option<MediaView>,
    pub gallery: Vec<MediaView>,
    pub documents: Vec<MediaView>,
}

/// An image or a document on a record page.
#[derive(Serialize, Clone, Debug)]
pub struct MediaView {
    pub url: String,
    /// Alt text (images) or title (documents).
    pub text: Text,
    /// File type and size, for documents: "PDF", "240 KB".
    pub kind: String,
    pub size: String,
    /// Images: the picture as it is shown (the largest fallback copy), its
    /// size in pixels, and the `srcset`s of its WebP and fallback copies.
    pub picture: Option<Picture>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Picture {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub webp: String,
    pub fallback: String,
    pub fallback_type: &'static str,
    pub sizes: &'static str,
}

/// The initial-letter index of a list: each heading and where it starts.
#[derive(Serialize, Clone, Debug)]
pub struct InitialLink {
    pub initial: String,
    pub url: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first and last pages and those near the current one, with gaps between.
    pub pages: Vec<PageLink>,
}

/// A page number in a pager; neither a link nor current: the gap of pages left out.
#[derive(Serialize, Clone, Debug)]
pub struct PageLink {
    pub label: String,
    pub url: Option<String>,
    pub current: bool,
}

/// A group of cards under a kind heading (term pages).
#[derive(Serialize, Clone, Debug)]
pub struct Group {
    pub kind: &'static str,
    pub title: String,
    pub count: usize,
    pub cards: Vec<Card>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    pub url: String,
    pub absolute: String,
    pub current: bool,
    pub og_locale: String,
}

/// What every page has: language, navigation, alternates.
#[derive(Serialize, Clone, Debug)]
pub struct Chrome {
    pub lang: String,
    pub site_title: String,
    pub site_description: Option<String>,
    pub base: String,
    pub title: String,
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub nav: Vec<Link>,
    /// How many of `nav` are the directory's own entries (home, then one per
    /// kind); the free-form pages follow, shown as a group of their own.
    pub nav_directory: usize,
    pub current_section: Option<String>,
    pub fallback_notice: bool,
    pub default_lang_name: String,
    pub edit_url: Option<String>,
    /// For link previews (Open Graph): what the page is about and a picture of it.
    pub description: Option<String>,
    pub image: Option<String>,
    /// `website`, or `article` for a record.
    pub og_type: &'static str,
    /// The page's language as Open Graph writes a locale (`ko_KR`).
    pub og_locale: String,
    /// schema.org JSON-LD, already safe to put inside <script>.
    pub jsonld: Option<String>,
    /// The staff edition: marked internal on every page, kept out of search engines.
    pub internal: bool,
}

/// A language code as an Open Graph locale, `language_TERRITORY`: the region
/// given (`pt-BR` -> `pt_BR`), else the territory where the language is
/// chiefly written, for the languages a cluster site is likely to use.
pub fn og_locale(lang: &str) -> String {
    if let Some((language, region)) = lang.split_once('-') {
        return format!("{}_{}", language.to_lowercase(), region.to_uppercase());
    }
    let territory = match lang {
        "ko" => "KR",
        "en" => "US",
        "ja" => "JP",
        "zh" => "CN",
        "de" => "DE",
        "fr" => "FR",
        "es" => "ES",
        "it" => "IT",
        "vi" => "VN",
        "th" => "TH",
        "id" => "ID",
        "ru" => "RU",
        _ => return lang.to_string(),
    };
    format!("{lang}_{territory}")
}

#[cfg(test)]
mod og_locale_tests {
    use super::og_locale;

    #[test]
    fn languages_become_open_graph_locales() {
        assert_eq!(og_locale("ko"), "ko_KR");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("pt-br"), "pt_BR");
        assert_eq!(og_locale("eo"), "eo");
    }
}

/// A cell of a report's table: text, and a link when it names a page.
#[derive(Serialize, Clone, Debug)]
pub struct Cell {
    pub text: String,
    pub url: Option<String>,
    /// Numbers align right.
    pub number: bool,
}

#[derive(Serialize, Clone, Debug)]
pub struct Table {
    pub id: String,
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Shown instead of the table when it has no rows.
    pub empty: String,
}

/// A staff edition report: coordinator activity, visits and follow-ups due.
#[derive(Serialize, Clone, Debug)]
pub struct ReportView {
    pub title: String,
    pub intro: String,
    pub tables: Vec<Table>,
    pub links: Vec<Link>,
}
