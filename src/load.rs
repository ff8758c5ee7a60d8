//! Load: read site.yaml, the taxonomies and every record file under content/
//! into typed records. Every problem is collected; nothing stops at the first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::config::{is_reserved, read_config, read_taxonomies};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics, Location, Pos};
use crate::kinds::{article, read_kind, translatable};
use crate::model::{Config, Kind, Lang, Localized, Record, RecordId, Taxonomy};
use crate::read::{is_slug, Reader};
use crate::yaml::{self, Node, Value};

/// A file larger than this is refused before it is read: no record needs it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Everything read from disk, checked field by field but not yet linked.
pub struct Loaded {
    pub config: Config,
    pub taxonomies: BTreeMap<String, Taxonomy>,
    pub records: Vec<Record>,
    /// Records whose files exist but could not be read (their problems are
    /// reported): references to them are not reported again.
    pub unreadable: Vec<RecordId>,
}

/// The files that make up one record: its main file and its translations.
#[derive(Default)]
struct RecordFiles {
    main: Vec<PathBuf>,
    translations: BTreeMap<Lang, PathBuf>,
}

pub fn load(root: &Path, problems: &Diagnostics) -> Option<Loaded> {
    let site_file = root.join("site.yaml");
    let no_taxonomies = BTreeMap::new();
    let mut r = Reader::new(Path::new("site.yaml"), &[], &no_taxonomies);
    let config = match read_text(root, &site_file) {
        Ok(text) => parse_yaml(&text, 1, &mut r).and_then(|node| read_config(&node, &mut r)),
        Err(d) => {
            problems.push(
                d.with_hint("a site needs site.yaml at its root; see README.md for its fields"),
            );
            None
        }
    };
    problems.extend(r.problems);
    let config = config?;

    let taxonomies = load_taxonomies(root, &config, problems);
    let groups = find_record_files(root, &config, problems);
    let results: Vec<Result<Record, RecordId>> = groups
        .par_iter()
        .map(|(id, files)| {
            let mut r = Reader::new(Path::new(""), &config.languages, &taxonomies);
            let record = load_record(root, id, files, &config, &mut r);
            problems.extend(r.problems);
            record.ok_or_else(|| id.clone())
        })
        .collect();
    let (records, unreadable): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    Some(Loaded {
        config,
        taxonomies,
        records: records.into_iter().filter_map(Result::ok).collect(),
        unreadable: unreadable.into_iter().filter_map(Result::err).collect(),
    })
}

fn load_taxonomies(
    root: &Path,
    config: &Config,
    problems: &Diagnostics,
) -> BTreeMap<String, Taxonomy> {
    let path = root.join("content/taxonomies.yaml");
    let rel = Path::new("content/taxonomies.yaml");
    let empty = BTreeMap::new();
    let mut r = Reader::new(rel, &config.languages, &empty);
    let node = if path.exists() {
        match read_text(root, &path) {
            Ok(text) => parse_yaml(&text, 1, &mut r),
            Err(d) => {
                r.problems.push(d);
                None
            }
        }
    } else {
        None
    };
    let taxonomies = read_taxonomies(node.as_ref(), &mut r);
    problems.extend(r.problems);
    taxonomies
}

/// Read a file as UTF-8 text: size-checked, BOM removed, CRLF made LF and
/// Hangul composed (NFC), so that search and sorting see one form of each letter.
// One Diagnostic per unreadable file: its size (it may carry second labels) does not matter here.
#[allow(clippy::result_large_err)]
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = display_path(root, path);
    let fail = |msg: String| Diagnostic::error("unreadable-file", Location::file(&rel), msg);
    let meta =
        std::fs::symlink_metadata(path).map_err(|e| fail(format!("cannot read this file: {e}")))?;
    if meta.file_type().is_symlink() {
        return Err(
            fail("this file is a symbolic link; links are not followed".into())
                .with_hint("replace the link with the file itself"),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        let msg = format!(
            "this file is {} MB; the limit is {} MB",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        );
        return Err(
            fail(msg).with_hint("split the text, or move large material to a linked document")
        );
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read this file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(
            "not-utf8",
            Location::new(
                &rel,
                Pos {
                    line,
                    column: 1,
                    len: 1,
                },
            ),
            "this file is not UTF-8 text",
        )
        .with_hint("save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)")
    })?;
    Ok(normalize_text(&text))
}

/// Text as every stage sees it: BOM removed, line endings made LF and Hangul
/// composed (NFC). Reports use it too, so their columns match what was parsed.
pub fn normalize_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if unicode_normalization::is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

fn parse_yaml(text: &str, first_line: usize, r: &mut Reader) -> Option<Node> {
    match yaml::parse(text, first_line) {
        Ok(node) => Some(node),
        Err(errors) => {
            for e in errors {
                let d = e.diagnostic(r.at(Pos::default()).file);
                r.problems.push(d);
            }
            None
        }
    }
}

/// Walk content/ and group the record files by kind and slug.
fn find_record_files(
    root: &Path,
    config: &Config,
    problems: &Diagnostics,
) -> BTreeMap<RecordId, RecordFiles> {
    let content = root.join("content");
    let mut groups: BTreeMap<RecordId, RecordFiles> = BTreeMap::new();
    let walker = walkdir::WalkDir::new(&content)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| "content".into());
                problems.push(Diagnostic::error(
                    "unreadable-file",
                    Location::file(path),
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let rel = display_path(root, entry.path());
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if entry.path_is_symlink() {
            let d = Diagnostic::error(
                "symlink",
                Location::file(&rel),
                "symbolic links are not followed",
            )
            .with_hint("replace the link with the file or folder itself");
            problems.push(d);
            continue;
        }
        if entry.depth() == 1 {
            check_top_entry(&entry, &rel, &name, problems);
            continue;
        }
        let parent = entry
            .path()
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string());
        let Some(kind) = parent.as_deref().and_then(Kind::from_dir) else {
            continue;
        };
        if entry.file_type().is_dir() {
            let d = Diagnostic::warning(
                "ignored-file",
                Location::file(&rel),
                "folders inside a kind's folder are ignored",
            )
            .with_hint(format!("put records directly in content/{}/", kind.dir()));
            problems.push(d);
            continue;
        }
        match classify(&name, config) {
            Ok((slug, None)) => groups
                .entry(RecordId { kind, slug })
                .or_default()
                .main
                .push(entry.into_path()),
            Ok((slug, Some(lang))) => {
                groups
                    .entry(RecordId { kind, slug })
                    .or_default()
                    .translations
                    .insert(lang, entry.into_path());
            }
            Err((code, msg, hint)) => {
                problems.push(Diagnostic::error(code, Location::file(&rel), msg).with_hint(hint))
            }
        }
    }
    let mut out = BTreeMap::new();
    for (id, mut files) in groups {
        let Some(first) = files.main.first().cloned() else {
            report_orphans(root, &id, &files, problems);
            continue;
        };
        // The first file (`.md` sorts before `.yaml`) stays the record, so references
        // to it do not fail as well; the other is reported.
        for other in files.main.drain(1..) {
            let msg = format!(
                "`{id}` is defined twice: here and in {}",
                display_path(root, &first).display()
            );
            let d = Diagnostic::error(
                "duplicate-slug",
                Location::file(display_path(root, &other)),
                msg,
            )
            .with_hint("keep one of the two files, or rename one to another slug");
            problems.push(d);
        }
        out.insert(id, files);
    }
    out
}

fn report_orphans(root: &Path, id: &RecordId, files: &RecordFiles, problems: &Diagnostics) {
    for path in files.translations.values() {
        let msg = format!("this translates `{id}`, which does not exist");
        let hint = format!(
            "write content/{}/{}.md first, or rename this file to match an existing record",
            id.kind.dir(),
            id.slug
        );
        problems.push(
            Diagnostic::error(
                "orphan-translation",
                Location::file(display_path(root, path)),
                msg,
            )
            .with_hint(hint),
        );
    }
}

fn check_top_entry(entry: &walkdir::DirEntry, rel: &Path, name: &str, problems: &Diagnostics) {
    let is_dir = entry.file_type().is_dir();
    if is_dir && (Kind::from_dir(name).is_some() || name == "media") {
        return;
    }
    if !is_dir && name == "taxonomies.yaml" {
        return;
    }
    let kinds: Vec<_> = Kind::ALL.iter().map(|k| k.dir()).collect();
    let hint = crate::diagnostic::suggestion(name, kinds.iter().copied())
        .unwrap_or_else(|| format!("records go in one of: {}", kinds.join(", ")));
    let what = if is_dir { "folder" } else { "file" };
    let d = Diagnostic::warning(
        "ignored-file",
        Location::file(rel),
        format!("this {what} is not part of the site and is ignored"),
    );
    problems.push(d.with_hint(hint));
}

type Problem = (&'static str, String, String);

/// `slug.md`, `slug.yaml` → (slug, None); `slug.<lang>.md` → (slug, Some(lang)).
fn classify(name: &str, config: &Config) -> Result<(String, Option<Lang>), Problem> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    if ext != "md" && ext != "yaml" {
        if ext == "yml" {
            return Err((
                "bad-file-name",
                "records use the `.yaml` ending".into(),
                format!("rename it to `{stem}.yaml`"),
            ));
        }
        return Err((
            "bad-file-name",
            "this is not a record file".into(),
            "a record is `<slug>.md`, `<slug>.yaml` or a translation `<slug>.<lang>.md`; put media under content/media/".into(),
        ));
    }
    let (slug, lang) = match stem.rsplit_once('.') {
        Some((slug, lang)) if ext == "md" => (slug, Some(lang)),
        _ => (stem, None),
    };
    if let Some(lang) = lang {
        if !config.languages.iter().any(|l| l == lang) {
            let hint =
                crate::diagnostic::suggestion(lang, config.languages.iter().map(String::as_str))
                    .unwrap_or_else(|| {
                        format!(
                            "the site's languages (site.yaml) are: {}",
                            config.languages.join(", ")
                        )
                    });
            return Err((
                "unknown-language",
                format!("`{lang}` is not a language of this site"),
                hint,
            ));
        }
        if lang == config.default_lang() {
            let hint = format!("the default language's text goes in `{slug}.md`");
            return Err((
                "unknown-language",
                format!("`{lang}` is the default language"),
                hint,
            ));
        }
    }
    if !is_slug(slug) {
        let hint = format!("rename the file to `{}.{ext}`", suggest_slug(slug));
        return Err((
            "bad-slug",
            format!("`{slug}` is not a valid slug"),
            hint + " (lowercase letters, digits and `-`)",
        ));
    }
    if is_reserved(slug) {
        return Err((
            "reserved-name",
            format!("`{slug}` is a reserved name"),
            "choose another file name".into(),
        ));
    }
    Ok((slug.to_string(), lang.map(str::to_string)))
}

fn suggest_slug(s: &str) -> String {
    let lowered: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let parts: Vec<_> = lowered.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "my-record".into()
    } else {
        parts.join("-")
    }
}

/// Front matter and body of a `.md` file. `None` front matter when there is none.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str, usize), &'static str> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text == "---").then_some(""))
    else {
        return Ok((None, text, 1));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n').trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + yaml.lines().count() + 1;
            return Ok((Some(yaml), body, body_line));
        }
        offset += line.len();
    }
    Err("the front matter is not closed")
}

fn load_record(
    root: &Path,
    id: &RecordId,
    files: &RecordFiles,
    config: &Config,
    r: &mut Reader,
) -> Option<Record> {
    let path = &files.main[0];
    let rel = display_path(root, path);
    r.file = rel.clone();
    r.media_dir = Some(root.join("content").join("media"));
    r.media_limit = config.media_max_mb << 20;
    let text = read_text(root, path).map_err(|d| r.problems.push(d)).ok()?;
    let (front, body) = if path.extension().is_some_and(|e| e == "yaml") {
        (parse_yaml(&text, 1, r)?, String::new())
    } else {
        let (front, body) = front_matter_or_report(&text, r, true)?;
        (front?, body)
    };
    let mut record = read_record(id, &front, rel.clone(), r)?;
    if !body.trim().is_empty() {
        record.body.insert(config.default_lang().to_string(), body);
    }
    for (lang, tpath) in &files.translations {
        apply_translation(root, tpath, lang, &mut record, config, r);
    }
    Some(record)
}

/// Parse a `.md` file's front matter; report problems. `required` when a record must have one.
fn front_matter_or_report(
    text: &str,
    r: &mut Reader,
    required: bool,
) -> Option<(Option<Node>, String)> {
    match split_front_matter(text) {
        Ok((Some(yaml), body, _)) => Some((Some(parse_yaml(yaml, 2, r)?), body.to_string())),
        Ok((None, body, _)) if !required => Some((None, body.to_string())),
        Ok((None, _, _)) => {
            let hint = "start the file with a line `---`, the fields, then another `---` line before the text".to_string();
            r.error(
                "missing-front-matter",
                Pos {
                    line: 1,
                    column: 1,
                    len: 1,
                },
                "this record has no front matter",
                Some(hint),
            );
            None
        }
        Err(msg) => {
            let hint = Some("add a line with only `---` after the last field".into());
            r.error(
                "bad-front-matter",
                Pos {
                    line: 1,
                    column: 1,
                    len: 3,
                },
                msg,
                hint,
            );
            None
        }
    }
}

fn read_record(id: &RecordId, node: &Node, file: PathBuf, r: &mut Reader) -> Option<Record> {
    let allowed: Vec<&str> = crate::fields::of(id.kind)
        .iter()
        .chain(crate::fields::COMMON)
        .map(|f| f.name)
        .collect();
    let what = article(id.kind);
    let f = r.fields(node, &allowed, what)?;
    let read = read_kind(id.kind, &f, r);
    let draft = f.get("draft").and_then(|n| r.bool(n)).unwrap_or(false);
    let updated = f.get("updated").and_then(|n| r.date(n));
    let aliases = f
        .get("aliases")
        .map(|n| r.list(n, |r, n| r.text(n).and_then(|a| alias(r, n, a))))
        .unwrap_or_default();
    Some(Record {
        id: id.clone(),
        file,
        title: read.title?,
        summary: read.summary,
        body: BTreeMap::new(),
        facets: read.facets,
        updated,
        draft,
        aliases,
        details: read.details?,
        media: read.media,
    })
}

fn alias(r: &mut Reader, node: &Node, alias: String) -> Option<String> {
    if is_slug(&alias) {
        return Some(alias);
    }
    let hint = Some("an alias is an old slug: lowercase letters, digits and `-`".into());
    r.error(
        "bad-slug",
        node.pos,
        format!("`{alias}` is not a valid slug"),
        hint,
    );
    None
}

/// Add a translation file's body and overridden fields to the record.
fn apply_translation(
    root: &Path,
    path: &Path,
    lang: &str,
    record: &mut Record,
    config: &Config,
    r: &mut Reader,
) {
    let rel = display_path(root, path);
    let main_file = std::mem::replace(&mut r.file, rel);
    if let Ok(text) = read_text(root, path).map_err(|d| r.problems.push(d)) {
        if let Some((front, body)) = front_matter_or_report(&text, r, false) {
            if let Some(front) = front {
                override_fields(&front, lang, record, config, r);
            }
            if !body.trim().is_empty() {
                record.body.insert(lang.to_string(), body);
            }
        }
    }
    r.file = main_file;
}

fn override_fields(front: &Node, lang: &str, record: &mut Record, config: &Config, r: &mut Reader) {
    let allowed = translatable(record.id.kind);
    let Some(entries) = front.as_map() else {
        r.error(
            "wrong-type",
            front.pos,
            "the front matter must be fields",
            None,
        );
        return;
    };
    for e in entries {
        if !allowed.contains(&e.key.as_str()) {
            let msg = format!("`{}` cannot be set in a translation", e.key);
            let hint = format!(
                "a translation may set {}; other fields go in {}",
                allowed
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                record.file.display()
            );
            r.error("not-translatable", e.key_pos, msg, Some(hint));
            continue;
        }
        if !matches!(e.value.value, Value::Scalar { .. }) {
            let hint = Some(format!("write the {lang} text only: `{}: …`", e.key));
            r.error(
                "wrong-type",
                e.value.pos,
                "expected the text in this file's language",
                hint,
            );
            continue;
        }
        let Some(text) = r.text(&e.value) else {
            continue;
        };
        if e.key == "name" || e.key == "title" {
            // The title is required and never empty; it goes through the same path as the others.
            let mut slot = Some(record.title.clone());
            set_language(&mut slot, lang, text, &config.languages);
            record.title = slot.unwrap_or_else(|| record.title.clone());
        } else if let Some(slot) = translatable_slot(record, &e.key) {
            set_language(slot, lang, text, &config.languages);
        }
    }
}

fn translatable_slot<'a>(record: &'a mut Record, key: &str) -> Option<&'a mut Option<Localized>> {
    use crate::model::Details::*;
    match (key, &mut record.details) {
        ("summary", _) => Some(&mut record.summary),
        ("address", Company(c)) => Some(&mut c.contact.address),
        ("address", Institution(i)) => Some(&mut i.contact.address),
        ("address", Equipment(e)) => Some(&mut e.address),
        ("conditions", Equipment(e)) => Some(&mut e.conditions),
        ("fee", Equipment(e)) => Some(&mut e.fee),
        ("outcome", SuccessStory(s)) => Some(&mut s.outcome),
        _ => None,
    }
}

/// Set one language's text; text given once for all languages stays for the others.
fn set_language(slot: &mut Option<Localized>, lang: &str, text: String, languages: &[Lang]) {
    let mut map = match slot.take() {
        Some(Localized::PerLang(map)) => map,
        Some(Localized::Same(s)) => languages.iter().map(|l| (l.clone(), s.clone())).collect(),
        None => BTreeMap::new(),
    };
    map.insert(lang.to_string(), text);
    *slot = Some(Localized::PerLang(map));
}

/// Read one record again (its main file and translations), for `serve` after an
/// edit. `None` when the record has no main file any more or cannot be read.
pub fn reload_record(
    root: &Path,
    config: &Config,
    taxonomies: &BTreeMap<String, Taxonomy>,
    id: &RecordId,
) -> (Option<Record>, Vec<Diagnostic>) {
    let dir = root.join("content").join(id.kind.dir());
    let mut files = RecordFiles::default();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    for name in names
        .iter()
        .filter(|n| n.starts_with(&format!("{}.", id.slug)))
    {
        match classify(name, config) {
            Ok((slug, None)) if slug == id.slug => files.main.push(dir.join(name)),
            Ok((slug, Some(lang))) if slug == id.slug => {
                files.translations.insert(lang, dir.join(name));
            }
            _ => {}
        }
    }
    let mut r = Reader::new(Path::new(""), &config.languages, taxonomies);
    if files.main.len() != 1 {
        return (None, r.problems);
    }
    let record = load_record(root, id, &files, config, &mut r);
    (record, r.problems)
}

/// The record a content file belongs to, if it is one (`content/<kind>/<slug>[.<lang>].md`).
pub fn record_of_path(root: &Path, path: &Path) -> Option<RecordId> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string());
    if parts.next()? != "content" {
        return None;
    }
    let kind = Kind::from_dir(&parts.next()?)?;
    let file = parts.next()?;
    if parts.next().is_some() || file.starts_with('.') {
        return None;
    }
    let slug = file.split('.').next()?.to_string();
    is_slug(&slug).then_some(RecordId { kind, slug })
}
