//! Validate: the checks that need every record at once (references, aliases,
//! drafts), then the linked [`Site`].

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::content::load::Loaded;
use crate::content::model::{Details, Kind, Record, RecordId};
use crate::diagnostic::{suggestion, Diagnostic, Diagnostics, Location};
use crate::site::Site;

pub fn validate(root: PathBuf, loaded: Loaded, drafts: bool, problems: &Diagnostics) -> Site {
    validate_links_of(root, loaded, drafts, &|_| true, problems)
}

/// [`validate`] after `edited` records were changed in place (same slugs, none
/// added or removed): the others' `@/` links still lead where they did, so only
/// the edited records' links are checked again, which at 10,000 records is most
/// of the time an edit's check takes.
pub fn validate_edit(
    root: PathBuf,
    loaded: Loaded,
    drafts: bool,
    edited: &[RecordId],
    problems: &Diagnostics,
) -> Site {
    validate_links_of(root, loaded, drafts, &|r| edited.contains(&r.id), problems)
}

fn validate_links_of(
    root: PathBuf,
    loaded: Loaded,
    drafts: bool,
    links_of: &dyn Fn(&Record) -> bool,
    problems: &Diagnostics,
) -> Site {
    let Loaded {
        config,
        taxonomies,
        mut records,
        unreadable,
    } = loaded;
    check_references(&records, &unreadable, problems);
    check_aliases(&records, problems);
    check_page_slugs(&records, &taxonomies, problems);
    check_record_links(&root, &records, links_of, config.default_lang(), problems);
    if !drafts {
        drop_unpublished(&mut records, |r| r.draft, "a draft", problems);
    }
    if config.hide_retired {
        drop_unpublished(
            &mut records,
            Record::is_retired,
            "retired (site.yaml `retired: hide`)",
            problems,
        );
    }
    Site::new(root, config, taxonomies, records, drafts)
}

fn check_references(records: &[Record], unreadable: &[RecordId], problems: &Diagnostics) {
    let by_id: HashMap<&RecordId, &Record> = records.iter().map(|r| (&r.id, r)).collect();
    for record in records {
        for r in record.refs() {
            match by_id.get(&r.id()) {
                None if unreadable.contains(&r.id()) => {}
                None => {
                    let slugs = records
                        .iter()
                        .filter(|x| x.id.kind == r.kind)
                        .map(|x| x.id.slug.as_str());
                    let hint = suggestion(&r.slug, slugs).unwrap_or_else(|| {
                        format!(
                            "no file content/{}/{}.md or .yaml exists",
                            r.kind.dir(),
                            r.slug
                        )
                    });
                    let msg = format!("`{}` refers to a record that does not exist", r.id());
                    problems.push(
                        Diagnostic::error("unknown-reference", r.location.clone(), msg)
                            .with_hint(hint),
                    );
                }
                Some(target) => check_incubator(record, target, &r.location, problems),
            }
        }
    }
}

/// A company's `incubator` must be an institution of kind `incubator`.
fn check_incubator(record: &Record, target: &Record, at: &Location, problems: &Diagnostics) {
    let Details::Company(c) = &record.details else {
        return;
    };
    if c.incubator.as_ref().is_none_or(|i| i.id() != target.id) {
        return;
    }
    if !target
        .terms("institution-kind")
        .iter()
        .any(|k| k == "incubator")
    {
        let msg = format!("`{}` is not an incubator", target.id);
        let hint = format!(
            "give {} `kind: incubator`, or name an institution that is one",
            target.file.display()
        );
        problems.push(Diagnostic::error("not-an-incubator", at.clone(), msg).with_hint(hint));
    }
}

/// An alias (old slug) must not be the slug of another record of the kind, nor used twice.
fn check_aliases(records: &[Record], problems: &Diagnostics) {
    let slugs: HashSet<(Kind, &str)> = records
        .iter()
        .map(|r| (r.id.kind, r.id.slug.as_str()))
        .collect();
    let mut seen: HashMap<(Kind, &str), &Record> = HashMap::new();
    for record in records {
        for alias in &record.aliases {
            let key = (record.id.kind, alias.as_str());
            let at = Location::file(&record.file);
            if slugs.contains(&key) {
                let msg = format!("the alias `{alias}` is the slug of an existing record");
                problems.push(
                    Diagnostic::error("alias-conflict", at, msg).with_hint("remove the alias"),
                );
            } else if let Some(other) = seen.insert(key, record) {
                let msg = format!(
                    "the alias `{alias}` is also an alias of {}",
                    other.file.display()
                );
                problems.push(
                    Diagnostic::error("alias-conflict", at, msg)
                        .with_hint("keep it on one record only"),
                );
            }
        }
    }
}

/// A free-form page lives at `/<lang>/<slug>/`, beside the taxonomies' pages:
/// neither its slug nor an alias may be a taxonomy's name.
fn check_page_slugs(
    records: &[Record],
    taxonomies: &std::collections::BTreeMap<String, crate::content::model::Taxonomy>,
    problems: &Diagnostics,
) {
    for record in records.iter().filter(|r| r.id.kind == Kind::Pages) {
        let names = std::iter::once(&record.id.slug).chain(&record.aliases);
        for name in names.filter(|n| taxonomies.contains_key(n.as_str())) {
            let msg = format!("`{name}` is the name of a taxonomy, whose page is /<lang>/{name}/");
            problems.push(
                Diagnostic::error("reserved-slug", Location::file(&record.file), msg)
                    .with_hint("rename the page's file (and its translations)"),
            );
        }
    }
}

/// Every `[text](@/<kind>/<slug>)` in a body must name a record that exists.
fn check_record_links(
    root: &std::path::Path,
    records: &[Record],
    links_of: &dyn Fn(&Record) -> bool,
    default_lang: &str,
    problems: &Diagnostics,
) {
    let ids: HashSet<(Kind, &str)> = records
        .iter()
        .map(|r| (r.id.kind, r.id.slug.as_str()))
        .collect();
    for record in records.iter().filter(|r| links_of(r)) {
        for (lang, md) in &record.body {
            for (target, offset) in crate::content::markdown::record_links(md) {
                let path = target.split('#').next().unwrap_or("").trim_end_matches('/');
                let found = path
                    .split_once('/')
                    .and_then(|(k, slug)| Some((Kind::from_dir(k)?, slug)))
                    .is_some_and(|key| ids.contains(&key));
                if found {
                    continue;
                }
                let file = if lang == default_lang {
                    record.file.clone()
                } else {
                    record
                        .file
                        .with_file_name(format!("{}.{lang}.md", record.id.slug))
                };
                let pos = position_in_file(&root.join(&file), md, offset, &format!("@/{target}"));
                let slugs = records
                    .iter()
                    .map(|r| format!("{}/{}", r.id.kind.dir(), r.id.slug))
                    .collect::<Vec<_>>();
                let hint = suggestion(path, slugs.iter().map(String::as_str)).unwrap_or_else(
                    || "write `@/<kind>/<slug>`, such as `@/pages/join` or `@/companies/hanbit-precision`".into(),
                );
                let msg = format!("`@/{target}` links to a record that does not exist");
                problems.push(
                    Diagnostic::error("unknown-link", Location::new(&file, pos), msg)
                        .with_hint(hint),
                );
            }
        }
    }
}

/// Where `needle`, found from `offset` in `body`, is in the file the body came
/// from (line 1 when the file cannot be matched).
fn position_in_file(
    path: &std::path::Path,
    body: &str,
    offset: usize,
    needle: &str,
) -> crate::diagnostic::Pos {
    // As the loader read it (BOM off, LF line endings, NFC), so that the body is found.
    let text =
        crate::content::load::normalize_text(&std::fs::read_to_string(path).unwrap_or_default());
    let at = text.find(body).map_or(0, |start| {
        let from = (start + offset).min(text.len());
        text[from..].find(needle).map_or(from, |i| from + i)
    });
    let len = needle.chars().count();
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    crate::diagnostic::Pos { line, column, len }
}

/// Drafts (and retired records, where the site hides them) stay out of the
/// build; references to them are left unlinked.
fn drop_unpublished(
    records: &mut Vec<Record>,
    hidden: impl Fn(&Record) -> bool,
    why: &str,
    problems: &Diagnostics,
) {
    let drafts: HashSet<RecordId> = records
        .iter()
        .filter(|r| hidden(r))
        .map(|r| r.id.clone())
        .collect();
    if drafts.is_empty() {
        return;
    }
    records.retain(|r| !hidden(r));
    for record in records.iter() {
        for r in record.refs() {
            if drafts.contains(&r.id()) {
                let msg = format!(
                    "`{}` is {why}, so this link is left out of the public site",
                    r.id()
                );
                problems.push(Diagnostic::warning(
                    "draft-reference",
                    r.location.clone(),
                    msg,
                ));
            }
        }
    }
}
