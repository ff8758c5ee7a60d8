//! Open data: every kind as `/data/<kind>.json` and `.csv`, an index at
//! `/data/index.json`, and the equipment in the Uniquip layout that
//! equipment-sharing portals harvest.
//!
//! Each record is described once, as a list of named [`Value`]s; JSON and
//! CSV are two ways of writing that list, so they cannot disagree. Localized
//! text keeps only what was written in each language (no fallback), so a
//! reuser can tell a translation from a copy.

use std::path::PathBuf;

use serde_json::{json, Map, Value as Json};

use crate::content::model::{Details, Kind, Localized, Record, RecordId};
use crate::site::paths::OutputFile;
use crate::site::Site;

/// One field of a record, as exported.
enum Value<'a> {
    Text(Option<&'a Localized>),
    Plain(Option<String>),
    Int(Option<i64>),
    Bool(bool),
    /// Term keys, plain strings.
    Keys(Vec<String>),
    Refs(Vec<RecordId>),
    /// A list of objects (products, specs, press), each a list of fields.
    Items(Vec<Vec<(&'static str, Value<'a>)>>),
}

use Value::*;

pub fn export(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    let mut datasets = Vec::new();
    for kind in Kind::ALL {
        let records: Vec<&Record> = site.records.iter().filter(|r| r.id.kind == kind).collect();
        let rows: Vec<Vec<(&'static str, Value)>> =
            records.iter().map(|r| fields(site, r)).collect();
        let json_rows: Vec<Json> = rows
            .iter()
            .map(|row| Json::Object(row_json(site, row)))
            .collect();
        let doc =
            json!({ "kind": kind.dir(), "languages": site.languages(), "records": json_rows });
        out.push(file(
            format!("data/{}.json", kind.dir()),
            pretty(&doc).into_bytes(),
        ));
        out.push(file(
            format!("data/{}.csv", kind.dir()),
            csv(site, kind, &rows),
        ));
        datasets.push(json!({
            "kind": kind.dir(),
            "count": records.len(),
            "json": absolute(site, &format!("data/{}.json", kind.dir())),
            "csv": absolute(site, &format!("data/{}.csv", kind.dir())),
        }));
    }
    let mut uniquip = Map::new();
    for lang in site.languages() {
        let path = format!("data/equipment-uniquip.{lang}.csv");
        uniquip.insert(lang.clone(), json!(absolute(site, &path)));
        out.push(file(path, uniquip_csv(site, lang)));
    }
    let title: Map<String, Json> = site
        .languages()
        .iter()
        .map(|l| {
            let t = site.config.title.get(l, site.config.default_lang()).text;
            (l.clone(), json!(t))
        })
        .collect();
    let index = json!({
        "title": title,
        "base_url": site.config.base_url,
        "languages": site.languages(),
        "licence_note": "Published by the cluster; see the site for terms of reuse.",
        "datasets": datasets,
        "equipment_uniquip": uniquip,
    });
    out.push(file("data/index.json".into(), pretty(&index).into_bytes()));
    out
}

fn file(path: String, bytes: Vec<u8>) -> OutputFile {
    OutputFile {
        path: PathBuf::from(path),
        bytes,
    }
}

fn pretty(v: &Json) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

fn absolute(site: &Site, path: &str) -> String {
    format!("{}/{path}", site.config.base_url.trim_end_matches('/'))
}

/// The address of a record's page in the default language.
fn record_url(site: &Site, id: &RecordId) -> String {
    match site.get(id) {
        Some(r) => absolute(
            site,
            &crate::site::paths::record_path(r, site.config.default_lang()),
        ),
        None => String::new(),
    }
}

/// Every exported field of a record, the same list for every record of a kind.
fn fields<'a>(site: &Site, r: &'a Record) -> Vec<(&'static str, Value<'a>)> {
    let mut f: Vec<(&'static str, Value)> = vec![
        ("id", Plain(Some(r.id.to_string()))),
        ("slug", Plain(Some(r.id.slug.clone()))),
        ("url", Plain(Some(record_url(site, &r.id)))),
        ("title", Text(Some(&r.title))),
        ("summary", Text(r.summary.as_ref())),
    ];
    for &(field, taxonomy) in crate::content::kinds::facet_fields(r.id.kind) {
        f.push((field, Keys(r.terms(taxonomy).to_vec())));
    }
    f.extend(details(r));
    f.push(("updated", Plain(r.updated.clone())));
    f
}

fn details(r: &Record) -> Vec<(&'static str, Value<'_>)> {
    let opt_ref = |x: &Option<crate::content::model::Ref>| Refs(x.iter().map(|r| r.id()).collect());
    match &r.details {
        // Open data is made of the directory's kinds only; a karte never gets here.
        Details::Karte(_) => Vec::new(),
        Details::Company(c) => vec![
            ("employees", Int(c.employees)),
            ("founded", Int(c.founded)),
            (
                "products",
                Items(
                    c.products
                        .iter()
                        .map(|p| {
                            vec![
                                ("name", Text(Some(&p.name))),
                                ("summary", Text(p.summary.as_ref())),
                                ("anchor", Plain(Some(p.anchor.clone()))),
                            ]
                        })
                        .collect(),
                ),
            ),
            (
                "services",
                Items(
                    c.services
                        .iter()
                        .map(|s| vec![("name", Text(Some(s)))])
                        .collect(),
                ),
            ),
            ("incubator", opt_ref(&c.incubator)),
            ("website", Plain(c.contact.website.clone())),
            ("email", Plain(c.contact.email.clone())),
            ("phone", Plain(c.contact.phone.clone())),
            ("address", Text(c.contact.address.as_ref())),
        ],
        Details::Institution(i) => vec![
            ("website", Plain(i.contact.website.clone())),
            ("email", Plain(i.contact.email.clone())),
            ("phone", Plain(i.contact.phone.clone())),
            ("address", Text(i.contact.address.as_ref())),
        ],
        Details::ResearchTheme(t) => vec![
            ("institution", Refs(vec![t.institution.id()])),
            ("researcher", Text(t.researcher.as_ref().map(|r| &r.name))),
            (
                "researcher_position",
                Text(t.researcher.as_ref().and_then(|r| r.position.as_ref())),
            ),
            (
                "researcher_department",
                Text(t.researcher.as_ref().and_then(|r| r.department.as_ref())),
            ),
            // A person's own address only with their consent.
            ("email", Plain(t.email.clone().filter(|_| t.public_contact))),
        ],
        Details::Equipment(e) => vec![
            ("owner", Refs(vec![e.owner.id()])),
            ("maker", Plain(e.maker.clone())),
            ("model", Plain(e.model.clone())),
            ("year", Int(e.year)),
            ("conditions", Text(e.conditions.as_ref())),
            ("fee", Text(e.fee.as_ref())),
            ("booking", Plain(e.booking.clone())),
            ("building", Text(e.building.as_ref())),
            ("room", Text(e.room.as_ref())),
            ("address", Text(e.address.as_ref())),
            ("contact_name", Text(e.contact_name.as_ref())),
            ("contact_email", Plain(e.contact_email.clone())),
            (
                "specs",
                Items(
                    e.specs
                        .iter()
                        .map(|s| {
                            vec![
                                ("label", Text(Some(&s.label))),
                                ("value", Text(Some(&s.value))),
                            ]
                        })
                        .collect(),
                ),
            ),
        ],
        Details::Coordinator(c) => vec![
            ("public_contact", Bool(c.public_contact)),
            ("email", Plain(c.email.clone().filter(|_| c.public_contact))),
            ("phone", Plain(c.phone.clone().filter(|_| c.public_contact))),
        ],
        Details::SuccessStory(s) => vec![
            ("year", Int(s.year)),
            (
                "partners",
                Refs(s.partners.iter().map(|r| r.id()).collect()),
            ),
            ("outcome", Text(s.outcome.as_ref())),
            (
                "press",
                Items(
                    s.press
                        .iter()
                        .map(|p| {
                            vec![
                                ("title", Text(Some(&p.title))),
                                ("url", Plain(p.url.clone())),
                                ("date", Plain(p.date.clone())),
                            ]
                        })
                        .collect(),
                ),
            ),
        ],
        Details::Notice(n) => vec![
            ("date", Plain(Some(n.date.clone()))),
            ("end_date", Plain(n.end_date.clone())),
            ("deadline", Plain(n.deadline.clone())),
            ("location", Text(n.location.as_ref())),
            ("organizer", opt_ref(&n.organizer)),
            ("link", Plain(n.link.clone())),
        ],
        Details::Page(p) => vec![("menu", Int(p.menu))],
    }
}

/// Localized text as `{ lang: text }` with only the languages it was written in.
fn localized(site: &Site, text: &Localized) -> Map<String, Json> {
    site.languages()
        .iter()
        .filter(|l| text.has(l))
        .map(|l| {
            let t = text.get(l, site.config.default_lang()).text;
            (l.clone(), json!(t))
        })
        .collect()
}

fn row_json(site: &Site, row: &[(&'static str, Value)]) -> Map<String, Json> {
    row.iter()
        .map(|(name, v)| (name.to_string(), value_json(site, v)))
        .collect()
}

fn value_json(site: &Site, v: &Value) -> Json {
    match v {
        Text(Some(t)) => Json::Object(localized(site, t)),
        Text(None) | Plain(None) | Int(None) => Json::Null,
        Plain(Some(s)) => json!(s),
        Int(Some(n)) => json!(n),
        Bool(b) => json!(b),
        Keys(keys) => json!(keys),
        Refs(ids) => Json::Array(
            ids.iter()
                .map(|id| json!({ "id": id.to_string(), "url": record_url(site, id) }))
                .collect(),
        ),
        Items(items) => Json::Array(
            items
                .iter()
                .map(|row| Json::Object(row_json(site, row)))
                .collect(),
        ),
    }
}

/// Separates the values of a list in one CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// Column names and cells of one value: `name`, or `name_<lang>` per language.
fn cells(site: &Site, name: &str, v: &Value) -> Vec<(String, String)> {
    let langs = site.languages();
    let per_lang = |f: &dyn Fn(&str) -> String| -> Vec<(String, String)> {
        langs
            .iter()
            .map(|l| (format!("{name}_{l}"), f(l)))
            .collect()
    };
    match v {
        Text(t) => per_lang(&|l| match t {
            Some(t) if t.has(l) => t.get(l, l).text.to_string(),
            _ => String::new(),
        }),
        Plain(s) => vec![(name.into(), s.clone().unwrap_or_default())],
        Int(n) => vec![(name.into(), n.map(|n| n.to_string()).unwrap_or_default())],
        Bool(b) => vec![(name.into(), b.to_string())],
        Keys(k) => vec![(name.into(), k.join(LIST_SEPARATOR))],
        Refs(ids) => vec![
            (
                name.into(),
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
            ),
            (
                format!("{name}_url"),
                ids.iter()
                    .map(|i| record_url(site, i))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
            ),
        ],
        // Lists of objects: per language, each item's texts joined by " — ".
        Items(items) => per_lang(&|l| {
            items
                .iter()
                .map(|row| {
                    row.iter()
                        .filter(|(n, _)| *n != "anchor")
                        .filter_map(|(_, v)| match v {
                            Text(Some(t)) if t.has(l) => Some(t.get(l, l).text.to_string()),
                            Plain(Some(s)) => Some(s.clone()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(" — ")
                })
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR)
        }),
    }
}

/// A CSV cell as a spreadsheet can open it safely (OWASP: CSV injection). A
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a
/// formula to Excel, LibreOffice and Google Sheets, so it gets a leading `'`
/// unless it is a plain number (`-12`, `+3.5`). A phone number such as
/// `+81 42 …` is not a number, and is prefixed too. The JSON exports keep
/// the exact values.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let trigger = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if trigger && !is_plain_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Digits with an optional sign, decimal point and exponent: `-12`, `+3.5e2`.
fn is_plain_number(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Write one row, every cell made safe for spreadsheets.
fn write_row<S: AsRef<str>>(w: &mut csv::Writer<Vec<u8>>, row: &[S]) {
    let _ = w.write_record(row.iter().map(|c| safe_cell(c.as_ref()).into_owned()));
}

fn csv(site: &Site, kind: Kind, rows: &[Vec<(&'static str, Value)>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = match rows.first() {
        Some(row) => row
            .iter()
            .flat_map(|(n, v)| cells(site, n, v).into_iter().map(|(c, _)| c))
            .collect(),
        // No record of this kind: the header still says what the file is.
        None => vec![format!("id ({})", kind.dir())],
    };
    write_row(&mut w, &header);
    for row in rows {
        let values: Vec<String> = row
            .iter()
            .flat_map(|(n, v)| cells(site, n, v).into_iter().map(|(_, c)| c))
            .collect();
        write_row(&mut w, &values);
    }
    w.into_inner().unwrap_or_default()
}

/// The Uniquip columns (the UK equipment-sharing spreadsheet layout).
pub const UNIQUIP_COLUMNS: &[&str] = &[
    "Type",
    "ID",
    "Photo",
    "Name",
    "Description",
    "Technique",
    "Location",
    "Contact Name",
    "Contact Email",
    "Contact URL",
    "Department",
    "Site Location",
    "Building",
    "Service Level",
    "Web Address",
];

/// The equipment in one language, in the Uniquip layout.
fn uniquip_csv(site: &Site, lang: &str) -> Vec<u8> {
    let default = site.config.default_lang();
    let text = |t: &Option<Localized>| {
        t.as_ref()
            .map(|t| t.get(lang, default).text.to_string())
            .unwrap_or_default()
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    write_row(&mut w, UNIQUIP_COLUMNS);
    for r in site.records.iter().filter(|r| r.id.kind == Kind::Equipment) {
        let Details::Equipment(e) = &r.details else {
            continue;
        };
        let owner = site.get(&e.owner.id());
        let technique: Vec<String> = r
            .terms("equipment-categories")
            .iter()
            .chain(r.terms("technologies"))
            .filter_map(|k| {
                let tax = ["equipment-categories", "technologies"]
                    .iter()
                    .filter_map(|t| site.taxonomies.get(*t))
                    .find(|t| t.term(k).is_some())?;
                Some(tax.term(k)?.label.get(lang, default).text.to_string())
            })
            .collect();
        let photo = r
            .media
            .iter()
            .find(|m| m.role == crate::content::model::MediaRole::Image)
            .map(|m| absolute(site, &format!("media/{}", m.src)))
            .unwrap_or_default();
        let booking_url = e
            .booking
            .clone()
            .filter(|b| crate::content::read::is_web_url(b))
            .unwrap_or_default();
        let contact_email = e
            .contact_email
            .clone()
            .or_else(|| {
                e.booking
                    .clone()
                    .filter(|b| crate::content::read::is_email(b))
            })
            .unwrap_or_default();
        let page = absolute(site, &crate::site::paths::record_path(r, lang));
        let service = if e.retired {
            "Retired"
        } else if e.open {
            "Open to external users"
        } else {
            "Internal use only"
        };
        let row = [
            "equipment".to_string(),
            r.id.slug.clone(),
            photo,
            r.title.get(lang, default).text.to_string(),
            text(&r.summary),
            technique.join(LIST_SEPARATOR),
            text(&e.room),
            text(&e.contact_name),
            contact_email,
            booking_url,
            owner
                .map(|o| o.title.get(lang, default).text.to_string())
                .unwrap_or_default(),
            text(&e.address),
            text(&e.building),
            service.to_string(),
            page,
        ];
        write_row(&mut w, &row);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_are_neutralized_and_numbers_are_not() {
        for (cell, want) in [
            (
                "=HYPERLINK(\"https://x.example\",\"x\")",
                "'=HYPERLINK(\"https://x.example\",\"x\")",
            ),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("+81 42 000 0000", "'+81 42 000 0000"),
            ("-inf", "'-inf"),
            ("-12", "-12"),
            ("+3.5", "+3.5"),
            ("-1e3", "-1e3"),
            ("Hanbit", "Hanbit"),
            ("", ""),
        ] {
            assert_eq!(safe_cell(cell), want, "{cell:?}");
        }
    }
}
