//! schema.org metadata (JSON-LD) for each record page, so search engines
//! know a company from a machine or a coordinator.

use serde_json::{json, Map, Value};

use crate::content::model::{Details, MediaRole, Record};
use crate::render::context::PageCtx;
use crate::render::view::Localizer;

/// The JSON-LD of a record's page, ready to sit inside a `<script>` element.
pub fn for_record(ctx: &PageCtx, l: &Localizer, record: &Record) -> String {
    let v = describe(ctx, l, record);
    // `<` must never appear raw inside <script>: "</script>" in content would end it.
    serde_json::to_string(&v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn describe(ctx: &PageCtx, l: &Localizer, record: &Record) -> Value {
    let url = ctx.absolute(&crate::site::paths::record_path(record, ctx.lang));
    let name = l.text(&record.title).text;
    let mut v = Map::new();
    v.insert("@context".into(), json!("https://schema.org"));
    let ty = schema_type(record);
    v.insert("@type".into(), json!(ty));
    v.insert("@id".into(), json!(url));
    v.insert("url".into(), json!(url));
    let name_key = if matches!(ty, "Article") {
        "headline"
    } else {
        "name"
    };
    v.insert(name_key.into(), json!(name));
    v.insert("inLanguage".into(), json!(ctx.lang));
    if let Some(s) = &record.summary {
        v.insert("description".into(), json!(l.text(s).text));
    }
    let images: Vec<String> = record
        .media
        .iter()
        .filter(|m| m.role != MediaRole::Document)
        .map(|m| ctx.absolute(&format!("media/{}", m.src)))
        .collect();
    if let Some(first) = images.first() {
        let key = if ty == "Organization" {
            "logo"
        } else {
            "image"
        };
        v.insert(key.into(), json!(first));
    }
    if let Some(d) = &record.updated {
        v.insert("dateModified".into(), json!(d));
    }
    let topics = labels(
        ctx,
        l,
        record,
        &["technologies", "industries", "support-areas"],
    );
    match &record.details {
        Details::Company(c) => {
            contact(&mut v, l, &c.contact);
            if !topics.is_empty() {
                v.insert("knowsAbout".into(), json!(topics));
            }
            let offers: Vec<Value> = c
                .products
                .iter()
                .map(|p| {
                    let mut product = json!({
                        "@type": "Product",
                        "name": l.text(&p.name).text,
                        "url": format!("{url}#{}", p.anchor),
                    });
                    if let Some(s) = &p.summary {
                        product["description"] = json!(l.text(s).text);
                    }
                    json!({ "@type": "Offer", "itemOffered": product })
                })
                .collect();
            if !offers.is_empty() {
                v.insert("makesOffer".into(), json!(offers));
            }
        }
        Details::Institution(i) => contact(&mut v, l, &i.contact),
        Details::ResearchTheme(t) => {
            if let Some(inst) = organization(ctx, l, &t.institution) {
                v.insert("parentOrganization".into(), inst);
            }
            if let Some(r) = &t.researcher {
                let mut person = json!({ "@type": "Person", "name": l.text(&r.name).text });
                if let Some(p) = &r.position {
                    person["jobTitle"] = json!(l.text(p).text);
                }
                v.insert("member".into(), json!([person]));
            }
            if !topics.is_empty() {
                v.insert("knowsAbout".into(), json!(topics));
            }
        }
        Details::Equipment(e) => {
            if let Some(m) = &e.maker {
                v.insert(
                    "manufacturer".into(),
                    json!({ "@type": "Organization", "name": m }),
                );
            }
            if let Some(m) = &e.model {
                v.insert("model".into(), json!(m));
            }
            if let Some(y) = e.year {
                v.insert("productionDate".into(), json!(y.to_string()));
            }
            let props: Vec<Value> = e
                .specs
                .iter()
                .map(|s| {
                    json!({
                        "@type": "PropertyValue",
                        "name": l.text(&s.label).text,
                        "value": l.text(&s.value).text,
                    })
                })
                .collect();
            if !props.is_empty() {
                v.insert("additionalProperty".into(), json!(props));
            }
            let category = labels(ctx, l, record, &["equipment-categories"]);
            if !category.is_empty() {
                v.insert("category".into(), json!(category.join(", ")));
            }
        }
        Details::Coordinator(c) => {
            let credentials: Vec<Value> = labels(ctx, l, record, &["qualifications"])
                .into_iter()
                .map(|q| json!({ "@type": "EducationalOccupationalCredential", "name": q }))
                .collect();
            if !credentials.is_empty() {
                v.insert("hasCredential".into(), json!(credentials));
            }
            if !topics.is_empty() {
                v.insert("knowsAbout".into(), json!(topics));
            }
            let langs = labels(ctx, l, record, &["languages"]);
            if !langs.is_empty() {
                v.insert("knowsLanguage".into(), json!(langs));
            }
            if let Some(tier) = labels(ctx, l, record, &["tier"]).first() {
                v.insert("jobTitle".into(), json!(tier));
            }
            if c.public_contact {
                if let Some(e) = &c.email {
                    v.insert("email".into(), json!(e));
                }
                if let Some(p) = &c.phone {
                    v.insert("telephone".into(), json!(p));
                }
            }
        }
        Details::SuccessStory(s) => {
            let mentions: Vec<Value> = s
                .partners
                .iter()
                .filter_map(|r| ctx.site.get(&r.id()))
                .map(|p| {
                    json!({
                        "@type": schema_type(p),
                        "name": l.text(&p.title).text,
                        "url": ctx.absolute(&crate::site::paths::record_path(p, ctx.lang)),
                    })
                })
                .collect();
            if !mentions.is_empty() {
                v.insert("mentions".into(), json!(mentions));
            }
            if !topics.is_empty() {
                v.insert("about".into(), json!(topics));
            }
        }
        Details::Notice(n) => {
            if ty == "Event" {
                v.insert("startDate".into(), json!(n.date));
                v.insert(
                    "endDate".into(),
                    json!(n.end_date.as_deref().unwrap_or(&n.date)),
                );
                if let Some(loc) = &n.location {
                    v.insert(
                        "location".into(),
                        json!({ "@type": "Place", "name": l.text(loc).text }),
                    );
                }
            } else {
                v.insert("datePublished".into(), json!(n.date));
            }
            if let Some(o) = n.organizer.as_ref().and_then(|o| organization(ctx, l, o)) {
                let key = if ty == "Event" {
                    "organizer"
                } else {
                    "publisher"
                };
                v.insert(key.into(), o);
            }
            if let Some(link) = &n.link {
                v.insert("sameAs".into(), json!(link));
            }
        }
        Details::Page(_) | Details::Karte(_) => {}
    }
    Value::Object(v)
}

fn schema_type(record: &Record) -> &'static str {
    match &record.details {
        Details::Company(_) | Details::Institution(_) => "Organization",
        Details::ResearchTheme(_) => "ResearchProject",
        Details::Equipment(_) => "Product",
        Details::Coordinator(_) => "Person",
        Details::SuccessStory(_) => "Article",
        Details::Notice(_) => {
            let is_event = record
                .terms("notice-category")
                .iter()
                .any(|c| crate::content::config::EVENT_CATEGORIES.contains(&c.as_str()));
            if is_event {
                "Event"
            } else {
                "Article"
            }
        }
        Details::Page(_) => "WebPage",
        Details::Karte(_) => "Report",
    }
}

fn organization(ctx: &PageCtx, l: &Localizer, r: &crate::content::model::Ref) -> Option<Value> {
    let target = ctx.site.get(&r.id())?;
    Some(json!({
        "@type": "Organization",
        "name": l.text(&target.title).text,
        "url": ctx.absolute(&crate::site::paths::record_path(target, ctx.lang)),
    }))
}

fn contact(v: &mut Map<String, Value>, l: &Localizer, c: &crate::content::model::Contact) {
    if let Some(w) = &c.website {
        v.insert("sameAs".into(), json!(w));
    }
    if let Some(e) = &c.email {
        v.insert("email".into(), json!(e));
    }
    if let Some(p) = &c.phone {
        v.insert("telephone".into(), json!(p));
    }
    if let Some(a) = &c.address {
        v.insert("address".into(), json!(l.text(a).text));
    }
}

/// The labels of a record's terms in these taxonomies, in the page's language.
fn labels(ctx: &PageCtx, l: &Localizer, record: &Record, taxonomies: &[&str]) -> Vec<String> {
    taxonomies
        .iter()
        .filter_map(|t| ctx.site.taxonomies.get(*t).map(|tax| (t, tax)))
        .flat_map(|(t, tax)| {
            record
                .terms(t)
                .iter()
                .map(|k| l.term_label(tax, k).text)
                .collect::<Vec<_>>()
        })
        .collect()
}
