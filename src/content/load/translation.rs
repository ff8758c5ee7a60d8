//! A translation file (`x.en.md`): its text and its translatable fields laid
//! over the record in that language.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::kinds::translatable;
use crate::content::model::{Config, Lang, Localized, Record};
use crate::content::read::Reader;
use crate::content::yaml::{Node, Value};
use crate::diagnostic::display_path;

use super::files::read_text;
use super::front_matter::front_matter_or_report;

/// Add a translation file's body and overridden fields to the record.
pub(super) fn apply_translation(
    root: &Path,
    path: &Path,
    lang: &str,
    record: &mut Record,
    config: &Config,
    r: &mut Reader,
) {
    let rel = display_path(root, path);
    let main_file = std::mem::replace(&mut r.file, rel);
    if let Ok(text) = read_text(root, path).map_err(|d| r.problems.push(d)) {
        if let Some((front, body)) = front_matter_or_report(&text, r, false) {
            if let Some(front) = front {
                override_fields(&front, lang, record, config, r);
            }
            if !body.trim().is_empty() {
                record.body.insert(lang.to_string(), body);
            }
        }
    }
    r.file = main_file;
}

pub(super) fn override_fields(
    front: &Node,
    lang: &str,
    record: &mut Record,
    config: &Config,
    r: &mut Reader,
) {
    let allowed = translatable(record.id.kind);
    let Some(entries) = front.as_map() else {
        r.error(
            "wrong-type",
            front.pos,
            "the front matter must be fields",
            None,
        );
        return;
    };
    for e in entries {
        if e.key == "slug" {
            // The editor writes the slug it asked for into translations too.
            r.same_slug(&e.value, &record.id.slug);
            continue;
        }
        if !allowed.contains(&e.key.as_str()) {
            let msg = format!("`{}` cannot be set in a translation", e.key);
            let hint = format!(
                "a translation may set {}; other fields go in {}",
                allowed
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                record.file.display()
            );
            r.error("not-translatable", e.key_pos, msg, Some(hint));
            continue;
        }
        if !matches!(e.value.value, Value::Scalar { .. }) {
            let hint = Some(format!("write the {lang} text only: `{}: …`", e.key));
            r.error(
                "wrong-type",
                e.value.pos,
                "expected the text in this file's language",
                hint,
            );
            continue;
        }
        let Some(text) = r.text(&e.value) else {
            continue;
        };
        if e.key == "name" || e.key == "title" {
            // The title is required and never empty; it goes through the same path as the others.
            let mut slot = Some(record.title.clone());
            set_language(&mut slot, lang, text, &config.languages);
            record.title = slot.unwrap_or_else(|| record.title.clone());
        } else if let Some(slot) = translatable_slot(record, &e.key) {
            set_language(slot, lang, text, &config.languages);
        }
    }
}

pub(super) fn translatable_slot<'a>(
    record: &'a mut Record,
    key: &str,
) -> Option<&'a mut Option<Localized>> {
    use crate::content::model::Details::*;
    match (key, &mut record.details) {
        ("summary", _) => Some(&mut record.summary),
        ("address", Company(c)) => Some(&mut c.contact.address),
        ("address", Institution(i)) => Some(&mut i.contact.address),
        ("address", Equipment(e)) => Some(&mut e.address),
        ("conditions", Equipment(e)) => Some(&mut e.conditions),
        ("fee", Equipment(e)) => Some(&mut e.fee),
        ("outcome", SuccessStory(s)) => Some(&mut s.outcome),
        _ => None,
    }
}

/// Set one language's text; text given once for all languages stays for the others.
pub(super) fn set_language(
    slot: &mut Option<Localized>,
    lang: &str,
    text: String,
    languages: &[Lang],
) {
    let mut map = match slot.take() {
        Some(Localized::PerLang(map)) => map,
        Some(Localized::Same(s)) => languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        None => BTreeMap::new(),
    };
    map.insert(lang.to_string(), text);
    *slot = Some(Localized::PerLang(map));
}
