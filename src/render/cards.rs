//! A record as a card in a list: its title, summary, badges and short facts.

use crate::content::model::{Details, Kind, Record};
use crate::site::localize::shorten;

use super::context::PageCtx;
use super::view::*;

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
        Kind::Kartes => &["karte-status", "support-areas"],
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
pub(super) fn tax_id(record: &Record, tax: &str) -> &'static str {
    record
        .facets
        .iter()
        .find(|(t, _)| *t == tax)
        .map(|(t, _)| *t)
        .unwrap_or("")
}

/// Short facts under a card's title: who owns the equipment, where the theme is researched.
pub fn card_meta(ctx: &PageCtx, l: &Localizer, record: &Record) -> Vec<Text> {
    let name_of = |r: &crate::content::model::Ref| ctx.site.get(&r.id()).map(|t| l.text(&t.title));
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
        // Its title names the company and the day.
        Details::Karte(k) => k.coordinators.iter().filter_map(name_of).collect(),
        _ => Vec::new(),
    }
}

impl<'a> PageCtx<'a> {
    /// A record as a card in a list.
    pub fn card(&self, l: &Localizer, i: usize) -> Card {
        let record = &self.site.records[i];
        let initial = self.initial(i);
        let mut card = Card {
            kind: record.id.kind.dir(),
            kind_label: self.kind_label(l, record.id.kind),
            url: self.record_url(record),
            title: l.text(&record.title),
            summary: l.opt(&record.summary),
            meta: card_meta(self, l, record),
            badges: card_badges(record)
                .into_iter()
                .filter_map(|(t, k)| self.term_link(l, t, k, None))
                .collect(),
            initial,
            anchor: None,
            draft: record.draft,
            reason: None,
        };
        if record.id.kind == Kind::Kartes {
            super::staff::terms_to_search(self, &mut card.badges);
        }
        card
    }
}
