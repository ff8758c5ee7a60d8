//! The content of each kind's record page.

use crate::content::kinds::facet_fields;
use crate::content::markdown;
use crate::content::model::{Details, Kind, MediaRole, Record};

use super::cards::card_badges;
use super::context::PageCtx;
use super::details::{company, equipment, notice};
use super::facts::{contact_facts, fact, link_fact, person_contact, plain_fact, section};
use super::media::media;
use super::view::*;
use crate::site::matching::shared_words;
use crate::site::Match;

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
        Details::Karte(k) => super::staff::karte(ctx, l, record, k, &mut view),
    }
    if matches!(kind, Kind::Companies | Kind::Institutions) {
        let notices = ctx.site.referrers(record, Kind::Notices);
        view.sections
            .extend(section(ctx, l, "notices", "section.notices", notices));
    }
    super::staff::timeline(ctx, l, record, &mut view);
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

pub(super) fn body(
    ctx: &PageCtx,
    l: &Localizer,
    record: &Record,
) -> (Option<String>, Option<String>) {
    let resolve = |target: &str| {
        let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
        let (kind, slug) = path.trim_end_matches('/').split_once('/')?;
        let id = crate::content::model::RecordId {
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

pub(super) fn facets(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<FacetView> {
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

/// "Possible partners" sections: the best matches of each kind, with the shared terms.
pub(super) fn partner_sections(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<Section> {
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
                    let shared = shared_labels(ctx, l, m);
                    card.reason = (!shared.is_empty()).then(|| {
                        Text::plain(format!("{} {}", l.ui("partners.shares"), shared.join(", ")))
                    });
                    card
                })
                .collect(),
        })
        .collect()
}

/// What a partner shares with the record, as a reader knows it: the labels of
/// the shared terms, then (for kartes, which share the directory's terms under
/// names of their own) the words of the partner's problem that the two share.
fn shared_labels(ctx: &PageCtx, l: &Localizer, m: &Match) -> Vec<String> {
    const SHOWN: usize = 4;
    let mut labels: Vec<String> = (m.shared.iter())
        .filter_map(|(tax, key)| {
            let tax = tax.strip_prefix("karte-").unwrap_or(tax);
            (ctx.site.taxonomies.get(tax)).map(|t| l.term_label(t, key).text)
        })
        .take(SHOWN)
        .collect();
    // Words only in the page's language: a reason reads as one phrase.
    let problem = (ctx.site.records[m.record].summary.as_ref())
        .map(|p| l.text(p))
        .filter(|p| p.lang.is_none());
    if let Some(problem) = problem {
        let words = shared_words(&problem.text, &m.shared, &ctx.site.karte_nouns);
        // A word a shown term already says (자동차 in 자동차 부품) is left out.
        let new: Vec<String> = (words.into_iter())
            .filter(|w| !labels.iter().any(|t| t.contains(w.as_str())))
            .take(SHOWN - labels.len())
            .collect();
        labels.extend(new);
    }
    labels
}

/// A mailto link to the secretariat asking for this coordinator, with the page filled in.
pub(super) fn request_link(ctx: &PageCtx, l: &Localizer, record: &Record) -> Option<Link> {
    let to = ctx.site.config.secretariat_email.as_ref()?;
    let name = l.text(&record.title).text;
    let url = format!(
        "{}/{}",
        ctx.site.config.base_url.trim_end_matches('/'),
        crate::site::paths::record_path(record, l.lang)
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
pub(super) fn mailto_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
