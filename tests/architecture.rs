//! The shape of the code: `src/` reads as the pipeline, and no module imports
//! one that imports it back, at any distance.
//!
//! Every reference to another module counts: `use` lines (with their braced
//! groups), inline `crate::` and `super::` paths, and re-exports (`pub use`).
//! Declaring a child (`mod x;`) does not: a folder's `mod.rs` may declare its
//! children, but then it may not use them if they use it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's modules (as `a::b`, the root as ``), each with its source.
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        let rel = path.strip_prefix(&src).unwrap();
        if path.extension().is_none_or(|e| e != "rs")
            || rel.starts_with("bin")
            || rel == Path::new("main.rs")
        {
            continue;
        }
        let mut parts: Vec<String> = rel
            .with_extension("")
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        out.insert(parts.join("::"), std::fs::read_to_string(path).unwrap());
    }
    out
}

/// Source without comments and string literals, which may mention paths that are not references.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '"' && !escaped {
                        break;
                    }
                    escaped = c == '\\' && !escaped;
                }
                out.push_str("\"\"");
            }
            // A char literal such as '{' must not count as a brace.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                let close = if rest.starts_with('\\') {
                    rest.chars().nth(2) == Some('\'')
                } else {
                    rest.chars().nth(1) == Some('\'')
                };
                if close {
                    let n = if rest.starts_with('\\') { 3 } else { 2 };
                    for _ in 0..n {
                        chars.next();
                    }
                    out.push_str("' '");
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every path that starts with `crate::` or `super::`, braced groups expanded,
/// each with the inline modules (`mod tests { … }`) it is written in.
fn paths(code: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let tokens = tokens(code);
    let mut out = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "mod" if tokens.get(i + 2).map(String::as_str) == Some("{") => {
                inline.push((tokens[i + 1].clone(), depth));
            }
            // `use child::x;` is a path from this module.
            "use"
                if tokens.get(i + 2).map(String::as_str) == Some("::")
                    && !matches!(tokens[i + 1].as_str(), "crate" | "super" | "self") =>
            {
                let scope: Vec<String> = inline.iter().map(|(m, _)| m.clone()).collect();
                let (found, next) = path_at(&tokens, i + 1);
                out.extend(found.into_iter().map(|mut p| {
                    p.insert(0, "self".into());
                    (scope.clone(), p)
                }));
                i = next;
                continue;
            }
            "crate" | "super" | "self" if tokens.get(i + 1).map(String::as_str) == Some("::") => {
                let scope: Vec<String> = inline.iter().map(|(m, _)| m.clone()).collect();
                let (found, next) = path_at(&tokens, i);
                out.extend(found.into_iter().map(|p| (scope.clone(), p)));
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn tokens(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(word);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            out.push("::".into());
        } else if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    out
}

/// The path (or paths, for a braced group) starting at `tokens[i]`, and the index after it.
fn path_at(tokens: &[String], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = vec![tokens[i].clone()];
    i += 1;
    while tokens.get(i).map(String::as_str) == Some("::") {
        match tokens.get(i + 1).map(String::as_str) {
            Some("{") => {
                let mut out = Vec::new();
                i += 2;
                while i < tokens.len() && tokens[i] != "}" {
                    if tokens[i] == "," {
                        i += 1;
                        continue;
                    }
                    let (inner, next) = path_at(tokens, i);
                    for p in inner {
                        let mut full = prefix.clone();
                        full.extend(p);
                        out.push(full);
                    }
                    i = next;
                    // Skip `as name`.
                    if tokens.get(i).map(String::as_str) == Some("as") {
                        i += 2;
                    }
                }
                return (out, i + 1);
            }
            Some(word) if word.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                prefix.push(word.to_string());
                i += 2;
            }
            _ => break,
        }
    }
    (vec![prefix], i)
}

/// Which module a path refers to: the longest prefix of it that is a module.
fn resolve(
    modules: &BTreeMap<String, String>,
    from: &str,
    scope: &[String],
    path: &[String],
) -> Option<String> {
    let mut at: Vec<String> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").map(str::to_string).collect()
    };
    at.extend(scope.iter().cloned());
    let mut rest = path;
    if rest.first().map(String::as_str) == Some("crate") {
        at.clear();
        rest = &rest[1..];
    }
    if rest.first().map(String::as_str) == Some("self") {
        rest = &rest[1..];
    }
    while rest.first().map(String::as_str) == Some("super") {
        at.pop()?;
        rest = &rest[1..];
    }
    let mut full = at;
    full.extend(rest.iter().cloned());
    (0..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|m| modules.contains_key(m))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, text) in &modules {
        let targets = edges.entry(name.clone()).or_default();
        for (scope, path) in paths(&code_only(text)) {
            if let Some(target) = resolve(&modules, name, &scope, &path) {
                if &target != name {
                    targets.insert(target);
                }
            }
        }
    }
    edges
}

/// A cycle through the graph, as the modules along it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|n| n == node).unwrap();
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in edges.keys() {
        if let Some(c) = visit(node, edges, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = graph();
    assert!(
        edges.len() > 30,
        "the scan found too few modules: {edges:?}"
    );
    // The scan sees the references it must: a `use` group, an inline path, a `super::` sibling.
    assert!(edges["render::page"].contains("render::context"));
    assert!(edges["build"].contains("publish"));
    assert!(edges["site::validate"].contains("site"));
    assert!(edges["render"].contains("render::context"));
    if let Some(cycle) = find_cycle(&edges) {
        panic!("modules import each other: {}", cycle.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let mut edges = graph();
    edges
        .get_mut("content::model")
        .unwrap()
        .insert("render::page".into());
    let cycle = find_cycle(&edges).expect("a cycle was added");
    assert!(cycle.contains(&"content::model".to_string()), "{cycle:?}");
}

#[test]
fn paths_in_groups_and_inline_modules_are_read() {
    let code = code_only(
        "use crate::{a::b, c::{d, e as f}};\nfn x() { crate::g::h(); } // crate::no\nmod tests { use super::y; }\nconst S: &str = \"crate::no\";\npub use child::z;",
    );
    let found: Vec<String> = paths(&code)
        .into_iter()
        .map(|(scope, p)| format!("{}|{}", scope.join("::"), p.join("::")))
        .collect();
    assert_eq!(
        found,
        [
            "|crate::a::b",
            "|crate::c::d",
            "|crate::c::e",
            "|crate::g::h",
            "tests|super::y",
            "|self::child::z"
        ]
    );
}

#[test]
fn the_top_of_src_reads_as_the_architecture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entries: Vec<PathBuf> = std::fs::read_dir(root.join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let files = entries.iter().filter(|p| p.is_file()).count();
    assert!(files <= 10, "src/ holds {files} files at its top");
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    for entry in &entries {
        let name = entry.file_name().unwrap().to_string_lossy();
        let shown = if entry.is_dir() {
            format!("src/{name}/")
        } else {
            format!("src/{name}")
        };
        assert!(
            doc.contains(&shown),
            "ARCHITECTURE.md does not name {shown}"
        );
    }
}
