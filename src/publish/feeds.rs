//! Feeds: Atom per language for notices and success stories, and an
//! iCalendar file of events per language that calendar apps import.
//!
//! Every date comes from the content (never the clock), so a rebuild of the
//! same commit writes the same bytes.

use std::path::PathBuf;

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text as AtomText};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::{Details, Kind, Record};
use crate::render::{OutputFile, PageCtx};
use crate::view::Localizer;

/// Newest entries a feed carries; readers only look at the latest.
const FEED_ENTRIES: usize = 50;

/// The notice categories that happen on a day and belong in a calendar.
pub const EVENT_CATEGORIES: &[&str] = &["event", "seminar", "exhibition"];

/// The feeds of one language.
pub fn feeds(ctx: &PageCtx) -> Vec<OutputFile> {
    let l = ctx.localizer();
    let mut out = Vec::new();
    for kind in [Kind::Notices, Kind::SuccessStories] {
        out.push(OutputFile {
            path: PathBuf::from(format!("{}/{}/atom.xml", ctx.lang, kind.dir())),
            bytes: atom(ctx, &l, kind).into_bytes(),
        });
    }
    out.push(OutputFile {
        path: PathBuf::from(format!("{}/notices/events.ics", ctx.lang)),
        bytes: calendar(ctx, &l).into_bytes(),
    });
    out
}

/// The date an entry is filed under: a notice's date, a story's `updated` or year.
fn entry_date(record: &Record) -> String {
    match &record.details {
        Details::Notice(n) => n.date.clone(),
        Details::SuccessStory(s) => record
            .updated
            .clone()
            .or_else(|| s.year.map(|y| format!("{y:04}-01-01")))
            .unwrap_or_else(|| "1970-01-01".into()),
        _ => record
            .updated
            .clone()
            .unwrap_or_else(|| "1970-01-01".into()),
    }
}

fn timestamp(date: &str) -> FixedDateTime {
    format!("{date}T00:00:00Z")
        .parse()
        .unwrap_or_else(|_| FixedDateTime::default())
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(mime.map(str::to_string));
    link
}

fn atom(ctx: &PageCtx, l: &Localizer, kind: Kind) -> String {
    let mut records: Vec<&Record> = ctx
        .site
        .records
        .iter()
        .filter(|r| r.id.kind == kind)
        .collect();
    records.sort_by_key(|r| (std::cmp::Reverse(entry_date(r)), r.id.slug.clone()));
    records.truncate(FEED_ENTRIES);
    let site_title = l.text(&ctx.site.config.title).text;
    let self_url = ctx.absolute(&format!("{}/{}/atom.xml", ctx.lang, kind.dir()));
    let mut feed = Feed::default();
    feed.set_title(AtomText::plain(format!(
        "{} · {site_title}",
        ctx.kind_label(l, kind)
    )));
    feed.set_id(self_url.clone());
    feed.set_lang(Some(ctx.lang.to_string()));
    feed.set_links(vec![
        link(self_url, "self", Some("application/atom+xml")),
        link(
            ctx.absolute(&format!("{}/{}/", ctx.lang, kind.dir())),
            "alternate",
            Some("text/html"),
        ),
    ]);
    let mut author = Person::default();
    author.set_name(site_title);
    feed.set_authors(vec![author]);
    let newest = records
        .first()
        .map_or_else(|| "1970-01-01".to_string(), |r| entry_date(r));
    feed.set_updated(timestamp(&newest));
    feed.set_entries(records.iter().map(|r| entry(ctx, l, r)).collect::<Vec<_>>());
    feed.to_string()
}

fn entry(ctx: &PageCtx, l: &Localizer, record: &Record) -> Entry {
    let url = ctx.absolute(&crate::render::record_path(record, ctx.lang));
    let mut entry = Entry::default();
    entry.set_title(AtomText::plain(l.text(&record.title).text));
    entry.set_id(url.clone());
    entry.set_links(vec![link(url, "alternate", Some("text/html"))]);
    let date = timestamp(&entry_date(record));
    entry.set_updated(date);
    entry.set_published(Some(date));
    if let Some(s) = &record.summary {
        entry.set_summary(Some(AtomText::plain(l.text(s).text)));
    }
    entry
}

fn calendar(ctx: &PageCtx, l: &Localizer) -> String {
    let site_title = l.text(&ctx.site.config.title).text;
    let host = ctx
        .site
        .config
        .base_url
        .split_once("://")
        .map_or("clusterpress", |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or("clusterpress")
        .to_string();
    let mut cal = Calendar::new();
    cal.name(&text(&format!("{} · {site_title}", l.ui("kind.notices"))));
    for record in &ctx.site.records {
        let Details::Notice(n) = &record.details else {
            continue;
        };
        if !record
            .terms("notice-category")
            .iter()
            .any(|c| EVENT_CATEGORIES.contains(&c.as_str()))
        {
            continue;
        }
        let (Some(start), Some(last)) = (
            naive(&n.date),
            naive(n.end_date.as_deref().unwrap_or(&n.date)),
        ) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&format!("{}-{}@{host}", record.id.slug, ctx.lang))
            .timestamp(start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
            .summary(&text(&l.text(&record.title).text))
            // An all-day event ends (exclusively) the day after its last day.
            .starts(start)
            .ends(last.succ_opt().unwrap_or(last))
            .url(&ctx.absolute(&crate::render::record_path(record, ctx.lang)));
        if let Some(s) = &record.summary {
            event.description(&text(&l.text(s).text));
        }
        if let Some(loc) = &n.location {
            event.location(&text(&l.text(loc).text));
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

/// Text for an iCalendar value. The encoder escapes line feeds but leaves a
/// carriage return as it is, which some calendar apps take as the end of the
/// line: text from content could then add properties or events of its own.
fn text(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn naive(date: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}
