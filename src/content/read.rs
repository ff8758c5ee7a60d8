//! Typed reading of YAML nodes, reporting every problem with its position.
//!
//! Each function returns `None` (or skips the item) after reporting a problem, so
//! one bad value never hides the problems after it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::model::{Kind, Localized, Ref, Taxonomy};
use crate::content::yaml::{Entry, Node, Value};
use crate::diagnostic::{suggestion, Diagnostic, Location, Pos};

/// The largest media file a record may name, unless site.yaml says otherwise.
pub const DEFAULT_MEDIA_MAX_MB: u64 = 20;

/// Images with more pixels than this are refused from their header: the build
/// decodes each image whole to resize it, and a small file can hold a huge
/// picture (a 48 KB PNG of 20,000 × 20,000 pixels decodes to 1.6 GB).
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// What the readers need to know about the site, and where problems go.
pub struct Reader<'a> {
    pub file: PathBuf,
    /// content/media/ of the site, where media files must exist (none: not checked).
    pub media_dir: Option<PathBuf>,
    /// The largest media file accepted, in bytes.
    pub media_limit: u64,
    pub languages: &'a [String],
    pub taxonomies: &'a BTreeMap<String, Taxonomy>,
    pub problems: Vec<Diagnostic>,
}

/// A map's fields, checked against the names the kind allows.
pub struct Fields<'n> {
    entries: &'n [Entry],
    pub pos: Pos,
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
            .filter(|n| !n.is_null())
    }
}

impl<'a> Reader<'a> {
    pub fn new(
        file: impl Into<PathBuf>,
        languages: &'a [String],
        taxonomies: &'a BTreeMap<String, Taxonomy>,
    ) -> Self {
        Reader {
            file: file.into(),
            media_dir: None,
            media_limit: DEFAULT_MEDIA_MAX_MB << 20,
            languages,
            taxonomies,
            problems: Vec::new(),
        }
    }

    pub fn at(&self, pos: Pos) -> Location {
        Location::new(&self.file, pos)
    }

    pub fn error(
        &mut self,
        code: &'static str,
        pos: Pos,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let d = Diagnostic::error(code, self.at(pos), message).with_hint_opt(hint);
        self.problems.push(d);
    }

    fn wrong_type(&mut self, node: &Node, expected: &str, hint: Option<String>) {
        let msg = format!("expected {expected}, found {}", node.describe());
        self.error("wrong-type", node.pos, msg, hint);
    }

    /// A map whose keys must all be in `allowed`; unknown keys are reported with a suggestion.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        allowed: &[&str],
        what: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(
                node,
                &format!("the fields of {what}"),
                Some("write one `field: value` per line".into()),
            );
            return None;
        };
        for e in entries {
            if !allowed.contains(&e.key.as_str()) {
                let hint = suggestion(&e.key, allowed.iter().copied())
                    .unwrap_or_else(|| format!("{what} takes: {}", allowed.join(", ")));
                self.error(
                    "unknown-field",
                    e.key_pos,
                    format!("unknown field `{}` in {what}", e.key),
                    Some(hint),
                );
            }
        }
        Some(Fields {
            entries,
            pos: node.pos,
        })
    }

    /// A field that must be present; reports it missing at the map's position.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str, what: &str) -> Option<&'n Node> {
        let node = fields.get(key);
        if node.is_none() {
            let hint = format!("add `{key}:`, {what} needs one");
            self.error(
                "missing-field",
                fields.pos,
                format!("`{key}` is missing"),
                Some(hint),
            );
        }
        node
    }

    /// The editor writes the slug it asked for into a record and its
    /// translations; it must name the file, or links made with the one would
    /// miss the other.
    pub fn same_slug(&mut self, node: &Node, slug: &str) {
        let Some(text) = self.text(node) else { return };
        if text != slug {
            let hint = Some(format!(
                "the file is named `{slug}`: write `slug: {slug}`, or rename the file"
            ));
            let msg = format!("`slug: {text}` does not match the file's name");
            self.error("slug-mismatch", node.pos, msg, hint);
        }
    }

    /// A single value as text (numbers and booleans as written).
    pub fn text(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::Scalar { text, .. } if !text.trim().is_empty() => Some(text.trim().to_string()),
            Value::Scalar { .. } => None,
            _ => {
                self.wrong_type(
                    node,
                    "a single value",
                    Some("write the text on the same line, after the colon".into()),
                );
                None
            }
        }
    }

    /// Text in every language (one string) or per language (`{ ko: …, en: … }`).
    pub fn localized(&mut self, node: &Node) -> Option<Localized> {
        match &node.value {
            Value::Scalar { .. } => self.text(node).map(Localized::Same),
            Value::Map(entries) => {
                let mut map = BTreeMap::new();
                for e in entries {
                    if !self.languages.contains(&e.key) {
                        let hint = self.language_hint(&e.key);
                        let msg = format!("unknown language `{}`", e.key);
                        self.error("unknown-language", e.key_pos, msg, Some(hint));
                        continue;
                    }
                    if let Some(text) = self.text(&e.value) {
                        map.insert(e.key.clone(), text);
                    }
                }
                (!map.is_empty()).then_some(Localized::PerLang(map))
            }
            Value::List(_) => {
                let hint = format!(
                    "write one string, or one line per language: `{}: …`",
                    self.languages[0]
                );
                self.wrong_type(node, "a text", Some(hint));
                None
            }
        }
    }

    fn language_hint(&self, key: &str) -> String {
        if !is_language_code(key) {
            // `{ en: Alpha Co., Ltd. }` splits at the comma: a common slip.
            return "this looks like text cut at a comma: put text that contains a comma in quotes, \
                    as in `en: \"Alpha Co., Ltd.\"`"
                .to_string();
        }
        suggestion(key, self.languages.iter().map(String::as_str))
            .unwrap_or_else(|| format!("the site's languages are: {}", self.languages.join(", ")))
    }

    /// A file under content/media/: a plain relative path that stays inside that
    /// folder, with an allowed ending, that exists. Returns the path and its size.
    pub fn media(&mut self, node: &Node, types: &[&str]) -> Option<(String, u64)> {
        let src = self.text(node)?;
        let safe = !src.starts_with('/')
            && !src.contains('\\')
            && !src.contains('\0')
            && !src.contains(':')
            && src.split('/').all(|part| {
                !part.is_empty() && part != ".." && part != "." && !part.starts_with('.')
            });
        if !safe {
            let hint =
                Some("write the path inside content/media/, such as `logos/hanbit.png`".into());
            self.error(
                "bad-media",
                node.pos,
                format!("`{src}` is not a path inside content/media/"),
                hint,
            );
            return None;
        }
        let ending = src
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !types.contains(&ending.as_str()) {
            let hint = Some(format!("use one of: {}", types.join(", ")));
            self.error(
                "bad-media",
                node.pos,
                format!("`{src}` is not a file of a supported type"),
                hint,
            );
            return None;
        }
        let Some(dir) = self.media_dir.clone() else {
            return Some((src, 0));
        };
        // No symbolic link on the way, at any depth: the walk of content/ sees two
        // levels only, and a linked folder further down would lead out of the site.
        let mut path = dir.clone();
        for part in src.split('/') {
            path.push(part);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                let link = path.strip_prefix(&dir).unwrap_or(&path).display();
                let msg =
                    format!("content/media/{link} is a symbolic link; links are not followed");
                let hint = Some("replace the link with the file or folder itself".into());
                self.error("symlink", node.pos, msg, hint);
                return None;
            }
        }
        match std::fs::symlink_metadata(dir.join(&src)) {
            Ok(meta) if meta.is_file() && meta.len() > self.media_limit => {
                let hint = Some(format!(
                    "make the file smaller (at most {} MB), or raise `media_max_mb` in site.yaml",
                    self.media_limit >> 20
                ));
                self.error(
                    "media-too-large",
                    node.pos,
                    format!(
                        "content/media/{src} is {:.1} MB, more than the site allows",
                        meta.len() as f64 / (1u64 << 20) as f64
                    ),
                    hint,
                );
                None
            }
            Ok(meta) if meta.is_file() => Some((src, meta.len())),
            _ => {
                let hint = Some(
                    "put the file in content/media/ (the path is relative to it), or fix the name"
                        .into(),
                );
                self.error(
                    "missing-media",
                    node.pos,
                    format!("content/media/{src} does not exist"),
                    hint,
                );
                None
            }
        }
    }

    /// An image's size and content hash, read from the file; an error when it
    /// is not a picture the build can read.
    pub fn image_info(
        &mut self,
        node: &Node,
        src: &str,
    ) -> Option<crate::content::model::ImageInfo> {
        let dir = self.media_dir.clone()?;
        let path = dir.join(src);
        let read = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let size = image::ImageReader::new(std::io::Cursor::new(&bytes))
                    .with_guessed_format()
                    .map_err(|e| e.to_string())?
                    .into_dimensions()
                    .map_err(|e| e.to_string())?;
                Ok((size, blake3::hash(&bytes).to_hex()[..16].to_string()))
            });
        match read {
            Ok(((width, height), _)) if width as u64 * height as u64 > MAX_IMAGE_PIXELS => {
                let msg = format!(
                    "content/media/{src} is {width} × {height} pixels; the limit is {} million",
                    MAX_IMAGE_PIXELS / 1_000_000
                );
                let hint =
                    Some("scale it down: pages show images at most 960 pixels wide".to_string());
                self.error("image-too-large", node.pos, msg, hint);
                None
            }
            Ok(((width, height), hash)) if width > 0 && height > 0 => {
                Some(crate::content::model::ImageInfo {
                    width,
                    height,
                    hash,
                })
            }
            Ok(_) | Err(_) => {
                let why = read.err().unwrap_or_else(|| "it has no pixels".into());
                let hint = Some("save it again as PNG, JPEG, WebP or GIF".into());
                self.error(
                    "bad-image",
                    node.pos,
                    format!("content/media/{src} cannot be read as an image: {why}"),
                    hint,
                );
                None
            }
        }
    }

    /// A whole number within `range`.
    pub fn int(&mut self, node: &Node, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
        let text = self.text(node)?;
        let Some(n) = text
            .replace('_', "")
            .parse::<i64>()
            .ok()
            .filter(|n| range.contains(n))
        else {
            let msg = format!(
                "expected a whole number from {} to {}, found `{text}`",
                range.start(),
                range.end()
            );
            self.error(
                "wrong-type",
                node.pos,
                msg,
                Some("write digits only, e.g. `120`".into()),
            );
            return None;
        };
        Some(n)
    }

    pub fn bool(&mut self, node: &Node) -> Option<bool> {
        match self.text(node)?.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                let msg = format!("expected `true` or `false`, found `{other}`");
                self.error("wrong-type", node.pos, msg, None);
                None
            }
        }
    }

    /// A calendar date written `YYYY-MM-DD`.
    pub fn date(&mut self, node: &Node) -> Option<String> {
        let text = self.text(node)?;
        if is_date(&text) {
            Some(text)
        } else {
            let msg = format!("expected a date, found `{text}`");
            self.error(
                "wrong-type",
                node.pos,
                msg,
                Some("write dates as `2026-03-14`".into()),
            );
            None
        }
    }

    pub fn email(&mut self, node: &Node) -> Option<String> {
        let text = self.text(node)?;
        if is_email(&text) {
            Some(text)
        } else {
            let msg = format!("`{text}` is not an email address");
            self.error(
                "bad-email",
                node.pos,
                msg,
                Some("write it as `name@example.org`".into()),
            );
            None
        }
    }

    /// An absolute http(s) address; nothing else can become a link.
    pub fn url(&mut self, node: &Node) -> Option<String> {
        let text = self.text(node)?;
        if is_web_url(&text) {
            Some(text)
        } else {
            let msg = format!("`{text}` is not a web address");
            self.error(
                "bad-url",
                node.pos,
                msg,
                Some("write the full address, starting with `https://`".into()),
            );
            None
        }
    }

    /// Each item of a list (a single value is taken as a list of one).
    pub fn list<T>(
        &mut self,
        node: &Node,
        mut item: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Vec<T> {
        match &node.value {
            Value::List(items) => items.iter().filter_map(|n| item(self, n)).collect(),
            Value::Scalar { .. } => item(self, node).into_iter().collect(),
            Value::Map(_) => {
                self.wrong_type(
                    node,
                    "a list",
                    Some("write `[a, b]`, or one `- item` per line".into()),
                );
                Vec::new()
            }
        }
    }

    /// A key of a taxonomy declared in taxonomies.yaml (or a built-in one).
    pub fn term(&mut self, node: &Node, taxonomy: &str) -> Option<String> {
        let key = self.text(node)?;
        let Some(tax) = self.taxonomies.get(taxonomy) else {
            let msg = format!("the taxonomy `{taxonomy}` is not declared");
            let hint = format!("declare `{taxonomy}:` with its terms in content/taxonomies.yaml");
            self.error("unknown-taxonomy", node.pos, msg, Some(hint));
            return None;
        };
        if tax.term(&key).is_some() {
            return Some(key);
        }
        let keys = tax.terms.iter().map(|t| t.key.as_str());
        let hint = suggestion(&key, keys).unwrap_or_else(|| {
            if tax.builtin {
                let all: Vec<_> = tax.terms.iter().map(|t| format!("`{}`", t.key)).collect();
                format!("use one of {}", all.join(", "))
            } else {
                format!(
                    "use a term of `{taxonomy}` from content/taxonomies.yaml, or add `{key}` there"
                )
            }
        });
        self.error(
            "unknown-term",
            node.pos,
            format!("unknown {taxonomy} term `{key}`"),
            Some(hint),
        );
        None
    }

    /// A slug naming a record of `kind`; whether it exists is checked once all are loaded.
    pub fn reference(&mut self, node: &Node, kind: Kind) -> Option<Ref> {
        let slug = self.text(node)?;
        let slug = slug
            .strip_prefix(&format!("{}/", kind.dir()))
            .unwrap_or(&slug)
            .to_string();
        self.checked_ref(node, kind, slug)
    }

    /// A reference written `<kind>/<slug>`, where the kind is one of `kinds`.
    pub fn qualified_reference(&mut self, node: &Node, kinds: &[Kind]) -> Option<Ref> {
        let text = self.text(node)?;
        let found = text.split_once('/').and_then(|(k, slug)| {
            Kind::from_dir(k)
                .filter(|k| kinds.contains(k))
                .map(|k| (k, slug))
        });
        let Some((kind, slug)) = found else {
            let forms: Vec<_> = kinds
                .iter()
                .map(|k| format!("`{}/<slug>`", k.dir()))
                .collect();
            let msg = format!("`{text}` does not name a record");
            self.error(
                "bad-reference",
                node.pos,
                msg,
                Some(format!("write {}", forms.join(" or "))),
            );
            return None;
        };
        self.checked_ref(node, kind, slug.to_string())
    }

    fn checked_ref(&mut self, node: &Node, kind: Kind, slug: String) -> Option<Ref> {
        if !is_slug(&slug) {
            let msg = format!("`{slug}` is not a valid slug");
            let hint =
                "a slug is the record's file name: lowercase letters, digits and `-`".to_string();
            self.error("bad-reference", node.pos, msg, Some(hint));
            return None;
        }
        Some(Ref {
            kind,
            slug,
            location: self.at(node.pos),
        })
    }
}

/// `ko`, `en`, `ja`, `zh-hant`, `pt-br`: lowercase so it is also a safe URL segment.
pub fn is_language_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| {
            (2..=8).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Lowercase ASCII letters, digits and single `-` between them.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

pub fn is_date(s: &str) -> bool {
    let parts: Vec<_> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (num(y, 4), num(m, 2), num(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || "<>\"'()[]\\,;:".contains(c))
        && !domain.contains('@')
}

pub fn is_web_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("hanbit-precision"));
        assert!(is_slug("rt-5g-antenna"));
        for bad in ["", "Hanbit", "a_b", "-a", "a-", "a--b", "../x", "가나"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn dates_emails_urls() {
        assert!(is_date("2026-03-14"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("14.03.2026"));
        assert!(is_email("office@cluster.example.org"));
        assert!(!is_email("office at cluster"));
        assert!(!is_email("a@b@c.org"));
        assert!(is_web_url("https://cluster.example.org/x?y=1"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://a.org/\"onmouseover=x"));
    }
}
