//! Where each page and file of the built site goes: the path of a record's page
//! in each language, absolute addresses, and the in-memory file every stage
//! hands to the writer.

use std::path::PathBuf;

use crate::content::model::{Kind, Record};

use super::Site;

/// A file of the built site, with its path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn record_path(record: &Record, lang: &str) -> String {
    slug_path(record.id.kind, &record.id.slug, lang)
}

/// Free-form pages live right under the language: `/<lang>/about/`.
pub fn slug_path(kind: Kind, slug: &str, lang: &str) -> String {
    match kind {
        Kind::Pages => format!("{lang}/{slug}/"),
        _ => format!("{lang}/{}/{slug}/", kind.dir()),
    }
}

/// The page's address with the site's scheme and host, for feeds, sitemaps and metadata.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), path)
}

/// One page: its path in each language (same order as the site's languages)
/// and when its content last changed.
pub struct Address {
    pub paths: Vec<String>,
    pub lastmod: Option<String>,
}

impl Site {
    /// A path under the output folder as a link within the site (under its base path).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_path())
    }

    /// A path under the output folder with the site's scheme and host.
    pub fn absolute(&self, path: &str) -> String {
        absolute(&self.config.base_url, path)
    }
}
