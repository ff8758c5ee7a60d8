//! The content of each kind's record page, of cards and of the home page.

use serde::Serialize;

use crate::kinds::facet_fields;
use crate::markdown;
use crate::model::{Contact, Details, Kind, MediaRole, Record};
use crate::render::PageCtx;
use crate::view::*;

/// Facets shown as badges on a card, most telling first.
pub fn card_badges(record: &Record) -> Vec<(&'static str, &str)> {
    let shown: &[&str] = match record.id.kind {
        Kind::Companies => &["company-status", "company-kind", "technologies"],
        Kind::Institutions => &["institution-kind"],
        Kind::ResearchThemes => &["collaboration", "technologies"],
        Kind::Equipment => &["access", "equipment-status", "equipment-categories"],
        Kind::Coordinators => &["tier", "qualifications", "support-areas"],
        Kind::SuccessStories => &["story-type", "technologies"],
        Kind::Notices => &["notice-category", "technologies"],
        Kind::Pages => &[],
    };
    let mut out = Vec::new();
    for &tax in shown {
        for term in record.terms(tax).iter().take(4) {
            if (tax == "equipment-status" && term == "in-service")
                || (tax == "company-status" && term == "member")
            {
                continue;
            }
            out.push((tax_id(record, tax), term.as_str()));
        }
    }
    out
}

/// The facet id with a 'static lifetime, as recorded on the record.
fn tax_id(record: &Record, tax: &str) -> &'static str {
    record
        .facets
        .iter()
        .find(|(t, _)| *t == tax)
        .map(|(t, _)| *t)
        .unwrap_or("")
}

/// Short facts under a card's title: who owns the equipment, where the theme is researched.
pub fn card_meta(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<Text> {
    let name_of = |r: &crate::model::Ref| ctx.site.get(&r.id()).map(|t| l.text(&t.title));
    match &record.details {
        Details::ResearchTheme(t) => {
            let mut meta: Vec<Text> = name_of(&t.institution).into_iter().collect();
            meta.extend(t.researcher.as_ref().map(|r| l.text(&r.name)));
            meta
        }
        Details::Equipment(e) => {
            let mut meta: Vec<Text> = name_of(&e.owner).into_iter().collect();
            if let (true, false, Some(b)) = (e.open, e.retired, &e.booking) {
                meta.push(Text::plain(format!("{}: {b}", l.ui("field.booking"))));
            }
            if let Some(c) = &e.conditions {
                let c = l.text(c);
                meta.push(Text {
                    text: format!("{}: {}", l.ui("field.conditions"), shorten(&c.text, 90)),
                    lang: c.lang,
                });
            }
            meta
        }
        Details::SuccessStory(s) => s
            .year
            .map(|y| Text::plain(y.to_string()))
            .into_iter()
            .collect(),
        Details::Notice(n) => {
            let mut meta = vec![Text::plain(n.when())];
            if let Some(d) = &n.deadline {
                meta.push(Text::plain(format!("{}: {d}", l.ui("field.deadline"))));
            }
            meta.extend(n.organizer.as_ref().and_then(name_of));
            meta
        }
        _ => Vec::new(),
    }
}

fn fact(label: String, value: Text, url: Option<String>) -> Fact {
    Fact { label, value, url }
}

fn plain_fact(l: &Localizer, key: &str, value: impl ToString) -> Fact {
    fact(
        l.ui(&format!("field.{key}")),
        Text::plain(value.to_string()),
        None,
    )
}

fn link_fact(ctx: &PageCtx, l: &Localizer, key: &str, r: &crate::model::Ref) -> Option<Fact> {
    let target = ctx.site.get(&r.id())?;
    Some(fact(
        l.ui(&format!("field.{key}")),
        l.text(&target.title),
        Some(ctx.record_url(target)),
    ))
}

fn contact_facts(l: &Localizer, c: &Contact) -> Vec<Fact> {
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

fn tel(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// A person's own contact when they agreed to publish it, else the secretariat's.
fn person_contact(
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

fn section(
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
                crate::collate::sort_key(&l.text(&ctx.site.records[i].title).text),
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

pub fn record_view(ctx: &PageCtx, l: &Localizer, record: &Record) -> RecordView {
    let kind = record.id.kind;
    let (body, body_lang) = body(ctx, l, record);
    let mut view = RecordView {
        kind: kind.dir(),
        kind_label: l.ui(&format!("kind_one.{}", kind.dir())),
        slug: record.id.slug.clone(),
        title: l.text(&record.title),
        summary: l.opt(&record.summary),
        badges: card_badges(record)
            .into_iter()
            .filter_map(|(t, k)| ctx.term_link(l, t, k, None))
            .collect(),
        facts: Vec::new(),
        panels: Vec::new(),
        body,
        body_lang,
        lists: Vec::new(),
        facets: facets(ctx, l, record),
        sections: Vec::new(),
        updated: record.updated.clone(),
        draft: record.draft,
        portrait: media(ctx, l, record, MediaRole::Portrait)
            .into_iter()
            .next(),
        gallery: media(ctx, l, record, MediaRole::Image),
        documents: media(ctx, l, record, MediaRole::Document),
    };
    let stories = ctx.site.referrers(record, Kind::SuccessStories);
    match &record.details {
        Details::Company(c) => company(ctx, l, record, c, &mut view),
        Details::Institution(i) => {
            view.panels.push(Panel {
                id: "contact".into(),
                title: l.ui("section.contact"),
                facts: contact_facts(l, &i.contact),
                note: None,
                action: None,
            });
            let s = &ctx.site;
            view.sections.extend(section(
                ctx,
                l,
                "research-themes",
                "section.research_themes",
                s.referrers(record, Kind::ResearchThemes),
            ));
            view.sections.extend(section(
                ctx,
                l,
                "equipment",
                "section.equipment",
                s.referrers(record, Kind::Equipment),
            ));
            view.sections.extend(section(
                ctx,
                l,
                "tenants",
                "section.tenants",
                s.referrers(record, Kind::Companies),
            ));
        }
        Details::ResearchTheme(t) => {
            view.facts
                .extend(link_fact(ctx, l, "institution", &t.institution));
            if let Some(r) = &t.researcher {
                let mut facts = vec![fact(
                    l.ui("field.researcher"),
                    l.text(&r.name),
                    r.url.clone(),
                )];
                facts.extend(
                    r.position
                        .as_ref()
                        .map(|p| fact(l.ui("field.position"), l.text(p), None)),
                );
                facts.extend(
                    r.department
                        .as_ref()
                        .map(|d| fact(l.ui("field.department"), l.text(d), None)),
                );
                view.panels.push(Panel {
                    id: "researcher".into(),
                    title: l.ui("section.researcher"),
                    facts,
                    note: None,
                    action: None,
                });
            }
            view.panels
                .push(person_contact(ctx, l, t.public_contact, &t.email, &None));
        }
        Details::Equipment(e) => equipment(ctx, l, e, &mut view),
        Details::Coordinator(c) => {
            let mut panel = person_contact(ctx, l, c.public_contact, &c.email, &c.phone);
            panel.action = request_link(ctx, l, record);
            view.panels.push(panel);
        }
        Details::SuccessStory(s) => {
            view.facts.extend(s.year.map(|y| plain_fact(l, "year", y)));
            if let Some(o) = &s.outcome {
                view.facts
                    .push(fact(l.ui("field.outcome"), l.text(o), None));
            }
            let press = s
                .press
                .iter()
                .enumerate()
                .map(|(i, p)| Item {
                    id: format!("press-{}", i + 1),
                    title: l.text(&p.title),
                    text: None,
                    url: p.url.clone(),
                    note: p.date.clone(),
                })
                .collect::<Vec<_>>();
            if !press.is_empty() {
                view.lists.push(ItemList {
                    id: "press".into(),
                    title: l.ui("section.press"),
                    items: press,
                });
            }
            for kind in Kind::STORY_PARTNERS {
                let partners: Vec<&Record> = s
                    .partners
                    .iter()
                    .filter(|r| r.kind == kind)
                    .filter_map(|r| ctx.site.get(&r.id()))
                    .collect();
                let title = format!("network.{}", kind.dir());
                view.sections.extend(section(
                    ctx,
                    l,
                    &format!("network-{}", kind.dir()),
                    &title,
                    partners,
                ));
            }
        }
        Details::Notice(n) => notice(ctx, l, n, &mut view),
        Details::Page(_) => {}
    }
    if matches!(kind, Kind::Companies | Kind::Institutions) {
        let notices = ctx.site.referrers(record, Kind::Notices);
        view.sections
            .extend(section(ctx, l, "notices", "section.notices", notices));
    }
    view.panels
        .retain(|p| !p.facts.is_empty() || p.note.is_some());
    view.sections.extend(partner_sections(ctx, l, record));
    if kind != Kind::SuccessStories {
        view.sections.extend(section(
            ctx,
            l,
            "success-stories",
            "section.success_stories",
            stories,
        ));
    }
    view
}

fn body(ctx: &PageCtx, l: &Localizer, record: &Record) -> (Option<String>, Option<String>) {
    let resolve = |target: &str| {
        let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
        let (kind, slug) = path.trim_end_matches('/').split_once('/')?;
        let id = crate::model::RecordId {
            kind: Kind::from_dir(kind)?,
            slug: slug.to_string(),
        };
        let url = ctx.record_url(ctx.site.get(&id)?);
        Some(if fragment.is_empty() {
            url
        } else {
            format!("{url}#{fragment}")
        })
    };
    if let Some(md) = record.body.get(l.lang) {
        return (Some(markdown::to_html(md, &resolve)), None);
    }
    let default = l.default_lang();
    let Some((lang, md)) = record
        .body
        .get_key_value(default)
        .or_else(|| record.body.iter().next())
    else {
        return (None, None);
    };
    l.mark_fallback();
    (Some(markdown::to_html(md, &resolve)), Some(lang.clone()))
}

fn facets(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<FacetView> {
    facet_fields(record.id.kind)
        .iter()
        .filter_map(|(_, tax)| {
            let terms: Vec<TermLink> = record
                .terms(tax)
                .iter()
                .filter_map(|k| ctx.term_link(l, tax, k, None))
                .collect();
            let taxonomy = ctx.site.taxonomies.get(*tax)?;
            (!terms.is_empty()).then(|| FacetView {
                id: tax.to_string(),
                label: l.taxonomy_label(taxonomy),
                terms,
            })
        })
        .collect()
}

fn company(
    ctx: &PageCtx,
    l: &Localizer,
    record: &Record,
    c: &crate::model::Company,
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

fn equipment(ctx: &PageCtx, l: &Localizer, e: &crate::model::Equipment, view: &mut RecordView) {
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

fn notice(ctx: &PageCtx, l: &Localizer, n: &crate::model::Notice, view: &mut RecordView) {
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

#[derive(Serialize)]
pub struct HomeView {
    counts: Vec<TermLink>,
    stories: Vec<Card>,
    /// Current notices, soonest first, and the latest past ones.
    upcoming: Vec<Card>,
    recent: Vec<Card>,
    ways_in: Vec<FacetView>,
    shortcuts: Vec<TermLink>,
}

/// Counts, the newest success stories, and the most used terms of the main facets.
pub fn home_view(ctx: &PageCtx, l: &Localizer) -> HomeView {
    let counts = Kind::LISTED
        .iter()
        .map(|k| TermLink {
            taxonomy: String::new(),
            key: k.dir().to_string(),
            label: Text::plain(ctx.kind_label(l, *k)),
            url: ctx.url(&format!("{}/{}/", ctx.lang, k.dir())),
            count: Some(ctx.sorted(*k).len()),
        })
        .collect();
    let mut stories: Vec<usize> = ctx.sorted(Kind::SuccessStories).to_vec();
    let year = |i: &usize| match &ctx.site.records[*i].details {
        Details::SuccessStory(s) => s.year.unwrap_or(0),
        _ => 0,
    };
    stories.sort_by_key(|i| std::cmp::Reverse(year(i)));
    let stories = stories
        .into_iter()
        .take(3)
        .map(|i| ctx.card(l, i))
        .collect();
    let ways_in = [
        "technologies",
        "industries",
        "support-areas",
        "equipment-categories",
    ]
    .iter()
    .filter_map(|tax| {
        let taxonomy = ctx.site.taxonomies.get(*tax)?;
        let mut terms: Vec<TermLink> = taxonomy
            .terms
            .iter()
            .filter_map(|t| {
                let n = ctx.by_term(tax, &t.key);
                (n > 0)
                    .then(|| ctx.term_link(l, tax, &t.key, Some(n)))
                    .flatten()
            })
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.count));
        terms.truncate(12);
        (!terms.is_empty()).then(|| FacetView {
            id: tax.to_string(),
            label: l.taxonomy_label(taxonomy),
            terms,
        })
    })
    .collect();
    let shortcuts = [
        ("access", "open"),
        ("tier", "super"),
        ("collaboration", "joint-research"),
        ("company-kind", "base-technology"),
    ]
    .iter()
    .filter_map(|(t, k)| ctx.term_link(l, t, k, Some(ctx.by_term(t, k))))
    .filter(|t| t.count != Some(0))
    .collect();
    let upcoming = ctx
        .sorted(Kind::Notices)
        .iter()
        .take(4)
        .map(|&i| ctx.card(l, i))
        .collect();
    let recent = ctx
        .archive()
        .iter()
        .take(3)
        .map(|&i| ctx.card(l, i))
        .collect();
    HomeView {
        counts,
        stories,
        upcoming,
        recent,
        ways_in,
        shortcuts,
    }
}

/// "Possible partners" sections: the best matches of each kind, with the shared terms.
fn partner_sections(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<Section> {
    let Some(i) = ctx.site.index_of(&record.id) else {
        return Vec::new();
    };
    let Some(per_kind) = ctx.site.partners.get(i) else {
        return Vec::new();
    };
    per_kind
        .iter()
        .filter(|(_, matches)| !matches.is_empty())
        .map(|(kind, matches)| Section {
            id: format!("partners-{}", kind.dir()),
            title: l.ui(&format!("partners.{}", kind.dir())),
            cards: matches
                .iter()
                .map(|m| {
                    let mut card = ctx.card(l, m.record);
                    let labels: Vec<String> = m
                        .shared
                        .iter()
                        .take(4)
                        .filter_map(|(tax, key)| {
                            ctx.site
                                .taxonomies
                                .get(*tax)
                                .map(|t| l.term_label(t, key).text)
                        })
                        .collect();
                    card.reason = Some(Text::plain(format!(
                        "{} {}",
                        l.ui("partners.shares"),
                        labels.join(", ")
                    )));
                    card
                })
                .collect(),
        })
        .collect()
}

/// A mailto link to the secretariat asking for this coordinator, with the page filled in.
fn request_link(ctx: &PageCtx, l: &Localizer, record: &Record) -> Option<Link> {
    let to = ctx.site.config.secretariat_email.as_ref()?;
    let name = l.text(&record.title).text;
    let url = format!(
        "{}/{}",
        ctx.site.config.base_url.trim_end_matches('/'),
        crate::render::record_path(record, l.lang)
    );
    let fill = |key: &str| l.ui(key).replace("{name}", &name).replace("{url}", &url);
    Some(Link {
        url: format!(
            "mailto:{to}?subject={}&body={}",
            mailto_encode(&fill("request.subject")),
            mailto_encode(&fill("request.body"))
        ),
        label: Text::plain(l.ui("request.button")),
    })
}

/// Percent-encode for a mailto query (RFC 6068): everything but unreserved characters.
fn mailto_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// At most `max` characters, cut at a word and marked with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// The record's media files of one role, with their URLs under /media/.
fn media(ctx: &PageCtx, l: &Localizer, record: &Record, role: MediaRole) -> Vec<MediaView> {
    record
        .media
        .iter()
        .filter(|m| m.role == role)
        .map(|m| MediaView {
            url: ctx.url(&format!("media/{}", m.src)),
            text: l.text(&m.text),
            kind: m
                .src
                .rsplit_once('.')
                .map(|(_, e)| e.to_ascii_uppercase())
                .unwrap_or_default(),
            size: size(m.bytes),
            picture: picture(ctx, m),
        })
        .collect()
}

fn picture(ctx: &PageCtx, m: &crate::model::Media) -> Option<Picture> {
    let info = m.image.as_ref()?;
    let srcset = |vs: &[crate::images::Variant]| {
        vs.iter()
            .map(|v| format!("{} {}w", ctx.url(&v.path), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ext = crate::images::fallback_ext(m);
    let webp = crate::images::variants(m, info, "webp");
    let fallback = crate::images::variants(m, info, ext);
    let largest = fallback.last()?;
    Some(Picture {
        src: ctx.url(&largest.path),
        width: largest.width,
        height: largest.height,
        webp: srcset(&webp),
        fallback: srcset(&fallback),
        fallback_type: if ext == "png" {
            "image/png"
        } else {
            "image/jpeg"
        },
        sizes: match m.role {
            MediaRole::Portrait => "8rem",
            _ => "(min-width: 50rem) 16rem, (min-width: 30rem) 45vw, 90vw",
        },
    })
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1u64 << 20) as f64),
        b => format!("{} KB", b.div_ceil(1024).max(1)),
    }
}
