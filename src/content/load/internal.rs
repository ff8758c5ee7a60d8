//! The internal root: confidential records (kartes) read from a folder outside
//! the public site's content/, only when `--internal DIR` names it. The public
//! build never calls this, so nothing here can reach it.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::content::config::{enumerations, INTERNAL_FACETS};
use crate::content::model::{Config, Details, Kind, Localized, Record, RecordId, Taxonomy};
use crate::content::read::Reader;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics, Location};

use super::files::{add_file, complete_groups, RecordFiles};
use super::record::load_record;

/// Karte slugs that the staff edition's own pages under `/<lang>/kartes/` use.
pub const RESERVED_KARTE_SLUGS: &[&str] = &["activity", "due", "page"];

/// Read the kartes of the internal root `internal`, checked against the
/// public site's settings and taxonomies (which gain the kartes' own facet).
/// Files are named relative to the site `root`, so reports show where they are.
pub fn load_internal(
    root: &Path,
    internal: &Path,
    config: &Config,
    taxonomies: &mut BTreeMap<String, Taxonomy>,
    problems: &Diagnostics,
) -> Vec<Record> {
    let Some(base) = internal_base(root, internal, problems) else {
        return Vec::new();
    };
    taxonomies.extend(enumerations(INTERNAL_FACETS));
    let groups = find_kartes(root, &base, config, problems);
    let taxonomies = &*taxonomies;
    groups
        .par_iter()
        .filter_map(|(id, files)| {
            let mut r = Reader::new(Path::new(""), &config.languages, taxonomies);
            let record = load_record(root, id, files, config, &mut r);
            problems.extend(r.problems);
            record
        })
        .collect()
}

/// Name each karte after the company visited and the day (`고다이라금형제작소 ·
/// 2025-05-22`), in every language the company's name is in; its problem,
/// read as its title, becomes its summary. Lists and search then show whose
/// case it is, and what the case is.
pub fn name_kartes(records: &mut [Record]) {
    let companies: BTreeMap<String, Localized> = records
        .iter()
        .filter(|r| r.id.kind == Kind::Companies)
        .map(|r| (r.id.slug.clone(), r.title.clone()))
        .collect();
    for record in records.iter_mut() {
        let Details::Karte(k) = &record.details else {
            continue;
        };
        let Some(company) = companies.get(&k.company.slug) else {
            continue;
        };
        let name = |n: &String| format!("{n} · {}", k.date);
        let title = match company {
            Localized::Same(n) => Localized::Same(name(n)),
            Localized::PerLang(map) => {
                Localized::PerLang(map.iter().map(|(l, n)| (l.clone(), name(n))).collect())
            }
        };
        record.summary = Some(std::mem::replace(&mut record.title, title));
    }
}

/// The internal root as a path from the site root (`site/../site-internal`), so
/// that every report names its files the way they are reached from there.
fn internal_base(root: &Path, internal: &Path, problems: &Diagnostics) -> Option<PathBuf> {
    let fail = |msg: String, hint: &str| {
        let at = Location::file(internal);
        problems.push(Diagnostic::error("internal-root", at, msg).with_hint(hint));
        None
    };
    let (Ok(site), Ok(dir)) = (root.canonicalize(), internal.canonicalize()) else {
        return fail(
            "the internal root does not exist".into(),
            "`--internal` names the folder that holds `kartes/` (a checkout of the private repository)",
        );
    };
    if !dir.is_dir() {
        return fail(
            "the internal root is not a folder".into(),
            "`--internal` names the folder that holds `kartes/`",
        );
    }
    if dir.starts_with(site.join("content")) {
        return fail(
            "the internal root is inside the public site's content/".into(),
            "keep kartes outside content/, in a private repository beside the site",
        );
    }
    Some(root.join(relative(&site, &dir)))
}

/// The path that leads from folder `from` to `to` (both absolute).
fn relative(from: &Path, to: &Path) -> PathBuf {
    let (a, b): (Vec<Component>, Vec<Component>) =
        (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..a.len() {
        out.push("..");
    }
    out.extend(&b[common..]);
    out
}

fn find_kartes(
    root: &Path,
    base: &Path,
    config: &Config,
    problems: &Diagnostics,
) -> BTreeMap<RecordId, RecordFiles> {
    let mut groups = BTreeMap::new();
    let dir = base.join(Kind::Kartes.dir());
    let mut entries: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(Result::ok).collect(),
        Err(e) => {
            let at = Location::file(display_path(root, &dir));
            let d = Diagnostic::error("internal-root", at, format!("cannot read: {e}"));
            problems.push(d.with_hint("the internal root holds the kartes in a folder `kartes/`"));
            return groups;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        let path = entry.path();
        let rel = display_path(root, &path);
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if kind.is_symlink() || kind.is_dir() {
            let d = Diagnostic::warning(
                "ignored-file",
                Location::file(&rel),
                "links and folders inside kartes/ are ignored",
            );
            problems.push(d.with_hint("put each karte directly in kartes/"));
            continue;
        }
        add_file(&mut groups, Kind::Kartes, path, &rel, config, problems);
    }
    let groups = complete_groups(root, groups, problems);
    for id in groups.keys() {
        if RESERVED_KARTE_SLUGS.contains(&id.slug.as_str()) {
            let at = Location::file(display_path(root, &groups[id].main[0]));
            let msg = format!(
                "`{}` is a page of the staff edition, not a karte slug",
                id.slug
            );
            let hint = "start the slug with the visit's date, e.g. `2026-03-company-topic`";
            problems.push(Diagnostic::error("reserved-slug", at, msg).with_hint(hint));
        }
    }
    groups
        .into_iter()
        .filter(|(id, _)| !RESERVED_KARTE_SLUGS.contains(&id.slug.as_str()))
        .collect()
}
