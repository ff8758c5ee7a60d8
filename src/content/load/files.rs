//! Finding the files of each record under content/, reading them as text, and
//! telling which record (and which language) a file belongs to.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::content::config::is_reserved;
use crate::content::model::{Config, Kind, Lang, RecordId};
use crate::content::read::is_slug;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics, Location, Pos};

/// A file larger than this is refused before it is read: no record needs it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The files that make up one record: its main file and its translations.
#[derive(Default)]
pub(super) struct RecordFiles {
    pub(super) main: Vec<PathBuf>,
    pub(super) translations: BTreeMap<Lang, PathBuf>,
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

/// Walk content/ and group the record files by kind and slug.
pub(super) fn find_record_files(
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
        add_file(&mut groups, kind, entry.into_path(), &rel, config, problems);
    }
    complete_groups(root, groups, problems)
}

/// File `path` (shown as `rel`) under its record: as its main file or a translation.
pub(super) fn add_file(
    groups: &mut BTreeMap<RecordId, RecordFiles>,
    kind: Kind,
    path: PathBuf,
    rel: &Path,
    config: &Config,
    problems: &Diagnostics,
) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match classify(&name, config) {
        Ok((slug, None)) => groups
            .entry(RecordId { kind, slug })
            .or_default()
            .main
            .push(path),
        Ok((slug, Some(lang))) => {
            groups
                .entry(RecordId { kind, slug })
                .or_default()
                .translations
                .insert(lang, path);
        }
        Err((code, msg, hint)) => {
            problems.push(Diagnostic::error(code, Location::file(rel), msg).with_hint(hint))
        }
    }
}

/// The records whose files were found: translations without a record and
/// records written twice are reported.
pub(super) fn complete_groups(
    root: &Path,
    groups: BTreeMap<RecordId, RecordFiles>,
    problems: &Diagnostics,
) -> BTreeMap<RecordId, RecordFiles> {
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

pub(super) fn report_orphans(
    root: &Path,
    id: &RecordId,
    files: &RecordFiles,
    problems: &Diagnostics,
) {
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

pub(super) fn check_top_entry(
    entry: &walkdir::DirEntry,
    rel: &Path,
    name: &str,
    problems: &Diagnostics,
) {
    let is_dir = entry.file_type().is_dir();
    if is_dir && name == Kind::Kartes.dir() {
        let d = Diagnostic::error(
            "karte-in-public-content",
            Location::file(rel),
            "kartes are confidential: they never go in the public site's content/",
        );
        let hint = "move this folder to the internal root (a private repository beside the site) and build the staff edition with `clusterpress build --internal DIR`";
        problems.push(d.with_hint(hint));
        return;
    }
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

pub(super) type Problem = (&'static str, String, String);

/// `slug.md`, `slug.yaml` → (slug, None); `slug.<lang>.md` → (slug, Some(lang)).
pub(super) fn classify(name: &str, config: &Config) -> Result<(String, Option<Lang>), Problem> {
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

pub(super) fn suggest_slug(s: &str) -> String {
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
