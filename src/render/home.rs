//! The home page: counts, success stories, notices and ways into the directory.

use serde::Serialize;

use crate::content::model::{Details, Kind};

use super::context::PageCtx;
use super::view::*;

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
    let counts = ctx
        .site
        .listed_kinds()
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
