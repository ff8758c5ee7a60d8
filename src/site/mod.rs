//! The linked site: the loaded records, validated and cross-linked into a
//! [`Site`], and what is computed over all of them ([`validate`], [`lint`],
//! [`matching`]). [`paths`], [`localize`] and [`search_names`] are what the
//! stages after it (rendering pages, publishing the other files, writing)
//! share, so that none of them needs another.

pub mod lint;
pub mod localize;
pub mod matching;
pub mod paths;
pub mod search_names;
pub mod validate;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::content::model::{Config, Details, Karte, Kind, Record, RecordId, Taxonomy};

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub taxonomies: BTreeMap<String, Taxonomy>,
    /// Sorted by kind, then slug.
    pub records: Vec<Record>,
    index: HashMap<RecordId, usize>,
    /// For each record, the records that refer to it (indices into `records`).
    referrers: Vec<Vec<usize>>,
    /// Whether drafts were kept (shown marked as drafts).
    pub drafts: bool,
    /// Suggested partners of each record (filled by the matching stage).
    pub partners: Partners,
    /// The words the kartes use as nouns (filled by the matching stage): what
    /// a similar case may name as a word the two reports share.
    pub karte_nouns: HashSet<String>,
    /// YYYY-MM-DD: "today" for upcoming and past notices.
    pub today: String,
    /// The staff edition: kartes were read from an internal root, and every
    /// page is marked internal and kept out of search engines.
    pub staff: bool,
}

impl Site {
    pub fn new(
        root: PathBuf,
        config: Config,
        taxonomies: BTreeMap<String, Taxonomy>,
        mut records: Vec<Record>,
        drafts: bool,
    ) -> Site {
        records.sort_by(|a, b| a.id.cmp(&b.id));
        let index: HashMap<RecordId, usize> = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut referrers = vec![Vec::new(); records.len()];
        for (i, record) in records.iter().enumerate() {
            for r in record.refs() {
                if let Some(&target) = index.get(&r.id()) {
                    if !referrers[target].contains(&i) {
                        referrers[target].push(i);
                    }
                }
            }
        }
        Site {
            root,
            config,
            taxonomies,
            records,
            index,
            referrers,
            drafts,
            partners: Vec::new(),
            karte_nouns: HashSet::new(),
            today: String::new(),
            staff: false,
        }
    }

    pub fn index_of(&self, id: &RecordId) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn get(&self, id: &RecordId) -> Option<&Record> {
        self.index.get(id).map(|&i| &self.records[i])
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.records.iter().filter(move |r| r.id.kind == kind)
    }

    /// Records that refer to `record` and are of `kind`.
    pub fn referrers(&self, record: &Record, kind: Kind) -> Vec<&Record> {
        let Some(&i) = self.index.get(&record.id) else {
            return Vec::new();
        };
        self.referrers[i]
            .iter()
            .map(|&j| &self.records[j])
            .filter(|r| r.id.kind == kind)
            .collect()
    }

    /// Indices of the records linked to `record` either way: those it refers to
    /// and those that refer to it.
    pub fn linked(&self, record: &Record) -> Vec<usize> {
        let mut out: Vec<usize> = record
            .refs()
            .iter()
            .filter_map(|r| self.index_of(&r.id()))
            .collect();
        if let Some(&i) = self.index.get(&record.id) {
            out.extend(&self.referrers[i]);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The kinds listed in this edition: the directory's, and kartes in the staff edition.
    pub fn listed_kinds(&self) -> Vec<Kind> {
        let mut kinds = Kind::LISTED.to_vec();
        if self.staff {
            kinds.push(Kind::Kartes);
        }
        kinds
    }

    /// Every kind of this edition.
    pub fn all_kinds(&self) -> Vec<Kind> {
        let mut kinds = Kind::ALL.to_vec();
        if self.staff {
            kinds.push(Kind::Kartes);
        }
        kinds
    }

    pub fn languages(&self) -> &[String] {
        &self.config.languages
    }

    /// The coordinators a karte names (those that exist).
    pub fn karte_coordinators<'a>(&'a self, k: &'a Karte) -> impl Iterator<Item = &'a Record> {
        k.coordinators.iter().filter_map(|c| self.get(&c.id()))
    }

    /// What the karte finder filters `kartes` by: their coordinators (by slug)
    /// and years, each with how many of the kartes it has.
    pub fn karte_finder<'a>(&'a self, kartes: impl Iterator<Item = &'a Record>) -> KarteFinder<'a> {
        let mut finder = KarteFinder::default();
        for k in kartes.filter_map(|r| match &r.details {
            Details::Karte(k) => Some(k),
            _ => None,
        }) {
            for c in self.karte_coordinators(k) {
                finder.coordinators.entry(&c.id.slug).or_insert((c, 0)).1 += 1;
            }
            *finder.years.entry(k.year()).or_default() += 1;
        }
        finder
    }
}

/// The karte finder's choices over some kartes, each with its count.
#[derive(Default)]
pub struct KarteFinder<'a> {
    pub coordinators: BTreeMap<&'a str, (&'a Record, usize)>,
    pub years: BTreeMap<&'a str, usize>,
}

/// One suggested partner: the record (index into `site.records`), its score and
/// the shared terms that earned it, most telling first.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub record: usize,
    pub score: f64,
    pub shared: Vec<(&'static str, String)>,
}

/// Partners of every record, per partner kind, best first.
pub type Partners = Vec<Vec<(Kind, Vec<Match>)>>;
