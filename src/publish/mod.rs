//! Publish: the files a site serves besides its pages, each made from the
//! [`Site`] beside the rendering of pages: the search index ([`search`]),
//! feeds ([`feeds`]), open data ([`opendata`]), the sitemap ([`sitemap`])
//! and the browser editor's configuration ([`editor`]).

pub mod editor;
pub mod feeds;
pub mod opendata;
pub mod search;
pub mod sitemap;

use crate::site::localize::Localizer;
use crate::site::paths::OutputFile;
use crate::site::Site;
use crate::theme::Theme;

/// Feeds and open data, of the whole site. The preview (`serve`) makes them
/// after an edit together with the search index, not before showing the edit.
pub fn feeds_and_data(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for lang in site.languages() {
        let l = Localizer::new(site, lang, &theme.strings[lang.as_str()]);
        files.extend(feeds::feeds(&l));
    }
    files.extend(opendata::export(site));
    files
}
