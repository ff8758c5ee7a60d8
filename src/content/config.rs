//! site.yaml and content/taxonomies.yaml: the settings and facets every record is read against.

use std::collections::BTreeMap;

use crate::content::model::{Config, EditorConfig, Kind, Localized, Taxonomy, Term};
use crate::content::read::{is_language_code, is_slug, Reader, DEFAULT_MEDIA_MAX_MB};
use crate::content::yaml::Node;
use crate::diagnostic::Pos;

/// Fixed enumerations that are facets like the taxonomies: a term page each, a
/// filter each. Their labels come from the theme's i18n files (`facet.<id>.*`).
pub const BUILTIN_FACETS: &[(&str, &[&str])] = &[
    ("company-kind", &["product-developer", "base-technology"]),
    ("company-status", &["member", "left"]),
    ("membership", &["general", "supporting", "cooperating"]),
    (
        "institution-kind",
        &[
            "university",
            "research-institute",
            "public-lab",
            "government",
            "support-organization",
            "incubator",
            "financial",
        ],
    ),
    (
        "collaboration",
        &["joint-research", "licensing", "consulting", "internship"],
    ),
    ("access", &["open", "internal"]),
    ("equipment-status", &["in-service", "retired"]),
    ("tier", &["super", "coordinator"]),
    ("story-type", &["industry-academia", "industry-industry"]),
    ("notice-category", NOTICE_CATEGORIES),
];

/// The facets only the staff edition has: how a karte's case stands.
pub const INTERNAL_FACETS: &[(&str, &[&str])] = &[(
    "karte-status",
    &["open", "in-progress", "resolved", "on-hold"],
)];

/// What a notice announces.
pub const NOTICE_CATEGORIES: &[&str] = &[
    "grant",
    "loan",
    "event",
    "seminar",
    "exhibition",
    "internship",
    "newsletter",
    "call",
];

/// Media files larger than this (in MB) are refused unless site.yaml raises `media_max_mb`.
/// The notice categories that happen on a day and belong in a calendar.
pub const EVENT_CATEGORIES: &[&str] = &["event", "seminar", "exhibition"];

/// URL segments under `/<lang>/` that the generator itself uses.
pub const RESERVED_NAMES: &[&str] = &[
    "search",
    "data",
    "pagefind",
    "page",
    "static",
    "media",
    "index",
    "404",
    "archive",
    // The browser editor.
    "admin",
    // The staff edition's kartes and their facet.
    "kartes",
    "karte-status",
];

pub fn is_reserved(name: &str) -> bool {
    RESERVED_NAMES.contains(&name)
        || Kind::from_dir(name).is_some()
        || BUILTIN_FACETS.iter().any(|(id, _)| *id == name)
}

const SITE_FIELDS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "languages",
    "theme",
    "secretariat",
    "edit_url",
    "page_size",
    "retired",
    "media_max_mb",
    "search_fragment_files",
    "search_part_records",
    "not_visited_months",
    "editor",
];

/// The git hosts the editor can commit to.
pub const EDITOR_BACKENDS: &[&str] = &["github", "gitlab"];

/// Read site.yaml. Problems go to `r`; `None` when the site cannot be built at all.
pub fn read_config(node: &Node, r: &mut Reader) -> Option<Config> {
    let f = r.fields(node, SITE_FIELDS, "site.yaml")?;
    let languages = read_languages(&f, r)?;
    // Localized fields of site.yaml are checked against the languages just read.
    let mut r2 = Reader::new(r.file.clone(), &languages, r.taxonomies);
    let title = r2
        .required(&f, "title", "the site")
        .and_then(|n| r2.localized(n));
    let description = f.get("description").and_then(|n| r2.localized(n));
    let base_url = r2
        .required(&f, "base_url", "the site")
        .and_then(|n| r2.url(n));
    let theme = f
        .get("theme")
        .and_then(|n| r2.text(n))
        .unwrap_or_else(|| "default".into());
    if !is_slug(&theme) {
        let pos = f.get("theme").map_or(f.pos, |n| n.pos);
        let hint = Some(
            "a theme is a folder name under themes/: lowercase letters, digits and `-`".into(),
        );
        r2.error(
            "bad-theme",
            pos,
            format!("`{theme}` is not a theme name"),
            hint,
        );
    }
    let (mut email, mut phone) = (None, None);
    if let Some(node) = f.get("secretariat") {
        if let Some(s) = r2.fields(node, &["email", "phone"], "secretariat") {
            email = s.get("email").and_then(|n| r2.email(n));
            phone = s.get("phone").and_then(|n| r2.text(n));
        }
    }
    let edit_url = f.get("edit_url").and_then(|n| r2.url(n));
    let page_size = f
        .get("page_size")
        .and_then(|n| r2.int(n, 5..=1000))
        .unwrap_or(30) as usize;
    let media_max_mb = f
        .get("media_max_mb")
        .and_then(|n| r2.int(n, 1..=10_000))
        .unwrap_or(DEFAULT_MEDIA_MAX_MB as i64) as u64;
    let search_fragment_files = f
        .get("search_fragment_files")
        .and_then(|n| r2.int(n, 1..=10_000_000))
        .map(|n| n as u32);
    let search_part_records = f
        .get("search_part_records")
        .and_then(|n| r2.int(n, 1..=10_000_000))
        .map(|n| n as usize);
    let not_visited_months = f
        .get("not_visited_months")
        .and_then(|n| r2.int(n, 1..=120))
        .unwrap_or(4) as u32;
    let hide_retired = match f
        .get("retired")
        .and_then(|n| r2.text(n).map(|t| (t, n.pos)))
    {
        None => false,
        Some((t, _)) if t == "show" => false,
        Some((t, _)) if t == "hide" => true,
        Some((t, pos)) => {
            let hint = Some("`show` keeps retired equipment and companies that left, marked; `hide` leaves them out".into());
            r2.error(
                "wrong-type",
                pos,
                format!("`retired` is `show` or `hide`, not `{t}`"),
                hint,
            );
            false
        }
    };
    let editor = f.get("editor").and_then(|n| read_editor(n, &mut r2));
    r.problems.append(&mut r2.problems);
    Some(Config {
        title: title?,
        description,
        base_url: base_url?,
        languages,
        theme,
        secretariat_email: email,
        secretariat_phone: phone,
        edit_url,
        page_size,
        hide_retired,
        media_max_mb,
        search_fragment_files,
        search_part_records,
        not_visited_months,
        editor,
    })
}

/// `editor: { backend: github, repo: org/site, branch: main, auth_url: …, review: true }`.
fn read_editor(node: &Node, r: &mut Reader) -> Option<EditorConfig> {
    let f = r.fields(
        node,
        &["backend", "repo", "branch", "auth_url", "review"],
        "editor",
    )?;
    let backend = r
        .required(&f, "backend", "the editor")
        .and_then(|n| editor_backend(n, r));
    let repo = r
        .required(&f, "repo", "the editor")
        .and_then(|n| editor_repo(n, r));
    let branch = match f.get("branch") {
        Some(n) => editor_branch(n, r)?,
        None => "main".to_string(),
    };
    let auth_url = f.get("auth_url").and_then(|n| r.url(n));
    let review = f.get("review").and_then(|n| r.bool(n)).unwrap_or(true);
    Some(EditorConfig {
        backend: backend?,
        repo: repo?,
        branch,
        auth_url,
        review,
    })
}

fn editor_backend(node: &Node, r: &mut Reader) -> Option<String> {
    editor_text(
        node,
        r,
        |text| EDITOR_BACKENDS.contains(&text),
        |text| {
            let msg = format!("the editor cannot commit to `{text}`");
            (msg, "write `backend: github` or `backend: gitlab`")
        },
    )
}

/// `owner/name`, or `group/subgroup/name` on GitLab.
fn editor_repo(node: &Node, r: &mut Reader) -> Option<String> {
    let part_ok = |p: &str| {
        !p.is_empty()
            && p != "."
            && p != ".."
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    let ok = |text: &str| text.split('/').count() >= 2 && text.split('/').all(part_ok);
    editor_text(node, r, ok, |text| {
        let msg = format!("`{text}` is not a repository name");
        (
            msg,
            "write the repository as `owner/name`, e.g. `repo: tama-cluster/site`",
        )
    })
}

fn editor_branch(node: &Node, r: &mut Reader) -> Option<String> {
    let ok = |text: &str| {
        !text.is_empty()
            && !text.starts_with(['-', '/'])
            && !text.contains("..")
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
    };
    editor_text(node, r, ok, |text| {
        let msg = format!("`{text}` is not a branch name");
        (
            msg,
            "write the branch the site is built from, e.g. `branch: main`",
        )
    })
}

/// An editor setting's text if `ok` accepts it; else a `bad-editor` error at
/// the value, with the message and hint `problem` gives.
fn editor_text(
    node: &Node,
    r: &mut Reader,
    ok: impl Fn(&str) -> bool,
    problem: impl Fn(&str) -> (String, &'static str),
) -> Option<String> {
    let text = r.text(node)?;
    if ok(&text) {
        return Some(text);
    }
    let (msg, hint) = problem(&text);
    r.error("bad-editor", node.pos, msg, Some(hint.into()));
    None
}

fn read_languages(f: &crate::content::read::Fields, r: &mut Reader) -> Option<Vec<String>> {
    let node = r.required(f, "languages", "the site")?;
    let mut langs: Vec<String> = Vec::new();
    for code in r.list(node, |r, n| r.text(n).map(|t| (t, n.pos))) {
        let (code, pos) = code;
        if !is_language_code(&code) {
            let hint = Some("use a language code such as `ko`, `en` or `ja`".into());
            r.error(
                "bad-language",
                pos,
                format!("`{code}` is not a language code"),
                hint,
            );
        } else if langs.contains(&code) {
            r.error(
                "duplicate-language",
                pos,
                format!("`{code}` is listed twice"),
                None,
            );
        } else {
            langs.push(code);
        }
    }
    if langs.is_empty() {
        let hint = Some("write `languages: [ko, en]`; the first is the default".into());
        r.error(
            "missing-field",
            node.pos,
            "the site needs at least one language",
            hint,
        );
        return None;
    }
    Some(langs)
}

/// Read content/taxonomies.yaml and add the built-in facets.
pub fn read_taxonomies(node: Option<&Node>, r: &mut Reader) -> BTreeMap<String, Taxonomy> {
    let mut out = builtin_taxonomies();
    let Some(node) = node else { return out };
    let Some(entries) = node.as_map() else {
        let hint =
            Some("write each taxonomy as `name:` with `label:` and `terms:` below it".into());
        r.error(
            "wrong-type",
            node.pos,
            "taxonomies.yaml must be a map of taxonomies",
            hint,
        );
        return out;
    };
    for e in entries {
        if let Some(t) = read_taxonomy(&e.key, e.key_pos, &e.value, r) {
            out.insert(t.id.clone(), t);
        }
    }
    out
}

fn read_taxonomy(id: &str, pos: Pos, node: &Node, r: &mut Reader) -> Option<Taxonomy> {
    if !is_slug(id) {
        let hint = Some("use lowercase letters, digits and `-`".into());
        r.error(
            "bad-slug",
            pos,
            format!("`{id}` is not a valid taxonomy name"),
            hint,
        );
        return None;
    }
    if is_reserved(id) {
        let hint = Some("kinds, built-in facets and generator folders cannot be taxonomy names; choose another name".into());
        r.error(
            "reserved-name",
            pos,
            format!("`{id}` is a reserved name"),
            hint,
        );
        return None;
    }
    let f = r.fields(node, &["label", "terms"], "a taxonomy")?;
    let label = r
        .required(&f, "label", "a taxonomy")
        .and_then(|n| r.localized(n));
    let mut terms = Vec::new();
    if let Some(tnode) = r.required(&f, "terms", "a taxonomy") {
        match tnode.as_map() {
            Some(entries) => {
                for e in entries {
                    if !is_slug(&e.key) || is_reserved(&e.key) {
                        let hint = Some("a term key is used in URLs: lowercase letters, digits and `-`, not a reserved name".into());
                        r.error(
                            "bad-slug",
                            e.key_pos,
                            format!("`{}` cannot be a term key", e.key),
                            hint,
                        );
                        continue;
                    }
                    if let Some(term) = read_term(&e.key, &e.value, r) {
                        terms.push(term);
                    }
                }
            }
            None => {
                let hint = Some("write one `key: { ko: …, en: … }` per term".into());
                r.error(
                    "wrong-type",
                    tnode.pos,
                    "`terms` must be a map of term keys to labels",
                    hint,
                );
            }
        }
    }
    Some(Taxonomy {
        id: id.to_string(),
        label: label?,
        terms,
        builtin: false,
    })
}

/// A term: its label (`{ ko: …, en: … }`), or `label:` and the words visitors
/// may type for it besides, `also:`.
fn read_term(key: &str, node: &Node, r: &mut Reader) -> Option<Term> {
    let long = node
        .as_map()
        .is_some_and(|m| m.iter().any(|e| e.key == "label" || e.key == "also"));
    if !long {
        let label = r.localized(node)?;
        return Some(Term {
            key: key.to_string(),
            label,
            also: None,
        });
    }
    let f = r.fields(node, &["label", "also"], "a term")?;
    let label = r
        .required(&f, "label", "a term")
        .and_then(|n| r.localized(n));
    let also = f.get("also").and_then(|n| r.localized(n));
    Some(Term {
        key: key.to_string(),
        label: label?,
        also,
    })
}

fn builtin_taxonomies() -> BTreeMap<String, Taxonomy> {
    enumerations(BUILTIN_FACETS)
}

/// Taxonomies of fixed terms, labelled from the theme's i18n files.
pub fn enumerations(facets: &[(&str, &[&str])]) -> BTreeMap<String, Taxonomy> {
    facets
        .iter()
        .map(|(id, terms)| {
            let terms = terms
                .iter()
                .map(|k| Term {
                    key: k.to_string(),
                    label: Localized::Same(k.to_string()),
                    also: None,
                })
                .collect();
            let t = Taxonomy {
                id: id.to_string(),
                label: Localized::Same(id.to_string()),
                terms,
                builtin: true,
            };
            (id.to_string(), t)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        for ok in ["ko", "en", "ja", "zh-hant", "pt-br"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "K", "korean", "../x", "en_US", "EN"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
