//! Warnings: content that builds but serves visitors less well than it could.

use crate::content::model::{Details, Kind, Record};
use crate::diagnostic::{Diagnostic, Location};
use crate::site::Site;

pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Kartes are written in whichever languages their coordinators use, and
    // have no summary: the directory's advice for visitors does not apply.
    for record in site.records.iter().filter(|r| r.id.kind != Kind::Kartes) {
        let at = || Location::file(&record.file);
        let missing = missing_translations(site, record);
        for (lang, fields) in missing {
            let msg = format!("no {lang} text for: {}", fields.join(", "));
            let hint = format!(
                "add it to {} or to a translation file `{}.{lang}.md`",
                record.file.display(),
                record.id.slug
            );
            out.push(Diagnostic::warning("missing-translation", at(), msg).with_hint(hint));
        }
        if record.summary.is_none() {
            let hint = "a one-sentence `summary:` is shown in lists and search results";
            out.push(
                Diagnostic::warning("no-summary", at(), "this record has no summary")
                    .with_hint(hint),
            );
        }
        if record.facets.is_empty() && record.id.kind != Kind::Pages {
            let hint =
                "add technologies, industries or other facets so visitors can find it by topic";
            out.push(
                Diagnostic::warning("no-facet", at(), "this record has no facet at all")
                    .with_hint(hint),
            );
        }
        if let Details::Equipment(e) = &record.details {
            if e.open && !e.retired && e.booking.is_none() && e.contact_email.is_none() {
                let hint =
                    "add `booking:` (an email or web address) so outside users can reserve it";
                out.push(
                    Diagnostic::warning(
                        "no-booking",
                        at(),
                        "this unit is open to outside users but says nowhere how to book it",
                    )
                    .with_hint(hint),
                );
            }
        }
        if record.id.kind == Kind::Institutions
            && Kind::ALL
                .iter()
                .all(|k| site.referrers(record, *k).is_empty())
        {
            let hint = "name it as `institution:` of a research theme, `owner:` of equipment, or in a success story";
            out.push(
                Diagnostic::warning(
                    "unlinked-institution",
                    at(),
                    "nothing in the directory links to this institution",
                )
                .with_hint(hint),
            );
        }
    }
    out
}

/// Per non-default language, the fields of `record` that have no text of their own in it.
pub fn missing_translations(site: &Site, record: &Record) -> Vec<(String, Vec<&'static str>)> {
    let default = site.config.default_lang();
    site.languages()
        .iter()
        .filter(|l| l.as_str() != default)
        .filter_map(|lang| {
            let mut fields = Vec::new();
            if !record.title.has(lang) {
                fields.push(crate::content::kinds::title_field(record.id.kind));
            }
            if record.summary.as_ref().is_some_and(|s| !s.has(lang)) {
                fields.push("summary");
            }
            if !record.body.is_empty() && !record.body.contains_key(lang) {
                fields.push("body");
            }
            (!fields.is_empty()).then(|| (lang.clone(), fields))
        })
        .collect()
}

/// `check --translations`: per language and kind, how many records are fully translated.
pub fn translation_report(site: &Site) -> String {
    let mut out = String::new();
    let default = site.config.default_lang();
    for lang in site.languages().iter().filter(|l| l.as_str() != default) {
        out.push_str(&format!("{lang}:\n"));
        let mut total = (0, 0);
        for kind in Kind::ALL {
            let records: Vec<&Record> = site.of_kind(kind).collect();
            let missing: Vec<(&Record, Vec<&str>)> = records
                .iter()
                .filter_map(|r| {
                    missing_translations(site, r)
                        .into_iter()
                        .find(|(l, _)| l == lang)
                        .map(|(_, f)| (*r, f))
                })
                .collect();
            let done = records.len() - missing.len();
            total = (total.0 + done, total.1 + records.len());
            out.push_str(&format!(
                "  {:<16} {:>5} of {:<5} translated ({})\n",
                kind.dir(),
                done,
                records.len(),
                percent(done, records.len())
            ));
            for (r, fields) in missing {
                out.push_str(&format!(
                    "      {}: {}\n",
                    r.file.display(),
                    fields.join(", ")
                ));
            }
        }
        out.push_str(&format!(
            "  {:<16} {:>5} of {:<5} translated ({})\n",
            "all",
            total.0,
            total.1,
            percent(total.0, total.1)
        ));
    }
    if out.is_empty() {
        out.push_str("the site has one language: nothing to translate\n");
    }
    out
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".into();
    }
    format!("{:.0} %", part as f64 * 100.0 / whole as f64)
}
