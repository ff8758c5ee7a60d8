//! Feeds: Atom per language for notices and success stories, and an
//! iCalendar file of events per language that calendar apps import.
//!
//! Every date comes from the content (never the clock), so a rebuild of the
//! same commit writes the same bytes.

use std::path::PathBuf;

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text as AtomText};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::content::model::{Details, Kind, Record};
use crate::site::localize::Localizer;
use crate::site::paths::{record_path, OutputFile};

/// Newest entries a feed carries; readers only look at the latest.
const FEED_ENTRIES: usize = 50;

/// The feeds of one language.
pub fn feeds(l: &Localizer) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for kind in [Kind::Notices, Kind::SuccessStories] {
        out.push(OutputFile {
            path: PathBuf::from(format!("{}/{}/atom.xml", l.lang, kind.dir())),
            bytes: atom(l, kind).into_bytes(),
        });
    }
    out.push(OutputFile {
        path: PathBuf::from(format!("{}/notices/events.ics", l.lang)),
        bytes: calendar(l).into_bytes(),
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

fn atom(l: &Localizer, kind: Kind) -> String {
    let mut records: Vec<&Record> = l
        .site
        .records
        .iter()
        .filter(|r| r.id.kind == kind)
        .collect();
    records.sort_by_key(|r| (std::cmp::Reverse(entry_date(r)), r.id.slug.clone()));
    records.truncate(FEED_ENTRIES);
    let site_title = l.text(&l.site.config.title).text;
    let self_url = l
        .site
        .absolute(&format!("{}/{}/atom.xml", l.lang, kind.dir()));
    let mut feed = Feed::default();
    feed.set_title(AtomText::plain(format!(
        "{} · {site_title}",
        l.kind_label(kind)
    )));
    feed.set_id(self_url.clone());
    feed.set_lang(Some(l.lang.to_string()));
    feed.set_links(vec![
        link(self_url, "self", Some("application/atom+xml")),
        link(
            l.site.absolute(&format!("{}/{}/", l.lang, kind.dir())),
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
    feed.set_entries(records.iter().map(|r| entry(l, r)).collect::<Vec<_>>());
    feed.to_string()
}

fn entry(l: &Localizer, record: &Record) -> Entry {
    let url = l.site.absolute(&record_path(record, l.lang));
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

fn calendar(l: &Localizer) -> String {
    let site_title = l.text(&l.site.config.title).text;
    let host = l
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
    for record in &l.site.records {
        let Details::Notice(n) = &record.details else {
            continue;
        };
        if !record
            .terms("notice-category")
            .iter()
            .any(|c| crate::content::config::EVENT_CATEGORIES.contains(&c.as_str()))
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
            .uid(&format!("{}-{}@{host}", record.id.slug, l.lang))
            .timestamp(start.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
            .summary(&text(&l.text(&record.title).text))
            // An all-day event ends (exclusively) the day after its last day.
            .starts(start)
            .ends(last.succ_opt().unwrap_or(last))
            .url(&l.site.absolute(&record_path(record, l.lang)));
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
