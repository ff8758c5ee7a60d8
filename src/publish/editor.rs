//! The browser editor at /admin/: Decap CMS, vendored in the theme, with a
//! configuration generated from the field table, the taxonomies and the
//! records, so it cannot drift from what `check` accepts.
//!
//! The configuration is written as JSON, which is YAML too: Decap reads
//! `config.yml` with a YAML parser, and JSON needs no emitter of our own.
//!
//! How clusterpress's records map onto Decap's fields (docs/editing.md says the
//! same for staff): localized text is an object with one text box per language,
//! saved as the `{ ko: …, en: … }` map the main file already uses; the main
//! file's body is the default language's text. Decap's own `i18n` is not used:
//! its `multiple_files` names the default language in the file name too
//! (`x.ko.md`), which clusterpress does not read.

use serde_json::{json, Value};

use crate::content::fields::{self, Field, Type, DOCUMENT, IMAGE};
use crate::content::model::{EditorConfig, Kind};
use crate::site::localize::Localizer;
use crate::site::paths::{slug_path, OutputFile};
use crate::site::Site;
use crate::theme::Theme;

/// What `check` accepts as a slug (`read::is_slug`), for the browser to check first.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const EMAIL_PATTERN: &str = "^[^@\\s<>\"'()\\[\\]\\\\,;:]+@[^@\\s<>\"'()\\[\\]\\\\,;:.][^@\\s<>\"'()\\[\\]\\\\,;:]*\\.[^@\\s<>\"'()\\[\\]\\\\,;:]*[^@\\s<>\"'()\\[\\]\\\\,;:.]$";
const URL_PATTERN: &str = "^https?://[^/\\s<>\"'`][^\\s<>\"'`]*$";

/// The folder every image and document goes to, as `check` expects.
const MEDIA_FOLDER: &str = "content/media";

/// Decap's interface languages among those a site may use; others get English.
const DECAP_LOCALES: &[&str] = &[
    "ko", "en", "ja", "de", "fr", "es", "it", "nl", "pl", "pt", "ru", "sv", "uk", "vi", "tr", "cs",
    "da", "nb_no", "ca", "hr", "he", "hu", "fa", "ro", "sl", "th", "lt", "bg", "ar",
];

/// /admin/: its page, its configuration and the vendored scripts; nothing when
/// site.yaml does not switch the editor on, nor in the staff edition, which
/// holds kartes the public repository must never be edited with.
pub fn files(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let Some(editor) = site.config.editor.as_ref().filter(|_| is_on(site)) else {
        return Vec::new();
    };
    let config = config(site, theme, editor);
    let mut files = vec![
        OutputFile {
            path: "admin/index.html".into(),
            bytes: index_html(site, theme).into_bytes(),
        },
        OutputFile {
            path: "admin/config.yml".into(),
            bytes: serde_json::to_vec_pretty(&config).unwrap_or_default(),
        },
    ];
    files.extend(theme.admin_files.iter().map(|(path, bytes)| OutputFile {
        path: std::path::Path::new("admin").join(path),
        bytes: bytes.clone(),
    }));
    files
}

/// Whether the build writes /admin/.
pub fn is_on(site: &Site) -> bool {
    site.config.editor.is_some() && !site.staff
}

fn index_html(site: &Site, theme: &Theme) -> String {
    let lang = site.config.default_lang();
    // Addressed from the site's base path, as every page's links are.
    let base = site.config.base_path();
    // No analytics, fonts or CDN: the page loads only the site's own files.
    // The preview beside the form takes the theme's stylesheet, and
    // clusterpress-editor.js lays each record out as its page does.
    let preview = preview_info(site, theme)
        .to_string()
        .replace('<', "\\u003c");
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>Editor</title>\n\
         <link rel=\"icon\" href=\"{base}static/favicon.svg\">\n\
         <link href=\"{base}admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n\
         </head>\n<body>\n<script src=\"{base}admin/decap-cms.js\"></script>\n\
         <script>CMS.registerPreviewStyle(\"{base}static/style.css\");\n\
         window.CLUSTERPRESS_EDITOR = {preview};</script>\n\
         <script src=\"{base}admin/clusterpress-editor.js\"></script>\n</body>\n</html>\n"
    )
}

/// What the preview needs to lay a record out as its page: where each
/// collection's pages are built (a translation's in its language, the others
/// in the first), which field is its title, the heading of a record's text and
/// the slug rule.
fn preview_info(site: &Site, theme: &Theme) -> Value {
    let lang = site.config.default_lang();
    let collections: serde_json::Map<String, Value> = collection_list(site)
        .into_iter()
        .map(|(name, kind, holds)| {
            // A translation's preview is its language's page.
            let page_lang = match holds {
                Holds::Records(_) => lang,
                Holds::Translations(other) => other,
            };
            let page = slug_path(kind, "{slug}", page_lang);
            let info = json!({
                "kind": kind.dir(),
                "title": fields::of(kind)[0].name,
                "page": format!("{}{page}", site.config.base_path()),
            });
            (name, info)
        })
        .collect();
    let about = theme
        .strings
        .get(lang)
        .map(|strings| Localizer::new(site, lang, strings).ui("section.about"))
        .unwrap_or_default();
    json!({ "lang": lang, "about": about, "slug": SLUG_PATTERN, "collections": collections })
}

/// The whole Decap configuration.
pub fn config(site: &Site, theme: &Theme, editor: &EditorConfig) -> Value {
    let mut backend = json!({
        "name": editor.backend,
        "repo": editor.repo,
        "branch": editor.branch,
    });
    if let Some(url) = &editor.auth_url {
        backend["base_url"] = json!(url);
    }
    let lang = site.config.default_lang();
    let locale = if DECAP_LOCALES.contains(&lang) {
        lang
    } else {
        "en"
    };
    let mut config = json!({
        "backend": backend,
        // Used only when the editor is opened on localhost with `decap-server` running.
        "local_backend": true,
        "locale": locale,
        "media_folder": MEDIA_FOLDER,
        // Records name media relative to content/media/, with no leading folder.
        "public_folder": "",
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "collections": collections(site, theme),
    });
    if editor.review {
        config["publish_mode"] = json!("editorial_workflow");
    }
    config
}

/// One collection per kind and file ending. `Kind::ALL` holds no kartes:
/// they belong to the internal root, never to the public site's repository.
fn collections(site: &Site, theme: &Theme) -> Vec<Value> {
    let labels = Labels::new(site, theme);
    collection_list(site)
        .into_iter()
        .map(|(name, kind, holds)| match holds {
            Holds::Records(ext) => collection(site, &labels, name, kind, ext),
            Holds::Translations(lang) => translation_collection(&labels, name, kind, lang),
        })
        .collect()
}

/// What one collection of the editor holds: a kind's records in the files of
/// one ending, or its translations into one language.
#[derive(Clone, Copy)]
enum Holds<'a> {
    Records(&'static str),
    Translations(&'a str),
}

/// Every collection, by name: each kind's records per file ending (`-yaml`
/// added to the YAML files' name when the kind has Markdown files too), then
/// each kind's translations into each language after the first. The
/// configuration and the preview both take this list, so their names agree.
fn collection_list(site: &Site) -> Vec<(String, Kind, Holds<'_>)> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let exts = extensions(site, kind);
        for &ext in &exts {
            let name = if ext == "yaml" && exts.contains(&"md") {
                format!("{}-yaml", kind.dir())
            } else {
                kind.dir().to_string()
            };
            out.push((name, kind, Holds::Records(ext)));
        }
    }
    for lang in site.languages().iter().skip(1) {
        for kind in Kind::ALL {
            let name = format!("{}-{lang}", kind.dir());
            out.push((name, kind, Holds::Translations(lang.as_str())));
        }
    }
    out
}

/// A kind's translation files into `lang` (`x.en.md`): the text of the
/// record's page in that language and the fields a translation may set.
fn translation_collection(labels: &Labels, name: String, kind: Kind, lang: &str) -> Value {
    let translatable = crate::content::kinds::translatable(kind);
    let mut fields = vec![slug_field()];
    for field in translatable {
        let doc = fields::of(kind)
            .iter()
            .find(|f| f.name == *field)
            .map_or("", |f| f.doc);
        fields.push(json!({
            "name": field, "label": format!("{field} ({lang})"), "widget": "string", "required": false,
            "hint": format!("In {lang} only. {doc}"),
        }));
    }
    fields.push(json!({
        "name": "body", "label": format!("body ({lang})"), "widget": "markdown", "required": false,
        "hint": format!("The text of the page in {lang}."),
    }));
    json!({
        "name": name,
        "label": format!("{} · {}", labels.kind(kind), lang.to_uppercase()),
        "description": format!(
            "Translations into {lang}: each file holds a record's text in {lang}, and may set its {}. The record itself is in the collection {}.",
            translatable.join(", "),
            labels.kind(kind),
        ),
        "folder": format!("content/{}", kind.dir()),
        "extension": format!("{lang}.md"),
        "format": "yaml-frontmatter",
        "create": true,
        "slug": "{{fields.slug}}",
        "identifier_field": "slug",
        "summary": "{{filename}}",
        "fields": fields,
    })
}

/// The file endings a kind's records use: `md` alone when there are none yet.
fn extensions(site: &Site, kind: Kind) -> Vec<&'static str> {
    let has = |ext: &str| {
        site.of_kind(kind)
            .any(|r| r.file.extension().is_some_and(|e| e == ext))
    };
    match (has("md"), has("yaml")) {
        (_, false) => vec!["md"],
        (false, true) => vec!["yaml"],
        (true, true) => vec!["md", "yaml"],
    }
}

fn collection(site: &Site, labels: &Labels, name: String, kind: Kind, ext: &str) -> Value {
    let title = fields::of(kind)[0].name;
    let mut fields = vec![slug_field()];
    fields.extend(
        fields::of(kind)
            .iter()
            .chain(fields::COMMON.iter().filter(|f| f.name != "slug"))
            .map(|f| field(site, labels, f)),
    );
    if ext == "md" {
        fields.push(json!({
            "name": "body", "label": "body", "widget": "markdown", "required": false,
            "hint": format!("The text of the page in {}; other languages are in translation files.", site.config.default_lang()),
        }));
    }
    json!({
        "name": name,
        "label": labels.kind(kind),
        "folder": format!("content/{}", kind.dir()),
        "extension": ext,
        // Named, not detected: translation files without front matter would
        // make Decap warn about each.
        "format": if ext == "md" { "yaml-frontmatter" } else { "yaml" },
        "create": true,
        "slug": "{{fields.slug}}",
        "identifier_field": format!("{title}.{}", site.config.default_lang()),
        "summary": format!("{{{{{title}.{}}}}} ({{{{filename}}}})", site.config.default_lang()),
        "fields": fields,
    })
}

/// The slug is asked for, not made from the name: Korean names make no slug.
fn slug_field() -> Value {
    json!({
        "name": "slug", "label": "slug", "widget": "string", "required": true,
        "hint": "The address of the page: lowercase Latin letters, digits and single hyphens, e.g. hanbit-precision. It must be the file's name.",
        "pattern": [SLUG_PATTERN, "lowercase a–z, 0–9 and single hyphens, e.g. hanbit-precision"],
    })
}

fn field(site: &Site, labels: &Labels, f: &Field) -> Value {
    let mut out = widget(site, labels, f);
    let obj = out.as_object_mut().expect("widgets are objects");
    obj.insert("name".into(), json!(f.name));
    obj.insert("label".into(), json!(f.name));
    obj.insert("hint".into(), json!(f.doc));
    obj.insert("required".into(), json!(f.required));
    out
}

fn widget(site: &Site, labels: &Labels, f: &Field) -> Value {
    match f.ty {
        Type::Text => localized(site, f, false),
        Type::Texts => json!({ "widget": "list", "fields": language_fields(site, false) }),
        Type::Plain => json!({ "widget": "string" }),
        Type::Int(lo, hi) => {
            json!({ "widget": "number", "value_type": "int", "min": lo, "max": hi })
        }
        Type::Bool => json!({ "widget": "boolean", "default": false }),
        Type::Date => patterned(DATE_PATTERN, "a date written 2026-03-14"),
        Type::Email => patterned(EMAIL_PATTERN, "an email address, name@example.org"),
        Type::Url => patterned(URL_PATTERN, "a web address starting with https://"),
        Type::EmailOrUrl => patterned(
            &format!("({EMAIL_PATTERN})|({URL_PATTERN})"),
            "an email address or a web address starting with https://",
        ),
        Type::Term(tax) => select(labels.terms(site, tax), false),
        Type::Terms(tax) => select(labels.terms(site, tax), true),
        Type::Ref(kind) => select(labels.records(site, kind), false),
        Type::Refs(kind) => select(labels.records(site, kind), true),
        Type::Owner => select(labels.owners(site), false),
        Type::Slugs => json!({
            "widget": "list",
            "field": { "name": "slug", "label": "slug", "widget": "string",
                       "pattern": [SLUG_PATTERN, "lowercase a–z, 0–9 and single hyphens"] },
        }),
        Type::Media(types) => media(types),
        Type::Object(sub) => {
            let mut fields = sub_fields(site, labels, sub);
            if !f.required {
                // Decap checks an object's required parts even when the object is
                // left empty; `check` still needs them once it is filled in.
                fields.iter_mut().for_each(optional);
            }
            json!({ "widget": "object", "collapsed": false, "fields": fields })
        }
        Type::List(sub) => json!({ "widget": "list", "fields": sub_fields(site, labels, sub) }),
    }
}

/// An image's alt text and a document's title are required in every
/// language, as the pages need them in each; other text only in the default
/// language. (In an optional object,
/// such as a logo, Decap cannot require a part only once the object is filled
/// in: there `check` alone does.)
fn sub_fields(site: &Site, labels: &Labels, sub: &[Field]) -> Vec<Value> {
    sub.iter()
        .map(|f| {
            if (sub == IMAGE && f.name == "alt") || (sub == DOCUMENT && f.name == "title") {
                let mut v = localized(site, f, true);
                v["name"] = json!(f.name);
                v["label"] = json!(f.name);
                v["hint"] = json!(f.doc);
                v["required"] = json!(true);
                v
            } else {
                field(site, labels, f)
            }
        })
        .collect()
}

/// A field and all its parts no longer required.
fn optional(field: &mut Value) {
    field["required"] = json!(false);
    if let Some(parts) = field.get_mut("fields").and_then(Value::as_array_mut) {
        parts.iter_mut().for_each(optional);
    }
}

fn localized(site: &Site, f: &Field, every_language: bool) -> Value {
    let fields = language_fields(site, f.required || every_language)
        .into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            v["required"] = json!(every_language || (f.required && i == 0));
            v
        })
        .collect::<Vec<_>>();
    json!({ "widget": "object", "collapsed": false, "fields": fields })
}

/// One text box per language, side by side in the form.
fn language_fields(site: &Site, required: bool) -> Vec<Value> {
    site.config
        .languages
        .iter()
        .map(
            |lang| json!({ "name": lang, "label": lang, "widget": "string", "required": required }),
        )
        .collect()
}

fn patterned(pattern: &str, what: &str) -> Value {
    json!({ "widget": "string", "pattern": [pattern, format!("write {what}")] })
}

fn select(options: Vec<Value>, multiple: bool) -> Value {
    json!({ "widget": "select", "multiple": multiple, "options": options })
}

fn media(types: &[&str]) -> Value {
    let images = types == fields::IMAGE_TYPES;
    json!({
        "widget": if images { "image" } else { "file" },
        "media_folder": format!("/{MEDIA_FOLDER}"),
        "public_folder": "",
        "choose_url": false,
    })
}

/// Term and record names shown in the pickers, in every language of the site.
struct Labels<'a> {
    localizers: Vec<Localizer<'a>>,
}

impl<'a> Labels<'a> {
    fn new(site: &'a Site, theme: &'a Theme) -> Self {
        let localizers = site
            .languages()
            .iter()
            .filter_map(|lang| {
                let strings = theme.strings.get(lang.as_str())?;
                Some(Localizer::new(site, lang, strings))
            })
            .collect();
        Labels { localizers }
    }

    fn joined(&self, each: impl Fn(&Localizer) -> String) -> String {
        let mut parts: Vec<String> = Vec::new();
        for l in &self.localizers {
            let text = each(l);
            if !parts.contains(&text) {
                parts.push(text);
            }
        }
        parts.join(" / ")
    }

    fn kind(&self, kind: Kind) -> String {
        self.joined(|l| l.kind_label(kind))
    }

    /// A taxonomy's terms as select options; none when the site has no such taxonomy.
    fn terms(&self, site: &Site, tax: &str) -> Vec<Value> {
        let Some(taxonomy) = site.taxonomies.get(tax) else {
            return Vec::new();
        };
        taxonomy
            .terms
            .iter()
            .map(|t| {
                let label = self.joined(|l| l.term_label(taxonomy, &t.key).text);
                json!({ "label": format!("{label} ({})", t.key), "value": t.key })
            })
            .collect()
    }

    /// The records of a kind, by slug. A select rather than Decap's relation
    /// widget: that one lists every file of the folder, translation files
    /// (`x.en.md`) too, and would offer them as records.
    fn records(&self, site: &Site, kind: Kind) -> Vec<Value> {
        self.record_options(site, kind, |slug| slug.to_string())
    }

    /// Institutions and companies, as `institutions/<slug>` and `companies/<slug>`.
    fn owners(&self, site: &Site) -> Vec<Value> {
        [Kind::Institutions, Kind::Companies]
            .into_iter()
            .flat_map(|kind| {
                self.record_options(site, kind, |slug| format!("{}/{slug}", kind.dir()))
            })
            .collect()
    }

    fn record_options(
        &self,
        site: &Site,
        kind: Kind,
        value: impl Fn(&str) -> String,
    ) -> Vec<Value> {
        site.of_kind(kind)
            .map(|r| {
                let name = self.joined(|l| l.text(&r.title).text);
                let value = value(&r.id.slug);
                json!({ "label": format!("{name} ({value})"), "value": value })
            })
            .collect()
    }
}
