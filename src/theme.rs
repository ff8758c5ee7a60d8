//! The theme: tera templates, static files and interface strings per language.
//!
//! The default theme is compiled into the binary, so any site builds without a
//! themes/ folder. A site's own `themes/<name>/` files are laid over it: a theme
//! may replace one template or one string file and inherit the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::content::yaml::{self, Node, Value};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics, Location};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub struct Theme {
    pub tera: tera::Tera,
    /// Interface strings per language, as nested JSON objects for the templates.
    pub strings: BTreeMap<String, serde_json::Value>,
    /// Files copied to /static/ as they are.
    pub static_files: Vec<(PathBuf, Vec<u8>)>,
    /// The browser editor's vendored scripts, copied to /admin/ only when
    /// site.yaml switches the editor on.
    pub admin_files: Vec<(PathBuf, Vec<u8>)>,
}

/// Every file of the theme: embedded defaults overlaid with the site's own.
fn theme_files(
    root: &Path,
    name: &str,
    problems: &Diagnostics,
) -> BTreeMap<PathBuf, (Vec<u8>, PathBuf)> {
    let mut files = BTreeMap::new();
    collect_embedded(&DEFAULT_THEME, &mut files);
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        if name != "default" {
            let msg = format!("the theme `{name}` does not exist; the default theme is used");
            let d = Diagnostic::warning("unknown-theme", Location::file("site.yaml"), msg)
                .with_hint(format!("create themes/{name}/ or set `theme: default`"));
            problems.push(d);
        }
        return files;
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.path_is_symlink() {
            let d = Diagnostic::error(
                "symlink",
                Location::file(display_path(root, entry.path())),
                "symbolic links are not followed",
            );
            problems.push(d);
            continue;
        }
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(rel, (bytes, display_path(root, entry.path())));
            }
            Err(e) => {
                let d = Diagnostic::error(
                    "unreadable-file",
                    Location::file(display_path(root, entry.path())),
                    format!("cannot read: {e}"),
                );
                problems.push(d);
            }
        }
    }
    files
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<PathBuf, (Vec<u8>, PathBuf)>) {
    for file in dir.files() {
        let shown = Path::new("(built-in theme)").join(file.path());
        out.insert(file.path().to_path_buf(), (file.contents().to_vec(), shown));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

pub fn load_theme(
    root: &Path,
    name: &str,
    languages: &[String],
    problems: &Diagnostics,
) -> Option<Theme> {
    let files = theme_files(root, name, problems);
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.register_filter("text", TextFilter);
    let mut templates = Vec::new();
    let mut strings = BTreeMap::new();
    let mut static_files = Vec::new();
    let mut admin_files = Vec::new();
    for (rel, (bytes, shown)) in &files {
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        if let Some(tpl) = rel_str.strip_prefix("templates/") {
            match String::from_utf8(bytes.clone()) {
                Ok(text) => templates.push((tpl.to_string(), text)),
                Err(_) => problems.push(Diagnostic::error(
                    "not-utf8",
                    Location::file(shown),
                    "this template is not UTF-8 text",
                )),
            }
        } else if let Some(file) = rel_str.strip_prefix("i18n/") {
            if let Some(lang) = file.strip_suffix(".yaml") {
                if let Some(value) = read_strings(bytes, shown, problems) {
                    strings.insert(lang.to_string(), value);
                }
            }
        } else if let Some(file) = rel_str.strip_prefix("static/") {
            static_files.push((PathBuf::from(file), bytes.clone()));
        } else if let Some(file) = rel_str.strip_prefix("admin/") {
            // The folder's README says where the files came from; it is not served.
            if file != "README.md" {
                admin_files.push((PathBuf::from(file), bytes.clone()));
            }
        }
    }
    if let Err(e) = tera.add_raw_templates(templates) {
        let d = Diagnostic::error(
            "bad-template",
            Location::file(format!("themes/{name}/templates")),
            template_error(&e),
        );
        problems.push(d);
        return None;
    }
    let strings = strings_per_language(strings, languages, name, problems);
    Some(Theme {
        tera,
        strings,
        static_files,
        admin_files,
    })
}

/// A language without its own strings file uses English, then the first one there is.
fn strings_per_language(
    mut found: BTreeMap<String, serde_json::Value>,
    languages: &[String],
    theme: &str,
    problems: &Diagnostics,
) -> BTreeMap<String, serde_json::Value> {
    let fallback = found
        .get("en")
        .or_else(|| found.values().next())
        .cloned()
        .unwrap_or_default();
    for lang in languages {
        match found.get_mut(lang) {
            Some(value) => merge_missing(value, &fallback),
            None => {
                let msg =
                    format!("the theme has no interface strings for `{lang}`; English is used");
                let hint =
                    format!("add themes/{theme}/i18n/{lang}.yaml (copy en.yaml and translate it)");
                problems.push(
                    Diagnostic::warning("missing-strings", Location::file("site.yaml"), msg)
                        .with_hint(hint),
                );
                found.insert(lang.clone(), fallback.clone());
            }
        }
    }
    found
}

/// Fill keys missing in `value` from `fallback`, so a partial translation still renders.
fn merge_missing(value: &mut serde_json::Value, fallback: &serde_json::Value) {
    if let (Some(map), Some(fb)) = (value.as_object_mut(), fallback.as_object()) {
        for (k, v) in fb {
            match map.get_mut(k) {
                Some(existing) => merge_missing(existing, v),
                None => {
                    map.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

fn read_strings(bytes: &[u8], shown: &Path, problems: &Diagnostics) -> Option<serde_json::Value> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        problems.push(Diagnostic::error(
            "not-utf8",
            Location::file(shown),
            "this file is not UTF-8 text",
        ));
        return None;
    };
    match yaml::parse(text, 1) {
        Ok(node) => Some(to_json(&node)),
        Err(errors) => {
            for e in errors {
                problems.push(e.diagnostic(shown));
            }
            None
        }
    }
}

fn to_json(node: &Node) -> serde_json::Value {
    match &node.value {
        Value::Scalar { text, .. } => serde_json::Value::String(text.clone()),
        Value::List(items) => items.iter().map(to_json).collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|e| (e.key.clone(), to_json(&e.value)))
            .collect(),
    }
}

/// Tera's error with its causes, which hold the useful part.
pub fn template_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

/// The `text` filter: a localized text (`{text, lang}`) as HTML, escaped, in a
/// `<span lang>` marked as a fallback when it is in another language than the
/// page. It does what the `text` macro of macros.html does; pages call it for
/// every name and summary, and a filter costs Tera a fraction of a macro call.
struct TextFilter;

impl tera::Filter for TextFilter {
    fn filter(
        &self,
        value: &serde_json::Value,
        _: &std::collections::HashMap<String, serde_json::Value>,
    ) -> tera::Result<serde_json::Value> {
        let shown = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => tera::escape_html(s),
            other => tera::escape_html(&other.to_string()),
        };
        let text = value.get("text").ok_or_else(|| {
            tera::Error::msg("the text filter takes a text with `text` and `lang`")
        })?;
        let lang = value.get("lang").and_then(|l| l.as_str());
        let html = match lang.filter(|l| !l.is_empty()) {
            Some(lang) => format!(
                "<span lang=\"{}\" class=\"fallback\">{}</span>",
                tera::escape_html(lang),
                shown(text)
            ),
            None => shown(text),
        };
        Ok(serde_json::Value::String(html))
    }

    fn is_safe(&self) -> bool {
        true
    }
}
