//! `clusterpress new <kind> <slug>`: a record file with every field of its kind,
//! explained in comments, ready to fill in. It starts as a draft, so placeholder
//! text never reaches the public site before someone has written the record.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::content::fields::{self, Field, Type};
use crate::content::model::{Kind, Taxonomy};
use crate::site::Site;

/// Write `content/<kind>/<slug>.md` (and a translation file per other language).
/// Returns the files written.
/// Write the record `slug` of `kind` into `dir` (`content/<kind>/`, or the
/// internal root's `kartes/`).
pub fn new_record(site: &Site, kind: Kind, slug: &str, dir: &Path) -> Result<Vec<PathBuf>> {
    let reserved = crate::content::config::is_reserved(slug)
        || (kind == Kind::Kartes && crate::content::load::RESERVED_KARTE_SLUGS.contains(&slug));
    if !crate::content::read::is_slug(slug) || reserved {
        bail!("`{slug}` is not a valid slug: use lowercase letters, digits and `-`, and not a reserved name");
    }
    let main = dir.join(format!("{slug}.md"));
    for existing in [main.clone(), dir.join(format!("{slug}.yaml"))] {
        if existing.exists() {
            bail!(
                "{} already exists; edit it, or choose another slug",
                existing.display()
            );
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = vec![main.clone()];
    write_new(&main, &template(site, kind))?;
    for lang in &site.languages()[1..] {
        let path = dir.join(format!("{slug}.{lang}.md"));
        if !path.exists() {
            write_new(&path, &format!("<!-- The {lang} text of this record. Delete this file if there is none yet. -->\n\nTODO\n"))?;
            written.push(path);
        }
    }
    Ok(written)
}

fn write_new(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The front matter and a placeholder body.
pub fn template(site: &Site, kind: Kind) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "## A new record of `{}`. Fields marked (required) must be filled in.",
        kind.dir()
    );
    out.push_str("## Lines starting with ## explain; to use an optional field, remove the `# ` in front of it.\n");
    out.push_str(
        "## Text fields take one text for every language, or one per language as shown.\n",
    );
    out.push_str("## Put text that contains `: ` or `, ` in quotes. Remove `draft: true` to publish the record.\n");
    out.push_str("draft: true\n");
    for field in fields::of(kind) {
        write_field(&mut out, site, field, 0);
    }
    out.push_str("---\n");
    let _ = writeln!(
        out,
        "TODO: the text of this record in {}, in Markdown.",
        site.config.default_lang()
    );
    out
}

fn write_field(out: &mut String, site: &Site, field: &Field, indent: usize) {
    let pad = " ".repeat(indent);
    let required = if field.required { "(required) " } else { "" };
    let _ = writeln!(out, "\n{pad}## {required}{}", field.doc);
    if let Some(choices) = choices(site, field.ty) {
        let many = if matches!(field.ty, Type::Terms(_)) {
            "One or more of"
        } else {
            "One of"
        };
        let _ = writeln!(out, "{pad}## {many}: {choices}");
    }
    let value = example(site, field.ty, indent);
    let line = format!("{}:{value}", field.name);
    // Optional fields are written commented out, every line of them.
    let prefix = if field.required { "" } else { "# " };
    for l in line.lines() {
        let _ = writeln!(out, "{pad}{prefix}{l}");
    }
}

/// What to write after `name:` for a field of this type.
fn example(site: &Site, ty: Type, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let langs = site.languages();
    match ty {
        Type::Text => langs
            .iter()
            .map(|l| format!("\n{pad}{l}: \"TODO\""))
            .collect(),
        Type::Texts => format!(
            "\n{pad}- {{ {} }}",
            langs
                .iter()
                .map(|l| format!("{l}: \"TODO\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Type::Plain => " \"TODO\"".into(),
        Type::Int(lo, hi) => format!(" {}", if lo >= 1000 { 2026.min(hi) } else { lo.max(1) }),
        Type::Bool => " false".into(),
        Type::Date => " 2026-01-01".into(),
        Type::Email => " office@example.org".into(),
        Type::Url => " https://example.org/".into(),
        Type::EmailOrUrl => " https://example.org/booking".into(),
        Type::Term(tax) | Type::Terms(tax) => {
            let first = site
                .taxonomies
                .get(tax)
                .and_then(|t| t.terms.first())
                .map_or("TODO", |t| t.key.as_str());
            if matches!(ty, Type::Terms(_)) {
                format!(" [{first}]")
            } else {
                format!(" {first}")
            }
        }
        Type::Ref(kind) | Type::Refs(kind) => {
            let slug = some_slug(site, kind);
            if matches!(ty, Type::Refs(_)) {
                format!(" [{slug}]")
            } else {
                format!(" {slug}")
            }
        }
        Type::Owner => format!(" institutions/{}", some_slug(site, Kind::Institutions)),
        Type::Slugs => " [old-slug]".into(),
        Type::Media(types) => format!(" example.{}", types[0]),
        Type::Object(sub) | Type::List(sub) => {
            let dash = if matches!(ty, Type::List(_)) {
                "- "
            } else {
                ""
            };
            let mut s = String::new();
            for (i, f) in sub.iter().enumerate() {
                let lead = if i == 0 {
                    dash
                } else if dash.is_empty() {
                    ""
                } else {
                    "  "
                };
                let value = example(site, f.ty, indent + 2 + dash.len());
                let _ = write!(s, "\n{pad}{lead}{}:{value}", f.name);
            }
            s
        }
    }
}

/// An existing slug of the kind, so that the new file passes `check` as it is.
fn some_slug(site: &Site, kind: Kind) -> String {
    site.of_kind(kind)
        .next()
        .map_or_else(|| "TODO".to_string(), |r| r.id.slug.clone())
}

fn choices(site: &Site, ty: Type) -> Option<String> {
    let (Type::Term(tax) | Type::Terms(tax)) = ty else {
        return None;
    };
    let taxonomy: &Taxonomy = site.taxonomies.get(tax)?;
    let keys: Vec<&str> = taxonomy.terms.iter().map(|t| t.key.as_str()).collect();
    let shown = keys.iter().take(15).copied().collect::<Vec<_>>().join(", ");
    Some(if keys.len() > 15 {
        format!("{shown}, … (see content/taxonomies.yaml)")
    } else {
        shown
    })
}
