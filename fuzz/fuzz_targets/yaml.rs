//! YAML as every file is parsed (src/content/yaml.rs), then read as site.yaml, as
//! taxonomies.yaml and as a record of each kind, all in memory: no panic, and
//! every position lies inside the text.
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;

use clusterpress::diagnostic::Pos;
use clusterpress::content::model::Kind;
use clusterpress::content::read::Reader;
use clusterpress::content::yaml::{self, Node, Value};
use libfuzzer_sys::fuzz_target;

fn check_pos(pos: Pos, first: usize, last: usize) {
    assert!(
        pos.line >= first && pos.line <= last && pos.column >= 1,
        "{pos:?} outside lines {first}..={last}"
    );
}

fn walk(node: &Node, first: usize, last: usize) {
    check_pos(node.pos, first, last);
    match &node.value {
        Value::Scalar { .. } => {}
        Value::List(items) => items.iter().for_each(|n| walk(n, first, last)),
        Value::Map(entries) => {
            for e in entries {
                check_pos(e.key_pos, first, last);
                walk(&e.value, first, last);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As the loader gives every file to the parser: BOM off, LF line endings, NFC.
    let text = &clusterpress::content::load::normalize_text(text);
    // Front matter starts on line 2; a whole file on line 1.
    let first = if text.len() % 2 == 0 { 1 } else { 2 };
    let last = first + text.split('\n').count() - 1;
    let node = match yaml::parse(text, first) {
        Ok(node) => node,
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                check_pos(e.pos, first, last);
                if let Some((stop, _)) = e.related {
                    check_pos(stop, first, last);
                }
            }
            return;
        }
    };
    walk(&node, first, last);
    let _ = yaml::to_json(&node);

    let languages = vec!["ko".to_string(), "en".to_string()];
    let none = BTreeMap::new();
    let mut r = Reader::new(Path::new("site.yaml"), &[], &none);
    let _ = clusterpress::content::config::read_config(&node, &mut r);
    let mut r = Reader::new(Path::new("content/taxonomies.yaml"), &languages, &none);
    let taxonomies = clusterpress::content::config::read_taxonomies(Some(&node), &mut r);
    for kind in Kind::ALL {
        let mut r = Reader::new(Path::new("record.yaml"), &languages, &taxonomies);
        let allowed: Vec<&str> = clusterpress::content::fields::of(kind)
            .iter()
            .chain(clusterpress::content::fields::COMMON)
            .map(|f| f.name)
            .collect();
        if let Some(fields) = r.fields(&node, &allowed, "a record") {
            let _ = clusterpress::content::kinds::read_kind(kind, &fields, &mut r);
        }
        for d in &r.problems {
            check_pos(d.location.pos, first, last);
        }
    }
});
