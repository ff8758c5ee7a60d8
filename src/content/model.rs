//! The directory's domain: records of six kinds, their facets and their links.
//!
//! These types are what loading produces and what rendering reads. A value that
//! made it into them has been checked: terms exist, references point somewhere.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::Location;

/// A language code from site.yaml (`ko`, `en`, `ja`, …).
pub type Lang = String;

/// Text that is either the same in every language or given per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Localized {
    Same(String),
    PerLang(BTreeMap<Lang, String>),
}

/// Text resolved for one language. `fallback` names the language the text is
/// actually in when the wanted language had none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub text: &'a str,
    pub fallback: Option<&'a str>,
}

impl Localized {
    /// The text for `lang`, else for the site's default language (marked as a fallback),
    /// else for any language that has one.
    pub fn get<'a>(&'a self, lang: &str, default: &'a str) -> Resolved<'a> {
        match self {
            Localized::Same(text) => Resolved {
                text,
                fallback: None,
            },
            Localized::PerLang(map) => {
                if let Some(text) = map.get(lang) {
                    return Resolved {
                        text,
                        fallback: None,
                    };
                }
                let (l, text) = map
                    .get_key_value(default)
                    .or_else(|| map.iter().next())
                    .map(|(l, t)| (l.as_str(), t.as_str()))
                    .unwrap_or((default, ""));
                Resolved {
                    text,
                    fallback: Some(l),
                }
            }
        }
    }

    /// Its text in each language it is written in.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Localized::Same(text) => vec![text.as_str()],
            Localized::PerLang(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// Whether the text exists in `lang` itself (not by falling back).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Localized::Same(_) => true,
            Localized::PerLang(map) => map.contains_key(lang),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Companies,
    Institutions,
    ResearchThemes,
    Equipment,
    Coordinators,
    SuccessStories,
    Notices,
    /// Free-form pages (about, how to join, …): in the menu, not listed as a kind.
    Pages,
    /// Visit reports (company kartes): confidential. They are read only from an
    /// internal root (`--internal DIR`) and exist only in the staff edition, so
    /// they are in none of the lists below, which the public build walks.
    Kartes,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Companies,
        Kind::Institutions,
        Kind::ResearchThemes,
        Kind::Equipment,
        Kind::Coordinators,
        Kind::SuccessStories,
        Kind::Notices,
        Kind::Pages,
    ];

    /// The kinds of the directory: each has a list page, a place in the menu and facets.
    pub const LISTED: [Kind; 7] = [
        Kind::Companies,
        Kind::Institutions,
        Kind::ResearchThemes,
        Kind::Equipment,
        Kind::Coordinators,
        Kind::SuccessStories,
        Kind::Notices,
    ];

    /// The kinds a success story names as its network, in the order they are shown.
    pub const STORY_PARTNERS: [Kind; 5] = [
        Kind::Companies,
        Kind::ResearchThemes,
        Kind::Institutions,
        Kind::Coordinators,
        Kind::Equipment,
    ];

    /// The folder under content/, the URL segment and the reference prefix.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Companies => "companies",
            Kind::Institutions => "institutions",
            Kind::ResearchThemes => "research-themes",
            Kind::Equipment => "equipment",
            Kind::Coordinators => "coordinators",
            Kind::SuccessStories => "success-stories",
            Kind::Notices => "notices",
            Kind::Pages => "pages",
            Kind::Kartes => "kartes",
        }
    }

    pub fn from_dir(dir: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.dir() == dir)
    }
}

/// A reference from one record to another, as written, before it is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub kind: Kind,
    pub slug: String,
    pub location: Location,
}

impl Ref {
    pub fn id(&self) -> RecordId {
        RecordId {
            kind: self.kind,
            slug: self.slug.clone(),
        }
    }
}

/// `<kind>/<slug>`: how records are named and looked up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordId {
    pub kind: Kind,
    pub slug: String,
}

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.kind.dir(), self.slug)
    }
}

/// The facet terms of a record: taxonomy id → term keys, in the order written.
pub type Facets = Vec<(&'static str, Vec<String>)>;

/// One record of any kind: what every kind has, plus its kind's own fields.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: RecordId,
    /// The main file, relative to the site root.
    pub file: PathBuf,
    /// `name` or `title`.
    pub title: Localized,
    pub summary: Option<Localized>,
    /// Markdown body per language.
    pub body: BTreeMap<Lang, String>,
    pub facets: Facets,
    pub updated: Option<String>,
    pub draft: bool,
    pub aliases: Vec<String>,
    pub details: Details,
    /// Logos, photos, images and documents, in field order.
    pub media: Vec<Media>,
}

/// How a media file is shown on its record's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaRole {
    /// A logo or a person's photo, next to the name.
    Portrait,
    /// A photo of the record or of a product, in the gallery.
    Image,
    /// A file to download (spec sheet, form).
    Document,
}

/// A file under content/media/: `src` relative to that folder, `text` its alt
/// text (images) or title (documents), `bytes` its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub role: MediaRole,
    pub src: String,
    pub text: Localized,
    pub bytes: u64,
    /// Images only: the picture's size and a hash of the file's bytes, which
    /// names its resized copies (so a changed file gets new names).
    pub image: Option<ImageInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub hash: String,
}

impl Record {
    /// Every reference this record makes, in field order.
    pub fn refs(&self) -> Vec<&Ref> {
        match &self.details {
            Details::Company(c) => c.incubator.iter().collect(),
            Details::ResearchTheme(t) => vec![&t.institution],
            Details::Equipment(e) => vec![&e.owner],
            Details::SuccessStory(s) => s.partners.iter().collect(),
            Details::Notice(n) => n.organizer.iter().collect(),
            Details::Karte(k) => std::iter::once(&k.company).chain(&k.coordinators).collect(),
            Details::Institution(_) | Details::Coordinator(_) | Details::Page(_) => Vec::new(),
        }
    }

    /// Retired equipment, or a company that left the cluster.
    pub fn is_retired(&self) -> bool {
        self.terms("equipment-status")
            .iter()
            .any(|t| t == "retired")
            || self.terms("company-status").iter().any(|t| t == "left")
    }

    pub fn terms(&self, taxonomy: &str) -> &[String] {
        self.facets
            .iter()
            .find(|(t, _)| *t == taxonomy)
            .map(|(_, terms)| terms.as_slice())
            .unwrap_or(&[])
    }
}

#[derive(Debug, Clone)]
pub enum Details {
    Company(Company),
    Institution(Institution),
    ResearchTheme(ResearchTheme),
    Equipment(Equipment),
    Coordinator(Coordinator),
    SuccessStory(SuccessStory),
    Notice(Notice),
    Page(Page),
    Karte(Karte),
}

/// How to reach an organization.
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<Localized>,
}

#[derive(Debug, Clone)]
pub struct Company {
    pub employees: Option<i64>,
    pub founded: Option<i64>,
    pub products: Vec<Product>,
    pub services: Vec<Localized>,
    pub incubator: Option<Ref>,
    pub contact: Contact,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub name: Localized,
    pub summary: Option<Localized>,
    /// Anchor on the company page, derived from the position in the list.
    pub anchor: String,
}

#[derive(Debug, Clone)]
pub struct Institution {
    pub contact: Contact,
}

#[derive(Debug, Clone)]
pub struct Researcher {
    pub name: Localized,
    pub position: Option<Localized>,
    pub department: Option<Localized>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ResearchTheme {
    pub institution: Ref,
    pub researcher: Option<Researcher>,
    pub email: Option<String>,
    pub public_contact: bool,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub label: Localized,
    pub value: Localized,
}

#[derive(Debug, Clone)]
pub struct Equipment {
    pub owner: Ref,
    pub maker: Option<String>,
    pub model: Option<String>,
    pub year: Option<i64>,
    pub open: bool,
    pub conditions: Option<Localized>,
    pub fee: Option<Localized>,
    pub booking: Option<String>,
    pub building: Option<Localized>,
    pub room: Option<Localized>,
    pub address: Option<Localized>,
    pub contact_name: Option<Localized>,
    pub contact_email: Option<String>,
    pub specs: Vec<Spec>,
    pub retired: bool,
}

#[derive(Debug, Clone)]
pub struct Coordinator {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub public_contact: bool,
}

#[derive(Debug, Clone)]
pub struct PressItem {
    pub title: Localized,
    pub url: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SuccessStory {
    pub year: Option<i64>,
    /// Companies, research themes, institutions, coordinators and equipment, as listed.
    pub partners: Vec<Ref>,
    pub outcome: Option<Localized>,
    pub press: Vec<PressItem>,
}

/// A dated announcement: a grant, a loan, an event, a seminar, a call, …
#[derive(Debug, Clone)]
pub struct Notice {
    /// When it starts or was published (YYYY-MM-DD).
    pub date: String,
    /// The last day of an event that lasts several days.
    pub end_date: Option<String>,
    /// The last day to apply.
    pub deadline: Option<String>,
    pub location: Option<Localized>,
    pub organizer: Option<Ref>,
    pub link: Option<String>,
}

impl Notice {
    /// The last day the notice is current: its deadline, end or start, whichever is latest.
    pub fn last_day(&self) -> &str {
        [self.end_date.as_deref(), self.deadline.as_deref()]
            .into_iter()
            .flatten()
            .fold(self.date.as_str(), |a, b| a.max(b))
    }

    /// Its date, or its first and last day: "2027-03-03 – 2027-03-05".
    pub fn when(&self) -> String {
        match &self.end_date {
            Some(end) if *end != self.date => format!("{} – {end}", self.date),
            _ => self.date.clone(),
        }
    }

    /// Whether it is still current on `today` (both YYYY-MM-DD, which sort as dates).
    pub fn is_current(&self, today: &str) -> bool {
        self.last_day() >= today
    }
}

/// A visit report: what a coordinator found at a company and advised. The
/// record's title is its problem.
#[derive(Debug, Clone)]
pub struct Karte {
    pub company: Ref,
    pub coordinators: Vec<Ref>,
    /// The visit (YYYY-MM-DD).
    pub date: String,
    pub advice: Localized,
    pub follow_up: Option<Localized>,
    pub follow_up_due: Option<String>,
    pub next_visit: Option<String>,
    pub filed_by: String,
}

impl Karte {
    /// The year of the visit, which the karte finder filters by.
    pub fn year(&self) -> &str {
        &self.date[..4]
    }
}

/// A free-form page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Position in the site menu; pages without one are reachable but not in the menu.
    pub menu: Option<i64>,
}

/// One facet: its label and its terms' labels, in declaration order.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub id: String,
    pub label: Localized,
    pub terms: Vec<Term>,
    /// Built-in enumerations (company kind, tier, …) take labels from the theme's i18n.
    pub builtin: bool,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub key: String,
    pub label: Localized,
    /// Words a visitor may type for the term, besides its label (`also:` in
    /// taxonomies.yaml): found by search, never shown.
    pub also: Option<Localized>,
}

impl Taxonomy {
    pub fn term(&self, key: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.key == key)
    }
}

/// site.yaml.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: Localized,
    pub description: Option<Localized>,
    pub base_url: String,
    /// The first is the default.
    pub languages: Vec<Lang>,
    pub theme: String,
    pub secretariat_email: Option<String>,
    pub secretariat_phone: Option<String>,
    pub edit_url: Option<String>,
    /// Records per page on list pages.
    pub page_size: usize,
    /// Leave retired equipment and companies that left out of the site (site.yaml `retired: hide`).
    pub hide_retired: bool,
    /// The largest media file accepted, in MB (site.yaml `media_max_mb`).
    pub media_max_mb: u64,
    /// At most this many result files per language in the search bundle
    /// (site.yaml `search_fragment_files`); beyond it Pagefind packs several
    /// results into one file. For hosts that cap a site's file count.
    pub search_fragment_files: Option<u32>,
    /// At most this many search records in one part of a language's search
    /// index (site.yaml `search_part_records`, or `build --search-part-records`);
    /// see `site::search_names::DEFAULT_PART_RECORDS`.
    pub search_part_records: Option<usize>,
    /// The staff edition lists member companies not visited for this many
    /// months (site.yaml `not_visited_months`).
    pub not_visited_months: u32,
    /// The browser editor at /admin/ (site.yaml `editor`); `None` leaves it out.
    pub editor: Option<EditorConfig>,
}

/// Where the browser editor commits: a repository on a git host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorConfig {
    /// `github` or `gitlab`.
    pub backend: String,
    /// `owner/name` on the git host.
    pub repo: String,
    pub branch: String,
    /// The OAuth server staff sign in through (Decap's `base_url`), when not the host's default.
    pub auth_url: Option<String>,
    /// Each change goes through a pull request (Decap's editorial workflow).
    pub review: bool,
}

impl Config {
    pub fn default_lang(&self) -> &str {
        &self.languages[0]
    }

    /// The path part of base_url, always starting and ending with `/`.
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }
}
