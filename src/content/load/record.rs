//! Reading one record: its fields by its kind, its aliases, and its
//! translation files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::kinds::{article, read_kind};
use crate::content::model::{Config, Record, RecordId};
use crate::content::read::{is_slug, Reader};
use crate::content::yaml::Node;
use crate::diagnostic::display_path;

use super::files::{read_text, RecordFiles};
use super::front_matter::{front_matter_or_report, parse_yaml};
use super::translation::apply_translation;

pub(super) fn load_record(
    root: &Path,
    id: &RecordId,
    files: &RecordFiles,
    config: &Config,
    r: &mut Reader,
) -> Option<Record> {
    let path = &files.main[0];
    let rel = display_path(root, path);
    r.file = rel.clone();
    r.media_dir = Some(root.join("content").join("media"));
    r.media_limit = config.media_max_mb << 20;
    let text = read_text(root, path).map_err(|d| r.problems.push(d)).ok()?;
    let (front, body) = if path.extension().is_some_and(|e| e == "yaml") {
        (parse_yaml(&text, 1, r)?, String::new())
    } else {
        let (front, body) = front_matter_or_report(&text, r, true)?;
        (front?, body)
    };
    let mut record = read_record(id, &front, rel.clone(), r)?;
    if !body.trim().is_empty() {
        record.body.insert(config.default_lang().to_string(), body);
    }
    for (lang, tpath) in &files.translations {
        apply_translation(root, tpath, lang, &mut record, config, r);
    }
    Some(record)
}

pub(super) fn read_record(
    id: &RecordId,
    node: &Node,
    file: PathBuf,
    r: &mut Reader,
) -> Option<Record> {
    let allowed: Vec<&str> = crate::content::fields::of(id.kind)
        .iter()
        .chain(crate::content::fields::COMMON)
        .map(|f| f.name)
        .collect();
    let what = article(id.kind);
    let f = r.fields(node, &allowed, what)?;
    let read = read_kind(id.kind, &f, r);
    if let Some(n) = f.get("slug") {
        r.same_slug(n, &id.slug);
    }
    let draft = f.get("draft").and_then(|n| r.bool(n)).unwrap_or(false);
    let updated = f.get("updated").and_then(|n| r.date(n));
    let aliases = f
        .get("aliases")
        .map(|n| r.list(n, |r, n| r.text(n).and_then(|a| alias(r, n, a))))
        .unwrap_or_default();
    Some(Record {
        id: id.clone(),
        file,
        title: read.title?,
        summary: read.summary,
        body: BTreeMap::new(),
        facets: read.facets,
        updated,
        draft,
        aliases,
        details: read.details?,
        media: read.media,
    })
}

pub(super) fn alias(r: &mut Reader, node: &Node, alias: String) -> Option<String> {
    if is_slug(&alias) {
        return Some(alias);
    }
    let hint = Some("an alias is an old slug: lowercase letters, digits and `-`".into());
    r.error(
        "bad-slug",
        node.pos,
        format!("`{alias}` is not a valid slug"),
        hint,
    );
    None
}
