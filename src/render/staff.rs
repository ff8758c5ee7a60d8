//! The staff edition's own views: a karte's page, the visit timeline on a
//! company's and a coordinator's page, and the reports on coordinator activity
//! and on visits and follow-ups that are due. None of it runs in the public
//! build, which has no kartes.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::model::{Details, Karte, Kind, Record};

use super::context::PageCtx;
use super::facts::{fact, link_fact, plain_fact};
use super::view::*;
use crate::site::localize::shorten;

/// The staff edition's reports, each a page under `/<lang>/kartes/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Activity,
    Due,
}

impl Report {
    pub const ALL: [Report; 2] = [Report::Activity, Report::Due];

    /// Its URL segment under `kartes/` (a slug kartes may not take).
    pub fn slug(self) -> &'static str {
        match self {
            Report::Activity => "activity",
            Report::Due => "due",
        }
    }
}

fn karte_of(record: &Record) -> Option<&Karte> {
    match &record.details {
        Details::Karte(k) => Some(k),
        _ => None,
    }
}

fn status(record: &Record) -> &str {
    record
        .terms("karte-status")
        .first()
        .map_or("", String::as_str)
}

/// A follow-up past its due date on `today` and not resolved.
fn overdue(record: &Record, k: &Karte, today: &str) -> bool {
    k.follow_up_due.as_deref().is_some_and(|d| d < today) && status(record) != "resolved"
}

/// A karte's terms lead to the karte search with that filter set: term pages
/// list the directory, not the kartes.
pub(super) fn terms_to_search(ctx: &PageCtx, terms: &mut [TermLink]) {
    for t in terms {
        t.url = ctx.url(&format!(
            "{}/search/?kind={}&{}={}",
            ctx.lang,
            Kind::Kartes.dir(),
            t.taxonomy,
            t.key
        ));
    }
}

pub(super) fn karte(
    ctx: &PageCtx,
    l: &Localizer,
    record: &Record,
    k: &Karte,
    view: &mut RecordView,
) {
    terms_to_search(ctx, &mut view.badges);
    for f in &mut view.facets {
        terms_to_search(ctx, &mut f.terms);
    }
    view.facts.extend(link_fact(ctx, l, "company", &k.company));
    view.facts.push(plain_fact(l, "visit_date", &k.date));
    for c in &k.coordinators {
        view.facts.extend(link_fact(ctx, l, "coordinator", c));
    }
    view.facts
        .push(fact(l.ui("field.advice"), l.text(&k.advice), None));
    if let Some(f) = &k.follow_up {
        view.facts
            .push(fact(l.ui("field.follow_up"), l.text(f), None));
    }
    if let Some(due) = &k.follow_up_due {
        let mut text = due.clone();
        if overdue(record, k, &ctx.site.today) {
            text = format!("{text} · {}", l.ui("field.overdue"));
        }
        view.facts
            .push(fact(l.ui("field.follow_up_due"), Text::plain(text), None));
    }
    if let Some(next) = &k.next_visit {
        view.facts.push(plain_fact(l, "next_visit", next));
    }
    view.facts.push(plain_fact(l, "filed_by", &k.filed_by));
    // The company's other visits as on its page: a company visited four
    // times a year has dozens, which as cards would bury the report itself.
    if let Some(company) = ctx.site.get(&k.company.id()) {
        let others: Vec<usize> = visits(ctx, company, Kind::Companies)
            .into_iter()
            .filter(|&i| ctx.site.records[i].id != record.id)
            .collect();
        if !others.is_empty() {
            view.lists.push(ItemList {
                id: "company-kartes".into(),
                title: l.ui("section.company_kartes"),
                items: visit_items(ctx, l, &others, Kind::Companies),
            });
        }
    }
}

/// The kartes of a company (or of a coordinator), newest first.
fn visits(ctx: &PageCtx, record: &Record, kind: Kind) -> Vec<usize> {
    let mut out: Vec<usize> = ctx
        .site
        .referrers(record, Kind::Kartes)
        .into_iter()
        .filter(|r| {
            karte_of(r).is_some_and(|k| match kind {
                Kind::Companies => k.company.slug == record.id.slug,
                _ => k.coordinators.iter().any(|c| c.slug == record.id.slug),
            })
        })
        .filter_map(|r| ctx.site.index_of(&r.id))
        .collect();
    out.sort_by(|&a, &b| {
        let date = |i: usize| karte_of(&ctx.site.records[i]).map(|k| k.date.clone());
        date(b).cmp(&date(a)).then(a.cmp(&b))
    });
    out
}

/// On a company's or a coordinator's page in the staff edition: its visits, as
/// a timeline (date, coordinator, areas, outcome), and the next planned visit.
pub(super) fn timeline(ctx: &PageCtx, l: &Localizer, record: &Record, view: &mut RecordView) {
    let kind = record.id.kind;
    if !ctx.site.staff || !matches!(kind, Kind::Companies | Kind::Coordinators) {
        return;
    }
    let kartes = visits(ctx, record, kind);
    let items = visit_items(ctx, l, &kartes, kind);
    if items.is_empty() {
        return;
    }
    if kind == Kind::Companies {
        let next = kartes
            .iter()
            .filter_map(|&i| karte_of(&ctx.site.records[i]).and_then(|k| k.next_visit.clone()))
            .filter(|d| *d >= ctx.site.today)
            .min();
        if let Some(next) = next {
            view.facts.push(plain_fact(l, "next_visit", next));
        }
    }
    view.lists.push(ItemList {
        id: "visits".into(),
        title: l.ui("section.visits"),
        items,
    });
}

/// Visits as a timeline's items: date, who (the coordinators on a company's
/// timeline, the company on a coordinator's), areas, problem and outcome.
fn visit_items(ctx: &PageCtx, l: &Localizer, kartes: &[usize], kind: Kind) -> Vec<Item> {
    kartes
        .iter()
        .map(|&i| {
            let r = &ctx.site.records[i];
            let k = karte_of(r).expect("visits are kartes");
            let names = |refs: Vec<&crate::content::model::Ref>| -> Vec<String> {
                refs.into_iter()
                    .filter_map(|c| ctx.site.get(&c.id()))
                    .map(|c| l.text(&c.title).text)
                    .collect()
            };
            let who = match kind {
                Kind::Companies => names(k.coordinators.iter().collect()),
                _ => names(vec![&k.company]),
            };
            let areas: Vec<String> = term_labels(ctx, l, r, "support-areas");
            let outcome = term_labels(ctx, l, r, "karte-status").join(", ");
            let problem = l
                .opt(&r.summary)
                .map(|p| shorten(&p.text, 90))
                .unwrap_or_default();
            Item {
                id: format!("visit-{}", r.id.slug),
                title: Text::plain(k.date.clone()),
                text: Some(Text::plain(format!(
                    "{} · {} — {problem}",
                    who.join(", "),
                    areas.join(", ")
                ))),
                url: Some(ctx.record_url(r)),
                note: Some(outcome),
            }
        })
        .collect()
}

fn term_labels(ctx: &PageCtx, l: &Localizer, record: &Record, taxonomy: &str) -> Vec<String> {
    let Some(tax) = ctx.site.taxonomies.get(taxonomy) else {
        return Vec::new();
    };
    record
        .terms(taxonomy)
        .iter()
        .map(|t| l.term_label(tax, t).text)
        .collect()
}

/// `today` (YYYY-MM-DD) less `months` months, as YYYY-MM-DD (compared as text).
pub fn months_before(today: &str, months: u32) -> String {
    let year: i64 = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    let month: i64 = today.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day = today.get(8..10).unwrap_or("01");
    let total = year * 12 + (month - 1) - i64::from(months);
    format!(
        "{:04}-{:02}-{day}",
        total.div_euclid(12),
        total.rem_euclid(12) + 1
    )
}

fn cell(text: impl Into<String>, url: Option<String>) -> Cell {
    Cell {
        text: text.into(),
        url,
        number: false,
    }
}

fn number(n: usize) -> Cell {
    Cell {
        text: if n == 0 { "·".into() } else { n.to_string() },
        url: None,
        number: true,
    }
}

impl PageCtx<'_> {
    pub(super) fn report_view(&self, l: &Localizer, report: Report) -> ReportView {
        let tables = match report {
            Report::Activity => vec![self.visits_per_month(l), self.companies_per_coordinator(l)],
            Report::Due => vec![self.not_visited(l), self.overdue_follow_ups(l)],
        };
        let intro = match report {
            Report::Activity => l.ui("staff.activity_intro"),
            Report::Due => l
                .ui("staff.due_intro")
                .replace("{months}", &self.site.config.not_visited_months.to_string())
                .replace("{today}", &self.site.today),
        };
        ReportView {
            title: l.ui(&format!("staff.{}", report.slug())),
            intro,
            tables,
            links: self.staff_links(l),
        }
    }

    /// The staff edition's own pages: the kartes and the two reports.
    pub(super) fn staff_links(&self, l: &Localizer) -> Vec<Link> {
        let mut links = vec![Link {
            url: self.url(&format!("{}/kartes/", self.lang)),
            label: Text::plain(self.kind_label(l, Kind::Kartes)),
        }];
        links.extend(Report::ALL.iter().map(|r| Link {
            url: self.url(&format!("{}/kartes/{}/", self.lang, r.slug())),
            label: Text::plain(l.ui(&format!("staff.{}", r.slug()))),
        }));
        links
    }

    /// The karte finder's fields besides the facets: coordinator and year
    /// (search filters `coordinator` and `year`).
    pub(super) fn karte_facets(&self, l: &Localizer, records: &[usize]) -> Vec<FacetView> {
        let finder = self
            .site
            .karte_finder(records.iter().map(|&i| &self.site.records[i]));
        let term = |taxonomy: &str, key: String, label: Text, count: usize| TermLink {
            taxonomy: taxonomy.into(),
            key,
            label,
            url: String::new(),
            count: Some(count),
        };
        vec![
            FacetView {
                id: "coordinator".into(),
                label: Text::plain(l.ui("field.coordinator")),
                terms: finder
                    .coordinators
                    .into_iter()
                    .map(|(slug, (c, n))| term("coordinator", slug.into(), l.text(&c.title), n))
                    .collect(),
            },
            FacetView {
                id: "year".into(),
                label: Text::plain(l.ui("field.year")),
                terms: finder
                    .years
                    .into_iter()
                    .rev()
                    .map(|(y, n)| term("year", y.into(), Text::plain(y.to_string()), n))
                    .collect(),
            },
        ]
    }

    fn kartes(&self) -> impl Iterator<Item = (&Record, &Karte)> {
        self.site
            .of_kind(Kind::Kartes)
            .filter_map(|r| karte_of(r).map(|k| (r, k)))
    }

    /// Visits per coordinator in each of the last twelve months, and in all.
    fn visits_per_month(&self, l: &Localizer) -> Table {
        let months: Vec<String> = (0..12)
            .rev()
            .map(|m| months_before(&self.site.today, m)[..7].to_string())
            .collect();
        let mut per: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
        for (_, k) in self.kartes() {
            for c in &k.coordinators {
                let row = per.entry(c.slug.as_str()).or_default();
                *row.entry(k.date[..7].to_string()).or_default() += 1;
                *row.entry(String::new()).or_default() += 1;
            }
        }
        let mut head = vec![l.ui("field.coordinator")];
        head.extend(months.iter().cloned());
        head.push(l.ui("staff.total"));
        let rows = self
            .site
            .of_kind(Kind::Coordinators)
            .map(|c| {
                let counts = per.get(c.id.slug.as_str());
                let n = |m: &str| counts.and_then(|r| r.get(m)).copied().unwrap_or(0);
                let mut row = vec![cell(l.text(&c.title).text, Some(self.record_url(c)))];
                row.extend(months.iter().map(|m| number(n(m))));
                row.push(number(n("")));
                row
            })
            .collect();
        Table {
            id: "visits-per-month".into(),
            caption: l.ui("staff.visits_per_month"),
            head,
            rows,
            empty: l.ui("staff.none"),
        }
    }

    /// The companies each coordinator has visited, with their number of visits.
    fn companies_per_coordinator(&self, l: &Localizer) -> Table {
        let mut per: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for (_, k) in self.kartes() {
            for c in &k.coordinators {
                *per.entry(c.slug.as_str())
                    .or_default()
                    .entry(k.company.slug.as_str())
                    .or_default() += 1;
            }
        }
        let rows = self
            .site
            .of_kind(Kind::Coordinators)
            .filter_map(|c| {
                let companies = per.get(c.id.slug.as_str())?;
                let names: Vec<String> = companies
                    .iter()
                    .filter_map(|(slug, n)| {
                        let id = crate::content::model::RecordId {
                            kind: Kind::Companies,
                            slug: slug.to_string(),
                        };
                        let company = self.site.get(&id)?;
                        Some(format!("{} ({n})", l.text(&company.title).text))
                    })
                    .collect();
                Some(vec![
                    cell(l.text(&c.title).text, Some(self.record_url(c))),
                    number(companies.len()),
                    cell(names.join(", "), None),
                ])
            })
            .collect();
        Table {
            id: "companies-per-coordinator".into(),
            caption: l.ui("staff.companies_per_coordinator"),
            head: vec![
                l.ui("field.coordinator"),
                l.ui("staff.companies"),
                l.ui("staff.visited"),
            ],
            rows,
            empty: l.ui("staff.none"),
        }
    }

    /// Member companies whose last visit is older than `not_visited_months`, never visited first.
    fn not_visited(&self, l: &Localizer) -> Table {
        let since = months_before(&self.site.today, self.site.config.not_visited_months);
        let mut last: BTreeMap<&str, (&str, &Record)> = BTreeMap::new();
        for (r, k) in self.kartes() {
            let e = last.entry(k.company.slug.as_str()).or_insert((&k.date, r));
            if k.date.as_str() > e.0 {
                *e = (&k.date, r);
            }
        }
        let mut due: Vec<(&str, &Record, Option<&Record>)> = self
            .site
            .of_kind(Kind::Companies)
            .filter(|c| !c.is_retired())
            .filter_map(|c| match last.get(c.id.slug.as_str()) {
                Some((date, _)) if *date >= since.as_str() => None,
                Some((date, karte)) => Some((*date, c, Some(*karte))),
                None => Some(("", c, None)),
            })
            .collect();
        due.sort_by(|a, b| (a.0, &a.1.id.slug).cmp(&(b.0, &b.1.id.slug)));
        let rows = due
            .into_iter()
            .map(|(date, company, karte)| {
                let when = match karte {
                    Some(k) => cell(date, Some(self.record_url(k))),
                    None => cell(l.ui("staff.never"), None),
                };
                let who: BTreeSet<String> = karte
                    .and_then(karte_of)
                    .into_iter()
                    .flat_map(|k| &k.coordinators)
                    .filter_map(|c| self.site.get(&c.id()))
                    .map(|c| l.text(&c.title).text)
                    .collect();
                vec![
                    cell(l.text(&company.title).text, Some(self.record_url(company))),
                    when,
                    cell(who.into_iter().collect::<Vec<_>>().join(", "), None),
                ]
            })
            .collect();
        Table {
            id: "not-visited".into(),
            caption: l
                .ui("staff.not_visited")
                .replace("{months}", &self.site.config.not_visited_months.to_string()),
            head: vec![
                l.ui("field.company"),
                l.ui("staff.last_visit"),
                l.ui("field.coordinator"),
            ],
            rows,
            empty: l.ui("staff.none"),
        }
    }

    /// Follow-ups past their due date and not resolved, longest overdue first.
    fn overdue_follow_ups(&self, l: &Localizer) -> Table {
        let mut late: Vec<(&Record, &Karte)> = self
            .kartes()
            .filter(|(r, k)| overdue(r, k, &self.site.today))
            .collect();
        late.sort_by(|a, b| (&a.1.follow_up_due, &a.0.id).cmp(&(&b.1.follow_up_due, &b.0.id)));
        let rows = late
            .into_iter()
            .map(|(r, k)| {
                let company = self.site.get(&k.company.id());
                vec![
                    cell(k.follow_up_due.clone().unwrap_or_default(), None),
                    cell(
                        company.map_or(String::new(), |c| l.text(&c.title).text),
                        company.map(|c| self.record_url(c)),
                    ),
                    cell(
                        k.follow_up
                            .as_ref()
                            .map_or(String::new(), |f| l.text(f).text),
                        None,
                    ),
                    cell(k.date.clone(), Some(self.record_url(r))),
                ]
            })
            .collect();
        Table {
            id: "overdue".into(),
            caption: l.ui("staff.overdue"),
            head: vec![
                l.ui("field.follow_up_due"),
                l.ui("field.company"),
                l.ui("field.follow_up"),
                l.ui("kind_one.kartes"),
            ],
            rows,
            empty: l.ui("staff.none"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::months_before;

    #[test]
    fn months_before_crosses_years() {
        assert_eq!(months_before("2026-03-15", 4), "2025-11-15");
        assert_eq!(months_before("2026-12-01", 0), "2026-12-01");
        assert_eq!(months_before("2026-12-31", 12), "2025-12-31");
        assert_eq!(months_before("2026-01-10", 1), "2025-12-10");
    }
}
