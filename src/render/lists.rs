//! List pages: a kind's records, past notices, a taxonomy's terms and a term's records, paged, with facet counts.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::content::kinds::facet_fields;
use crate::content::model::Kind;

use super::context::PageCtx;
use super::routes::pages;
use super::view::*;

impl<'a> PageCtx<'a> {
    pub(super) fn archive_view(&self, l: &Localizer, page: usize) -> ListView {
        let all = &self.index.archive;
        let base = format!("{}/notices/archive/", self.lang);
        let (cards, _, pager) = self.paginate(l, all, &base, page);
        ListView {
            finder: Vec::new(),
            kind: "notices",
            title: l.ui("notice.archive"),
            intro: l.ui("intro.archive"),
            count: all.len(),
            cards,
            initials: Vec::new(),
            pager,
            facets: Vec::new(),
            links: vec![Link {
                url: self.url(&format!("{}/notices/", self.lang)),
                label: Text::plain(l.ui("notice.current_list")),
            }],
        }
    }

    /// The archive, feeds and open-data downloads offered on a list page.
    pub(super) fn list_links(&self, l: &Localizer, kind: Kind) -> Vec<Link> {
        let link = |path: String, key: &str| Link {
            url: self.url(&path),
            label: Text::plain(l.ui(key)),
        };
        let lang = self.lang;
        let mut links = Vec::new();
        if kind == Kind::Kartes {
            // Kartes are never published as data or feeds: the reports instead.
            return self.staff_links(l).split_off(1);
        }
        if kind == Kind::Notices {
            links.push(link(format!("{lang}/notices/archive/"), "notice.archive"));
            links.push(link(format!("{lang}/notices/events.ics"), "feed.calendar"));
        }
        if matches!(kind, Kind::Notices | Kind::SuccessStories) {
            links.push(link(format!("{lang}/{}/atom.xml", kind.dir()), "feed.atom"));
        }
        links.push(link(format!("data/{}.csv", kind.dir()), "data.csv"));
        links.push(link(format!("data/{}.json", kind.dir()), "data.json"));
        if kind == Kind::Equipment {
            links.push(link(
                format!("data/equipment-uniquip.{lang}.csv"),
                "data.uniquip",
            ));
        }
        links
    }

    pub(super) fn list_view(&self, l: &Localizer, kind: Kind, page: usize) -> ListView {
        let all = &self.index.sorted[&(self.lang.to_string(), kind)];
        let base = format!("{}/{}/", self.lang, kind.dir());
        let (cards, mut initials, pager) = self.paginate(l, all, &base, page);
        if kind == Kind::Notices {
            // Notices are listed by date: an index by initial would mislead.
            initials.clear();
        }
        // Kartes run to thousands of pages: their facets and finder, counted
        // over all of them, are on the first page only.
        let counted = kind != Kind::Kartes || page == 1;
        let (facets, finder) = if counted {
            let key = format!("facets {base}");
            let both = self
                .index
                .per_list
                .get(key, || self.list_facets(l, kind, all));
            (both.0.clone(), both.1.clone())
        } else {
            (Vec::new(), Vec::new())
        };
        ListView {
            finder,
            kind: kind.dir(),
            title: self.kind_label(l, kind),
            intro: l.ui(&format!("intro.{}", kind.dir())),
            count: all.len(),
            cards,
            initials,
            pager,
            facets,
            links: self.list_links(l, kind),
        }
    }

    /// A list's facets with their counts, and its finder's fields.
    fn list_facets(
        &self,
        l: &Localizer,
        kind: Kind,
        all: &[usize],
    ) -> (Vec<FacetView>, Vec<FacetView>) {
        let mut facets: Vec<FacetView> = facet_fields(kind)
            .iter()
            .filter_map(|(_, tax)| self.facet_counts(l, tax, all))
            .collect();
        if kind == Kind::Kartes {
            for f in &mut facets {
                super::staff::terms_to_search(self, &mut f.terms);
            }
        }
        let finder = match kind {
            Kind::Coordinators | Kind::Equipment => {
                let mut f: Vec<FacetView> = facets.clone();
                f.extend(self.owner_facet(l, kind, all));
                f
            }
            Kind::Kartes => {
                let mut f: Vec<FacetView> = facets.clone();
                f.extend(self.karte_facets(l, all));
                f
            }
            _ => Vec::new(),
        };
        (facets, finder)
    }

    /// Equipment owners as a finder field (search filter `owner`).
    pub(super) fn owner_facet(
        &self,
        l: &Localizer,
        kind: Kind,
        records: &[usize],
    ) -> Option<FacetView> {
        if kind != Kind::Equipment {
            return None;
        }
        let mut owners: BTreeMap<String, (Text, usize)> = BTreeMap::new();
        for &i in records {
            if let crate::content::model::Details::Equipment(e) = &self.site.records[i].details {
                if let Some(owner) = self.site.get(&e.owner.id()) {
                    owners
                        .entry(owner.id.slug.clone())
                        .or_insert_with(|| (l.text(&owner.title), 0))
                        .1 += 1;
                }
            }
        }
        let terms = owners
            .into_iter()
            .map(|(slug, (label, count))| TermLink {
                taxonomy: "owner".into(),
                key: slug,
                label,
                url: String::new(),
                count: Some(count),
            })
            .collect();
        Some(FacetView {
            id: "owner".into(),
            label: Text::plain(l.ui("field.owner")),
            terms,
        })
    }

    /// A taxonomy's terms with how many of `records` carry each, most first.
    pub(super) fn facet_counts(
        &self,
        l: &Localizer,
        taxonomy: &str,
        records: &[usize],
    ) -> Option<FacetView> {
        let tax = self.site.taxonomies.get(taxonomy)?;
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in records {
            for term in self.site.records[i].terms(taxonomy) {
                *counts.entry(term.as_str()).or_default() += 1;
            }
        }
        let mut terms: Vec<TermLink> = tax
            .terms
            .iter()
            .filter_map(|t| {
                counts
                    .get(t.key.as_str())
                    .and_then(|&c| self.term_link(l, taxonomy, &t.key, Some(c)))
            })
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.count));
        (!terms.is_empty()).then(|| FacetView {
            id: taxonomy.to_string(),
            label: l.taxonomy_label(tax),
            terms,
        })
    }

    /// One page of `all`, the initial-letter index over all pages, and the pager.
    pub(super) fn paginate(
        &self,
        l: &Localizer,
        all: &[usize],
        base: &str,
        page: usize,
    ) -> (Vec<Card>, Vec<InitialLink>, Pager) {
        let size = self.site.config.page_size;
        let total = pages(all.len(), size);
        let page_url = |p: usize| {
            self.url(&if p > 1 {
                format!("{base}page/{p}/")
            } else {
                base.to_string()
            })
        };
        let by_initial = self.index.per_list.get(format!("initials {base}"), || {
            self.by_initial(all, |pos| page_url(pos / size + 1))
        });
        let (initials, first_of) = &*by_initial;
        let start = (page - 1) * size;
        let cards = all
            .iter()
            .skip(start)
            .take(size)
            .map(|&i| {
                let mut card = self.card(l, i);
                card.anchor = first_of.get(&i).cloned();
                card
            })
            .collect();
        let pager = Pager {
            current: page,
            total,
            prev: (page > 1).then(|| page_url(page - 1)),
            next: (page < total).then(|| page_url(page + 1)),
            pages: pager_pages(page, total, page_url),
        };
        (cards, initials.clone(), pager)
    }

    /// Each kind in a term's list, in the site's order of kinds: how many of
    /// its records the list has and where the first of them stands.
    fn kind_spans(&self, all: &[usize]) -> Vec<(Kind, usize, usize)> {
        self.site
            .all_kinds()
            .iter()
            .filter_map(|&k| {
                let of_kind = |i: &usize| self.site.records[*i].id.kind == k;
                let first = all.iter().position(of_kind)?;
                Some((k, all.iter().filter(|i| of_kind(i)).count(), first))
            })
            .collect()
    }

    /// The index by initial of a list: each initial with a link to its first
    /// record's page (`page_of` a position) and the anchor that record's card
    /// carries; none past `INITIALS_MAX` headings.
    fn by_initial(
        &self,
        all: &[usize],
        page_of: impl Fn(usize) -> String,
    ) -> (Vec<InitialLink>, HashMap<usize, String>) {
        let mut initials: Vec<InitialLink> = Vec::new();
        let mut first_of: HashMap<usize, String> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        let of_lang = &self.index.initials[self.lang];
        for (pos, &i) in all.iter().enumerate() {
            let init = of_lang[i].as_str();
            if seen.insert(init) {
                let anchor = format!("initial-{}", initials.len() + 1);
                initials.push(InitialLink {
                    initial: init.to_string(),
                    url: format!("{}#{anchor}", page_of(pos)),
                });
                first_of.insert(i, anchor);
            }
        }
        if initials.len() > INITIALS_MAX {
            return (Vec::new(), HashMap::new());
        }
        (initials, first_of)
    }

    pub(super) fn taxonomy_view(&self, l: &Localizer, taxonomy: &str) -> TaxonomyView {
        let tax = &self.site.taxonomies[taxonomy];
        let terms = tax
            .terms
            .iter()
            .filter_map(|t| {
                let n = self
                    .index
                    .by_term
                    .get(&(self.lang.to_string(), taxonomy.to_string(), t.key.clone()))
                    .map_or(0, Vec::len);
                self.term_link(l, taxonomy, &t.key, Some(n))
            })
            .collect();
        TaxonomyView {
            id: taxonomy.to_string(),
            title: l.taxonomy_label(tax),
            terms,
        }
    }

    pub(super) fn term_view(
        &self,
        l: &Localizer,
        taxonomy: &str,
        key: &str,
        page: usize,
    ) -> TermView {
        let tax = &self.site.taxonomies[taxonomy];
        let empty = Vec::new();
        let all = self
            .index
            .by_term
            .get(&(self.lang.to_string(), taxonomy.to_string(), key.to_string()))
            .unwrap_or(&empty);
        let base = format!("{}/{taxonomy}/{key}/", self.lang);
        let (cards, _, pager) = self.paginate(l, all, &base, page);
        let spans = self
            .index
            .per_list
            .get(format!("kinds {base}"), || self.kind_spans(all));
        let mut groups: Vec<Group> = Vec::new();
        for card in cards {
            match groups.last_mut() {
                Some(g) if g.kind == card.kind => g.cards.push(card),
                _ => {
                    let kind = Kind::from_dir(card.kind).unwrap_or(Kind::Companies);
                    let count = spans.iter().find(|s| s.0 == kind).map_or(0, |s| s.1);
                    groups.push(Group {
                        kind: card.kind,
                        title: self.kind_label(l, kind),
                        count,
                        cards: vec![card],
                    });
                }
            }
        }
        let size = self.site.config.page_size;
        let kinds = spans
            .iter()
            .map(|&(k, n, first)| {
                // The kind's group starts on the page of its first record.
                let page = first / size + 1;
                let page_base = if page > 1 {
                    format!("{base}page/{page}/")
                } else {
                    base.clone()
                };
                TermLink {
                    taxonomy: taxonomy.to_string(),
                    key: k.dir().to_string(),
                    label: Text::plain(self.kind_label(l, k)),
                    url: format!("{}#kind-{}", self.url(&page_base), k.dir()),
                    count: Some(n),
                }
            })
            .collect();
        TermView {
            taxonomy: taxonomy.to_string(),
            taxonomy_label: l.taxonomy_label(tax),
            taxonomy_url: self.url(&format!("{}/{taxonomy}/", self.lang)),
            key: key.to_string(),
            title: l.term_label(tax, key),
            count: all.len(),
            kinds,
            groups,
            pager,
        }
    }
}

#[derive(Serialize)]
pub(super) struct ListView {
    /// The finder form's fields (coordinators and equipment): facets with their terms.
    pub(super) finder: Vec<FacetView>,
    pub(super) kind: &'static str,
    pub(super) title: String,
    pub(super) intro: String,
    pub(super) count: usize,
    pub(super) cards: Vec<Card>,
    pub(super) initials: Vec<InitialLink>,
    pub(super) pager: Pager,
    pub(super) facets: Vec<FacetView>,
    /// Archive, feeds and downloads.
    pub(super) links: Vec<Link>,
}

#[derive(Serialize)]
pub(super) struct TaxonomyView {
    pub(super) id: String,
    pub(super) title: Text,
    pub(super) terms: Vec<TermLink>,
}

#[derive(Serialize)]
pub(super) struct TermView {
    pub(super) taxonomy: String,
    pub(super) taxonomy_label: Text,
    pub(super) taxonomy_url: String,
    pub(super) key: String,
    pub(super) title: Text,
    pub(super) count: usize,
    pub(super) kinds: Vec<TermLink>,
    pub(super) groups: Vec<Group>,
    pub(super) pager: Pager,
}

/// Pages shown either side of the current one in a pager.
const PAGER_NEAR: usize = 2;

/// The most headings an index by initial shows. Korean and Latin together
/// stay under it (14 consonants, 26 letters, digits); names in kanji, one
/// heading per first character, soon pass it, and a wall of headings is no index.
const INITIALS_MAX: usize = 50;

/// The pager's page numbers: all of them for a short list; for a long one
/// (a large site's lists run to hundreds of pages) the first, the last and
/// those near the current page, with a gap where pages are left out.
fn pager_pages(current: usize, total: usize, url: impl Fn(usize) -> String) -> Vec<PageLink> {
    let shown = |p: usize| p == 1 || p == total || p.abs_diff(current) <= PAGER_NEAR;
    let mut out = Vec::new();
    for p in (1..=total).filter(|&p| shown(p)) {
        if out
            .last()
            .is_some_and(|l: &PageLink| l.label != (p - 1).to_string())
        {
            out.push(PageLink {
                label: "…".into(),
                url: None,
                current: false,
            });
        }
        out.push(PageLink {
            label: p.to_string(),
            url: (p != current).then(|| url(p)),
            current: p == current,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pager_pages;

    /// The labels of a pager: `[n]` for the current page, `…` for a gap.
    fn labels(current: usize, total: usize) -> String {
        let pages = pager_pages(current, total, |p| format!("/page/{p}/"));
        let shown: Vec<String> = pages
            .iter()
            .map(|p| match (p.current, &p.url) {
                (true, _) => format!("[{}]", p.label),
                (false, Some(_)) => p.label.clone(),
                (false, None) => "…".into(),
            })
            .collect();
        shown.join(" ")
    }

    #[test]
    fn a_long_list_shows_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(labels(1, 3), "[1] 2 3");
        assert_eq!(labels(4, 7), "1 2 3 [4] 5 6 7");
        assert_eq!(labels(1, 1500), "[1] 2 3 … 1500");
        assert_eq!(labels(700, 1500), "1 … 698 699 [700] 701 702 … 1500");
        assert_eq!(labels(1499, 1500), "1 … 1497 1498 [1499] 1500");
    }
}
