//! Markdown bodies to safe HTML.
//!
//! Content may contain raw HTML (staff paste tables from Word); ammonia removes
//! anything that could run a script, so a record can never attack a visitor.
//!
//! A link to another record is written `[text](@/<kind>/<slug>)` (optionally
//! with `#fragment`); it becomes that record's address in the page's language,
//! under the site's base path, and a link to a record that does not exist is a
//! `check` error.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How a link to another record starts.
pub const RECORD_LINK: &str = "@/";

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Render `markdown` to sanitized HTML. Headings start at h2: the page's title is
/// its only h1. `resolve` turns `@/<kind>/<slug>` into an address (None: left as
/// plain text).
pub fn to_html(markdown: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if dest_url.starts_with(RECORD_LINK) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(resolve(&dest_url[RECORD_LINK.len()..]).unwrap_or_default()),
            title,
            id,
        }),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events);
    sanitizer().clean(&raw).to_string()
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto", "tel"].into_iter().collect());
        b.link_rel(Some("noopener noreferrer"));
        b
    })
}

/// The record links (`@/…` targets, without the prefix) of a body, each with
/// its byte offset in `markdown`.
pub fn record_links(markdown: &str) -> Vec<(String, usize)> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with(RECORD_LINK) => {
                Some((dest_url[RECORD_LINK.len()..].to_string(), range.start))
            }
            _ => None,
        })
        .collect()
}

/// Plain text of a Markdown body (for summaries and, later, the search index).
pub fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
            &|_| None,
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn headings_start_at_h2() {
        let html = to_html("# Title\n\n## Sub\n", &|_| None);
        assert!(html.contains("<h2>Title</h2>"));
        assert!(!html.contains("<h1"));
    }

    #[test]
    fn record_links_resolve_and_are_found_with_their_offset() {
        let md = "See [how to join](@/pages/join#forms) or [x](https://a.example/).";
        let html = to_html(md, &|t| Some(format!("/cluster/en/{t}")));
        assert!(
            html.contains(r#"href="/cluster/en/pages/join#forms""#),
            "{html}"
        );
        assert_eq!(record_links(md), vec![("pages/join#forms".to_string(), 4)]);
        let unresolved = to_html(md, &|_| None);
        assert!(!unresolved.contains("@/"), "{unresolved}");
    }
}
