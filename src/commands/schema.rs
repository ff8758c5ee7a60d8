//! `clusterpress schema`: a JSON Schema per kind, generated from the field table
//! with the site's own languages, taxonomy terms and slugs filled in, so editors
//! (VS Code with the YAML extension, IntelliJ) complete and check record files.

use serde_json::{json, Map, Value};

use crate::content::fields::{self, Field, Type};
use crate::content::model::Kind;
use crate::site::Site;

pub fn for_kind(site: &Site, kind: Kind) -> Value {
    let mut schema = object(site, fields::of(kind).iter().chain(fields::COMMON));
    let obj = schema.as_object_mut().expect("an object schema");
    obj.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    obj.insert(
        "title".into(),
        json!(format!("clusterpress record: {}", kind.dir())),
    );
    schema
}

fn object<'a>(site: &Site, fields: impl Iterator<Item = &'a Field>) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in fields {
        let mut prop = type_schema(site, f.ty);
        if let Some(o) = prop.as_object_mut() {
            o.insert("description".into(), json!(f.doc));
        }
        properties.insert(f.name.into(), prop);
        if f.required {
            required.push(f.name);
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn type_schema(site: &Site, ty: Type) -> Value {
    match ty {
        Type::Text => text(site),
        Type::Texts => one_or_many(text(site)),
        Type::Plain => json!({ "type": ["string", "number"] }),
        Type::Int(lo, hi) => json!({ "type": "integer", "minimum": lo, "maximum": hi }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Date => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }),
        Type::Email => json!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" }),
        Type::Url => json!({ "type": "string", "pattern": "^https?://" }),
        Type::EmailOrUrl => {
            json!({ "type": "string", "pattern": "^(https?://|[^@\\s]+@[^@\\s]+\\.[^@\\s]+$)" })
        }
        Type::Term(tax) => terms(site, tax),
        Type::Terms(tax) => one_or_many(terms(site, tax)),
        Type::Ref(kind) => slugs(site, kind, ""),
        Type::Refs(kind) => one_or_many(slugs(site, kind, "")),
        Type::Owner => {
            json!({ "anyOf": [slugs(site, Kind::Institutions, "institutions/"), slugs(site, Kind::Companies, "companies/")] })
        }
        Type::Media(types) => {
            let pattern = format!("^[^/.][^:\\\\]*\\.({})$", types.join("|"));
            json!({ "type": "string", "pattern": pattern })
        }
        Type::Slugs => {
            one_or_many(json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" }))
        }
        Type::Object(sub) => object(site, sub.iter()),
        Type::List(sub) => json!({ "type": "array", "items": object(site, sub.iter()) }),
    }
}

/// One text for every language, or a map with a text per language of the site.
fn text(site: &Site) -> Value {
    let langs: Map<String, Value> = site
        .languages()
        .iter()
        .map(|l| (l.clone(), json!({ "type": ["string", "number"] })))
        .collect();
    json!({ "anyOf": [
        { "type": ["string", "number"] },
        { "type": "object", "properties": langs, "additionalProperties": false, "minProperties": 1 },
    ]})
}

/// Records accept a single value where a list is expected.
fn one_or_many(item: Value) -> Value {
    json!({ "anyOf": [item.clone(), { "type": "array", "items": item }] })
}

fn terms(site: &Site, taxonomy: &str) -> Value {
    match site.taxonomies.get(taxonomy) {
        Some(t) => json!({ "enum": t.terms.iter().map(|t| t.key.as_str()).collect::<Vec<_>>() }),
        // An undeclared taxonomy has no valid term.
        None => json!({ "enum": [] }),
    }
}

fn slugs(site: &Site, kind: Kind, prefix: &str) -> Value {
    let slugs: Vec<String> = site
        .of_kind(kind)
        .map(|r| format!("{prefix}{}", r.id.slug))
        .collect();
    json!({ "type": "string", "enum": slugs })
}
