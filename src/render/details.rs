//! The parts of a record page that only some kinds have: a company's products, a machine's booking, a notice's dates.

use crate::content::model::{Kind, Record};

use super::context::PageCtx;
use super::facts::{contact_facts, fact, link_fact, plain_fact, section};
use super::view::*;

pub(super) fn company(
    ctx: &PageCtx,
    l: &Localizer,
    record: &Record,
    c: &crate::content::model::Company,
    view: &mut RecordView,
) {
    view.facts
        .extend(c.founded.map(|y| plain_fact(l, "founded", y)));
    view.facts
        .extend(c.employees.map(|n| plain_fact(l, "employees", n)));
    if let Some(inc) = &c.incubator {
        view.facts.extend(link_fact(ctx, l, "incubator", inc));
    }
    view.panels.push(Panel {
        id: "contact".into(),
        title: l.ui("section.contact"),
        facts: contact_facts(l, &c.contact),
        note: None,
        action: None,
    });
    let products: Vec<Item> = c
        .products
        .iter()
        .map(|p| Item {
            id: p.anchor.clone(),
            title: l.text(&p.name),
            text: l.opt(&p.summary),
            url: None,
            note: None,
        })
        .collect();
    if !products.is_empty() {
        view.lists.push(ItemList {
            id: "products".into(),
            title: l.ui("section.products"),
            items: products,
        });
    }
    let services: Vec<Item> = c
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| Item {
            id: format!("service-{}", i + 1),
            title: l.text(s),
            text: None,
            url: None,
            note: None,
        })
        .collect();
    if !services.is_empty() {
        view.lists.push(ItemList {
            id: "services".into(),
            title: l.ui("section.services"),
            items: services,
        });
    }
    view.sections.extend(section(
        ctx,
        l,
        "equipment",
        "section.equipment",
        ctx.site.referrers(record, Kind::Equipment),
    ));
}

pub(super) fn equipment(
    ctx: &PageCtx,
    l: &Localizer,
    e: &crate::content::model::Equipment,
    view: &mut RecordView,
) {
    view.facts.extend(link_fact(ctx, l, "owner", &e.owner));
    view.facts
        .extend(e.maker.as_ref().map(|m| plain_fact(l, "maker", m)));
    view.facts
        .extend(e.model.as_ref().map(|m| plain_fact(l, "model", m)));
    view.facts.extend(e.year.map(|y| plain_fact(l, "year", y)));
    let mut location: Vec<Text> = Vec::new();
    location.extend(l.opt(&e.building));
    location.extend(l.opt(&e.room));
    if !location.is_empty() {
        let lang = location.iter().find_map(|t| t.lang.clone());
        let joined = location
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(", ");
        view.facts.push(fact(
            l.ui("field.location"),
            Text { text: joined, lang },
            None,
        ));
    }
    view.facts.extend(
        e.address
            .as_ref()
            .map(|a| fact(l.ui("field.address"), l.text(a), None)),
    );
    let mut booking = Vec::new();
    let access = if e.retired {
        "retired"
    } else if e.open {
        "open"
    } else {
        "internal"
    };
    booking.push(fact(
        l.ui("field.open"),
        Text::plain(l.ui(&format!("booking.{access}"))),
        None,
    ));
    booking.extend(
        e.conditions
            .as_ref()
            .map(|c| fact(l.ui("field.conditions"), l.text(c), None)),
    );
    booking.extend(
        e.fee
            .as_ref()
            .map(|f| fact(l.ui("field.fee"), l.text(f), None)),
    );
    if let Some(b) = &e.booking {
        let url = if b.contains('@') && !b.starts_with("http") {
            format!("mailto:{b}")
        } else {
            b.clone()
        };
        booking.push(fact(l.ui("field.booking"), Text::plain(b), Some(url)));
    }
    if let Some(name) = &e.contact_name {
        booking.push(fact(l.ui("field.contact"), l.text(name), None));
    }
    if let Some(email) = &e.contact_email {
        booking.push(fact(
            l.ui("field.email"),
            Text::plain(email),
            Some(format!("mailto:{email}")),
        ));
    }
    view.panels.insert(
        0,
        Panel {
            id: "booking".into(),
            title: l.ui("section.booking"),
            facts: booking,
            note: None,
            action: None,
        },
    );
    let specs: Vec<Item> = e
        .specs
        .iter()
        .enumerate()
        .map(|(i, s)| Item {
            id: format!("spec-{}", i + 1),
            title: l.text(&s.label),
            text: Some(l.text(&s.value)),
            url: None,
            note: None,
        })
        .collect();
    if !specs.is_empty() {
        view.lists.push(ItemList {
            id: "specs".into(),
            title: l.ui("section.specs"),
            items: specs,
        });
    }
}

pub(super) fn notice(
    ctx: &PageCtx,
    l: &Localizer,
    n: &crate::content::model::Notice,
    view: &mut RecordView,
) {
    view.facts.push(plain_fact(l, "date", n.when()));
    if let Some(d) = &n.deadline {
        view.facts.push(plain_fact(l, "deadline", d));
    }
    let status = if n.is_current(&ctx.site.today) {
        "notice.current"
    } else {
        "notice.past"
    };
    view.facts
        .push(fact(l.ui("field.status"), Text::plain(l.ui(status)), None));
    if let Some(loc) = &n.location {
        view.facts
            .push(fact(l.ui("field.location"), l.text(loc), None));
    }
    if let Some(o) = &n.organizer {
        view.facts.extend(link_fact(ctx, l, "organizer", o));
    }
    if let Some(link) = &n.link {
        view.facts.push(fact(
            l.ui("field.link"),
            Text::plain(link.trim_start_matches("https://").trim_end_matches('/')),
            Some(link.clone()),
        ));
    }
}
