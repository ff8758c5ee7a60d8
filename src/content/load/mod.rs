//! Load: read site.yaml, the taxonomies and every record file under content/
//! into typed records. Every problem is collected; nothing stops at the first.

mod files;
mod front_matter;
mod internal;
mod record;
mod translation;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::content::config::{read_config, read_taxonomies};
use crate::content::model::{Config, Record, RecordId, Taxonomy};
use crate::content::read::Reader;
use crate::diagnostic::{Diagnostic, Diagnostics};

use files::{classify, find_record_files, RecordFiles};
use front_matter::parse_yaml;
use record::load_record;

pub use files::{normalize_text, read_text, record_of_path, MAX_FILE_BYTES};
pub use internal::{load_internal, name_kartes, RESERVED_KARTE_SLUGS};

/// Everything read from disk, checked field by field but not yet linked.
pub struct Loaded {
    pub config: Config,
    pub taxonomies: BTreeMap<String, Taxonomy>,
    pub records: Vec<Record>,
    /// Records whose files exist but could not be read (their problems are
    /// reported): references to them are not reported again.
    pub unreadable: Vec<RecordId>,
}

pub fn load(root: &Path, problems: &Diagnostics) -> Option<Loaded> {
    let site_file = root.join("site.yaml");
    let no_taxonomies = BTreeMap::new();
    let mut r = Reader::new(Path::new("site.yaml"), &[], &no_taxonomies);
    let config = match read_text(root, &site_file) {
        Ok(text) => parse_yaml(&text, 1, &mut r).and_then(|node| read_config(&node, &mut r)),
        Err(d) => {
            problems.push(
                d.with_hint("a site needs site.yaml at its root; see README.md for its fields"),
            );
            None
        }
    };
    problems.extend(r.problems);
    let config = config?;

    let taxonomies = load_taxonomies(root, &config, problems);
    let groups = find_record_files(root, &config, problems);
    let results: Vec<Result<Record, RecordId>> = groups
        .par_iter()
        .map(|(id, files)| {
            let mut r = Reader::new(Path::new(""), &config.languages, &taxonomies);
            let record = load_record(root, id, files, &config, &mut r);
            problems.extend(r.problems);
            record.ok_or_else(|| id.clone())
        })
        .collect();
    let (records, unreadable): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    Some(Loaded {
        config,
        taxonomies,
        records: records.into_iter().filter_map(Result::ok).collect(),
        unreadable: unreadable.into_iter().filter_map(Result::err).collect(),
    })
}

fn load_taxonomies(
    root: &Path,
    config: &Config,
    problems: &Diagnostics,
) -> BTreeMap<String, Taxonomy> {
    let path = root.join("content/taxonomies.yaml");
    let rel = Path::new("content/taxonomies.yaml");
    let empty = BTreeMap::new();
    let mut r = Reader::new(rel, &config.languages, &empty);
    let node = if path.exists() {
        match read_text(root, &path) {
            Ok(text) => parse_yaml(&text, 1, &mut r),
            Err(d) => {
                r.problems.push(d);
                None
            }
        }
    } else {
        None
    };
    let taxonomies = read_taxonomies(node.as_ref(), &mut r);
    problems.extend(r.problems);
    taxonomies
}

/// Read one record again (its main file and translations), for `serve` after an
/// edit. `None` when the record has no main file any more or cannot be read.
pub fn reload_record(
    root: &Path,
    config: &Config,
    taxonomies: &BTreeMap<String, Taxonomy>,
    id: &RecordId,
) -> (Option<Record>, Vec<Diagnostic>) {
    let dir = root.join("content").join(id.kind.dir());
    let mut files = RecordFiles::default();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    for name in names
        .iter()
        .filter(|n| n.starts_with(&format!("{}.", id.slug)))
    {
        match classify(name, config) {
            Ok((slug, None)) if slug == id.slug => files.main.push(dir.join(name)),
            Ok((slug, Some(lang))) if slug == id.slug => {
                files.translations.insert(lang, dir.join(name));
            }
            _ => {}
        }
    }
    let mut r = Reader::new(Path::new(""), &config.languages, taxonomies);
    if files.main.len() != 1 {
        return (None, r.problems);
    }
    let record = load_record(root, id, &files, config, &mut r);
    (record, r.problems)
}
