//! The facts and sections of record pages: labelled values, contacts, lists of linked records.

use crate::content::model::{Contact, Record};

use super::context::PageCtx;
use super::view::*;

pub(super) fn fact(label: String, value: Text, url: Option<String>) -> Fact {
    Fact { label, value, url }
}

pub(super) fn plain_fact(l: &Localizer, key: &str, value: impl ToString) -> Fact {
    fact(
        l.ui(&format!("field.{key}")),
        Text::plain(value.to_string()),
        None,
    )
}

pub(super) fn link_fact(
    ctx: &PageCtx,
    l: &Localizer,
    key: &str,
    r: &crate::content::model::Ref,
) -> Option<Fact> {
    let target = ctx.site.get(&r.id())?;
    Some(fact(
        l.ui(&format!("field.{key}")),
        l.text(&target.title),
        Some(ctx.record_url(target)),
    ))
}

pub(super) fn contact_facts(l: &Localizer, c: &Contact) -> Vec<Fact> {
    let mut facts = Vec::new();
    if let Some(w) = &c.website {
        facts.push(fact(
            l.ui("field.website"),
            Text::plain(
                w.trim_end_matches('/')
                    .trim_start_matches("https://")
                    .trim_start_matches("http://"),
            ),
            Some(w.clone()),
        ));
    }
    if let Some(e) = &c.email {
        facts.push(fact(
            l.ui("field.email"),
            Text::plain(e),
            Some(format!("mailto:{e}")),
        ));
    }
    if let Some(p) = &c.phone {
        facts.push(fact(l.ui("field.phone"), Text::plain(p), Some(tel(p))));
    }
    if let Some(a) = &c.address {
        facts.push(fact(l.ui("field.address"), l.text(a), None));
    }
    facts
}

pub(super) fn tel(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// A person's own contact when they agreed to publish it, else the secretariat's.
pub(super) fn person_contact(
    ctx: &PageCtx,
    l: &Localizer,
    public: bool,
    email: &Option<String>,
    phone: &Option<String>,
) -> Panel {
    let (email, phone, note) = if public {
        (email.clone(), phone.clone(), None)
    } else {
        let c = &ctx.site.config;
        (
            c.secretariat_email.clone(),
            c.secretariat_phone.clone(),
            Some(l.ui("contact.via_secretariat")),
        )
    };
    let contact = Contact {
        email,
        phone,
        ..Contact::default()
    };
    Panel {
        id: "contact".into(),
        title: l.ui("section.contact"),
        facts: contact_facts(l, &contact),
        note,
        action: None,
    }
}

pub(super) fn section(
    ctx: &PageCtx,
    l: &Localizer,
    id: &str,
    title_key: &str,
    records: Vec<&Record>,
) -> Option<Section> {
    if records.is_empty() {
        return None;
    }
    // In the language's list order (kind, then the name's sort key, then slug), found
    // through the site's index: a page's back-links must not scan every record.
    let mut idx: Vec<(String, usize)> = records
        .iter()
        .filter_map(|r| ctx.site.index_of(&r.id))
        .map(|i| {
            (
                crate::text::collate::sort_key(&l.text(&ctx.site.records[i].title).text),
                i,
            )
        })
        .collect();
    idx.sort_by(|a, b| {
        let (ra, rb) = (&ctx.site.records[a.1], &ctx.site.records[b.1]);
        (ra.id.kind, &a.0, &ra.id.slug).cmp(&(rb.id.kind, &b.0, &rb.id.slug))
    });
    let idx: Vec<usize> = idx.into_iter().map(|(_, i)| i).collect();
    Some(Section {
        id: id.to_string(),
        title: l.ui(title_key),
        cards: idx.into_iter().map(|i| ctx.card(l, i)).collect(),
    })
}
