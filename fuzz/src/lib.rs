//! What the fuzz targets share: a scratch site on disk, and the invariants every
//! run must keep besides "no panic": problems point inside the file they name,
//! and sanitized HTML holds nothing that can run a script.

use std::path::{Path, PathBuf};

use clusterpress::diagnostic::Diagnostic;

mod site_files;
mod urls;

pub use site_files::SITE_FILES;
pub use urls::inert_url;

/// A scratch site in a temporary folder (in /dev/shm when it exists, so that
/// writing the input costs no disk I/O). site.yaml and taxonomies.yaml are
/// those of tests/fixtures/valid/small.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

pub const SITE_YAML: &str = include_str!("../../tests/fixtures/valid/small/site.yaml");
pub const TAXONOMIES_YAML: &str =
    include_str!("../../tests/fixtures/valid/small/content/taxonomies.yaml");
pub const PNG: &[u8] = include_bytes!("../../tests/fixtures/valid/small/content/media/example.png");
pub const PDF: &[u8] = include_bytes!("../../tests/fixtures/valid/small/content/media/example.pdf");

impl Scratch {
    pub fn new() -> Scratch {
        let shm = Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            tempfile::tempdir_in(shm)
        } else {
            tempfile::tempdir()
        }
        .expect("a temporary folder");
        let s = Scratch { dir };
        s.write("site.yaml", SITE_YAML.as_bytes());
        s.write("content/taxonomies.yaml", TAXONOMIES_YAML.as_bytes());
        s.write("content/media/example.png", PNG);
        s.write("content/media/example.pdf", PDF);
        s
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        let _ = std::fs::remove_file(self.root().join(rel));
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

/// Every problem names a line and column that exist in the file it names (as
/// the loader saw it: normalized text), and the human report renders without
/// panicking.
pub fn check_positions(root: &Path, problems: &[Diagnostic]) {
    for d in problems {
        // The problem's place, and its second labels (in the same file).
        let places = std::iter::once(d.location.pos).chain(d.related.iter().map(|r| r.pos));
        for pos in places {
            assert!(pos.line >= 1 && pos.column >= 1, "position 0 in {d:?}");
            let path: PathBuf = root.join(&d.location.file);
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = clusterpress::content::load::normalize_text(&String::from_utf8_lossy(&bytes));
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(
                pos.line <= lines.len(),
                "line {} of a file of {} lines: {d:?}",
                pos.line,
                lines.len()
            );
            let width = lines[pos.line - 1].chars().count();
            assert!(
                pos.column <= width + 1,
                "column {} of a line of {width} characters: {d:?}",
                pos.column
            );
        }
    }
    let _ = clusterpress::commands::report::human(root, problems, false);
    let _ = clusterpress::commands::report::json(problems);
    let _ = clusterpress::commands::report::github(problems);
}

/// Record links (`@/<kind>/<slug>#fragment`) resolved as a page resolves them
/// (src/pages.rs), for any well-formed slug: the fragment goes into the href as
/// it was written.
pub fn resolve(target: &str) -> Option<String> {
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    let (kind, slug) = path.trim_end_matches('/').split_once('/')?;
    clusterpress::content::model::Kind::from_dir(kind)?;
    if !clusterpress::content::read::is_slug(slug) {
        return None;
    }
    let url = format!("/cluster/en/{kind}/{slug}/");
    Some(if fragment.is_empty() {
        url
    } else {
        format!("{url}#{fragment}")
    })
}

/// Elements ammonia keeps by default (its `clean` allow-list), the only tags
/// sanitized HTML may contain.
const ALLOWED_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "area", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li", "map", "mark", "nav", "ol", "p",
    "pre", "q", "rp", "rt", "rtc", "ruby", "s", "samp", "small", "span", "strike", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "time", "tr", "tt", "u", "ul",
    "var", "wbr",
];

/// Attributes whose value is a URL.
const URL_ATTRS: &[&str] = &["href", "src", "cite", "longdesc", "action", "formaction", "data"];

/// Sanitized HTML: only allowed elements, no event handler, no URL with a
/// scheme other than http, https, mailto or tel (as a browser reads it, with
/// tabs and newlines removed), no comment or raw `<` that starts markup.
pub fn check_safe_html(html: &str) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let (tag, end) = parse_tag(html, start);
        let Some(tag) = tag else {
            panic!("a `<` that is not an element at byte {start}: {html}");
        };
        assert!(
            ALLOWED_TAGS.contains(&tag.name.as_str()),
            "<{}> in {html}",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(!name.starts_with("on"), "{name}= in {html}");
            assert!(name != "style" && name != "srcdoc", "{name}= in {html}");
            if URL_ATTRS.contains(&name.as_str()) {
                assert!(safe_url(value), "{name}={value:?} in {html}");
            }
        }
        i = end;
        let _ = bytes;
    }
}

/// A URL a browser would not run, as it stands in HTML source (entities not yet decoded).
pub fn safe_url(value: &str) -> bool {
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    inert_url(&decoded)
}

pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

/// Read the tag that starts at `start` (a `<`): its name and attributes, and
/// where it ends. `None` when the `<` does not start a start or end tag.
fn parse_tag(html: &str, start: usize) -> (Option<Tag>, usize) {
    let b = html.as_bytes();
    let mut i = start + 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == name_start {
        return (None, start + 1);
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => return (None, b.len()),
            Some(b'>') => return (Some(Tag { name, attrs }), i + 1),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                return (Some(Tag { name, attrs }), i + 2)
            }
            _ => {}
        }
        let a = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = html[a..i].to_ascii_lowercase();
        if attr.is_empty() {
            i += 1;
            continue;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            if b.get(i) == Some(&b'"') {
                let v = i + 1;
                let close = html[v..].find('"').map_or(b.len(), |n| v + n);
                value = html[v..close].to_string();
                i = close + 1;
            } else {
                let v = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = html[v..i].to_string();
            }
        }
        attrs.push((attr, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(safe_url("https://a.example/"));
        assert!(safe_url("/x/y"));
        assert!(safe_url("x/y:z"));
        assert!(safe_url("mailto:a@b.c"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url(" java\tscript:alert(1)"));
        assert!(!safe_url("data:text/html,x"));
    }

    #[test]
    fn tags() {
        check_safe_html("<p>a &lt;script&gt; <a href=\"https://x\" rel=\"noopener\">x</a></p>");
        let r = std::panic::catch_unwind(|| check_safe_html("<p onclick=\"x\">a</p>"));
        assert!(r.is_err());
    }
}
