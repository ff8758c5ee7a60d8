//! A YAML document as a tree that keeps the position of every key and value.
//!
//! saphyr-parser does the parsing; this module only assembles its events into
//! nodes, so that later stages can point at the exact value that is wrong, deep
//! inside a list or a localized map. Anchors and aliases are refused: content
//! does not need them, and refusing them rules out alias bombs.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diagnostic::Pos;

/// Nesting deeper than this is refused: real records nest three or four levels.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar as written; `quoted` tells `"12"` (a string) from `12` (a number).
    Scalar {
        text: String,
        quoted: bool,
    },
    List(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

/// A problem found while parsing: message, position and an optional hint.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub message: String,
    pub pos: Pos,
    pub hint: Option<String>,
}

impl Node {
    pub fn describe(&self) -> &'static str {
        match &self.value {
            Value::Scalar { text, quoted } => {
                if !quoted && is_null(text) {
                    "nothing (an empty value)"
                } else {
                    "a single value"
                }
            }
            Value::List(_) => "a list",
            Value::Map(_) => "a map of fields",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, quoted: false } if is_null(text))
    }

    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }
}

/// The node as JSON, resolving plain scalars by YAML 1.2's core schema
/// (numbers, booleans, null), as editors' YAML tooling does.
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Scalar { text, quoted: true } => J::String(text.clone()),
        Value::Scalar {
            text,
            quoted: false,
        } => match text.as_str() {
            t if is_null(t) => J::Null,
            "true" | "True" | "TRUE" => J::Bool(true),
            "false" | "False" | "FALSE" => J::Bool(false),
            t => t
                .parse::<i64>()
                .map(J::from)
                .ok()
                .or_else(|| {
                    t.parse::<f64>()
                        .ok()
                        .filter(|f| f.is_finite() && !t.starts_with('.'))
                        .map(J::from)
                })
                .unwrap_or_else(|| J::String(text.clone())),
        },
        Value::List(items) => items.iter().map(to_json).collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|e| (e.key.clone(), to_json(&e.value)))
            .collect(),
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// Parse one YAML document. `first_line` is the line of the file the text starts
/// on (2 for front matter after `---`). An empty document is an empty map.
pub fn parse(text: &str, first_line: usize) -> Result<Node, Vec<YamlError>> {
    let mut builder = Builder {
        stack: Vec::new(),
        root: None,
        errors: Vec::new(),
        line_offset: first_line.saturating_sub(1),
        end: within(text, usize::MAX, usize::MAX),
    };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => {
                if builder.event(event, span).is_err() {
                    break;
                }
            }
            Err(e) => {
                let m = e.marker();
                let (line, column) = within(text, m.line(), m.col() + 1);
                builder.errors.push(YamlError {
                    message: format!("this is not valid YAML: {}", e.info()),
                    pos: Pos {
                        line: line + builder.line_offset,
                        column,
                        len: 1,
                    },
                    hint: Some(yaml_hint(e.info())),
                });
                break;
            }
        }
    }
    if !builder.errors.is_empty() {
        return Err(builder.errors);
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Map(Vec::new()),
        pos: Pos {
            line: first_line,
            column: 1,
            len: 1,
        },
    }))
}

/// A 1-based line and column moved into `text`: the parser can place an error
/// past the end (after a last line with no line break), which would name a
/// line the file does not have. Such a place becomes the end of the text.
fn within(text: &str, line: usize, column: usize) -> (usize, usize) {
    let lines: Vec<&str> = text.split('\n').collect();
    match lines.get(line.max(1) - 1) {
        Some(l) => (line.max(1), column.clamp(1, l.chars().count() + 1)),
        None => (lines.len(), lines[lines.len() - 1].chars().count() + 1),
    }
}

fn yaml_hint(info: &str) -> String {
    if info.contains("mapping values are not allowed") {
        "a value that contains `: ` must be put in quotes: `summary: \"Note: ...\"`".into()
    } else if info.contains("tab") {
        "indent with spaces, not tabs".into()
    } else if info.contains("did not find expected") || info.contains("illegal placement") {
        "check the indentation here, and that every `[`, `{` and quote opened on the lines above is closed".into()
    } else {
        "check the indentation and the quotes around this place".into()
    }
}

enum Open {
    List(Pos, Vec<Node>),
    /// A map being filled; `pending` is a key waiting for its value.
    Map(Pos, Vec<Entry>, Option<(String, Pos)>),
}

struct Builder {
    stack: Vec<Open>,
    root: Option<Node>,
    errors: Vec<YamlError>,
    line_offset: usize,
    /// The end of the text (line, column): where a position past it is moved.
    end: (usize, usize),
}

struct Stop;

impl Builder {
    fn pos(&self, span: &Span) -> Pos {
        let len = if span.end.line() == span.start.line() {
            span.end.col().saturating_sub(span.start.col()).max(1)
        } else {
            1
        };
        // An empty value at the very end (`---` as the last line) is placed past it.
        let (line, column) = if span.start.line() > self.end.0 {
            self.end
        } else {
            (span.start.line(), span.start.col() + 1)
        };
        Pos {
            line: line + self.line_offset,
            column,
            len,
        }
    }

    fn fail(&mut self, pos: Pos, message: &str, hint: &str) -> Result<(), Stop> {
        self.errors.push(YamlError {
            message: message.into(),
            pos,
            hint: Some(hint.into()),
        });
        Err(Stop)
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Stop> {
        let pos = self.pos(&span);
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => Ok(()),
            Event::DocumentStart(_) => {
                if self.root.is_some() {
                    return self.fail(
                        pos,
                        "this file holds more than one YAML document",
                        "a record is one document: remove the second `---`",
                    );
                }
                Ok(())
            }
            Event::Alias(_) => self.fail(
                pos,
                "aliases (`*name`) are not supported",
                "write the value out in full",
            ),
            Event::Scalar(text, style, anchor, _) => {
                if anchor != 0 {
                    return self.fail(
                        pos,
                        "anchors (`&name`) are not supported",
                        "remove the anchor",
                    );
                }
                let quoted = !matches!(style, ScalarStyle::Plain);
                self.value(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        quoted,
                    },
                    pos,
                })
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if anchor != 0 {
                    return self.fail(
                        pos,
                        "anchors (`&name`) are not supported",
                        "remove the anchor",
                    );
                }
                if self.stack.len() >= MAX_DEPTH {
                    return self.fail(
                        pos,
                        "the values here are nested too deeply",
                        "records nest a few levels at most; check the indentation",
                    );
                }
                let open = if matches!(event, Event::SequenceStart(..)) {
                    Open::List(pos, Vec::new())
                } else {
                    Open::Map(pos, Vec::new(), None)
                };
                self.stack.push(open);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::List(pos, items)) => Node {
                        value: Value::List(items),
                        pos,
                    },
                    Some(Open::Map(pos, entries, _)) => Node {
                        value: Value::Map(entries),
                        pos,
                    },
                    None => return Ok(()),
                };
                self.value(node)
            }
        }
    }

    /// Place a finished node in its parent: a list item, a map key or a map value.
    fn value(&mut self, node: Node) -> Result<(), Stop> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Open::List(_, items)) => {
                items.push(node);
                Ok(())
            }
            Some(Open::Map(_, entries, pending)) => match pending.take() {
                Some((key, key_pos)) => {
                    entries.push(Entry {
                        key,
                        key_pos,
                        value: node,
                    });
                    Ok(())
                }
                None => {
                    let Value::Scalar { text, .. } = node.value else {
                        return self.fail(
                            node.pos,
                            "a key must be a plain name",
                            "write `name: value`, with the name on the left",
                        );
                    };
                    if let Some(first) = entries.iter().find(|e| e.key == text) {
                        let first_line = first.key_pos.line;
                        return self.fail(
                            node.pos,
                            &format!("`{text}` is given twice (first on line {first_line})"),
                            "keep one of the two",
                        );
                    }
                    *pending = Some((text, node.pos));
                    Ok(())
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_nested_values() {
        let node = parse("name:\n  ko: 가나\n  en: Gana\nlist:\n  - a\n  - b\n", 2).unwrap();
        let entries = node.as_map().unwrap();
        let name = entries[0].value.as_map().unwrap();
        assert_eq!(name[1].value.pos.line, 4);
        assert_eq!(name[1].value.pos.column, 7);
        let Value::List(items) = &entries[1].value.value else {
            panic!()
        };
        assert_eq!((items[1].pos.line, items[1].pos.column), (7, 5));
    }

    #[test]
    fn refuses_duplicate_keys_and_aliases() {
        let err = parse("a: 1\nb: 2\na: 3\n", 1).unwrap_err();
        assert!(err[0].message.contains("given twice (first on line 1)"));
        assert_eq!(err[0].pos.line, 3);
        let err = parse("a: &x [1]\nb: *x\n", 1).unwrap_err();
        assert!(err[0].message.contains("anchors"));
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let err = parse("a: [1, 2\nb: 3\n", 1).unwrap_err();
        assert!(err[0].message.starts_with("this is not valid YAML"));
        assert!(err[0].pos.line >= 1);
    }

    #[test]
    fn errors_at_the_end_of_the_text_point_into_it() {
        // Found by fuzzing: the parser put this error on line 2 of a one-line text.
        let err = parse("a: {\u{1}", 1).unwrap_err();
        assert_eq!((err[0].pos.line, err[0].pos.column), (1, 6));
        let err = parse("a: {\n", 2).unwrap_err();
        assert_eq!((err[0].pos.line, err[0].pos.column), (3, 1));
        // And an empty document after a last `---` with no line break.
        let node = parse("#a:1\n---", 1).unwrap();
        assert_eq!((node.pos.line, node.pos.column), (2, 4));
    }

    #[test]
    fn refuses_deep_nesting() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let err = parse(&deep, 1).unwrap_err();
        assert!(err[0].message.contains("nested too deeply"));
    }
}
