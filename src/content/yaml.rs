//! A YAML document as a tree that keeps the position of every key and value.
//!
//! saphyr-parser does the parsing; this module only assembles its events into
//! nodes, so that later stages can point at the exact value that is wrong, deep
//! inside a list or a localized map. Anchors and aliases are refused: content
//! does not need them, and refusing them rules out alias bombs.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::diagnostic::{Diagnostic, Location, Pos};

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
    /// A second place and what happened there: for an unclosed `[`, `{` or quote
    /// (reported where it was opened), the place where parsing stopped.
    pub related: Option<(Pos, String)>,
}

impl YamlError {
    /// The problem as a `bad-yaml` diagnostic in `file`.
    pub fn diagnostic(self, file: impl Into<std::path::PathBuf>) -> Diagnostic {
        let d = Diagnostic::error("bad-yaml", Location::new(file, self.pos), self.message)
            .with_hint_opt(self.hint);
        match self.related {
            Some((pos, message)) => d.with_related(pos, message),
            None => d,
        }
    }
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
                let at = within(text, m.line(), m.col() + 1);
                let error = unclosed(text, e.info(), at).unwrap_or_else(|| YamlError {
                    message: format!("this is not valid YAML: {}", e.info()),
                    pos: Pos {
                        line: at.0,
                        column: at.1,
                        len: 1,
                    },
                    hint: Some(yaml_hint(e.info())),
                    related: None,
                });
                builder.errors.push(builder.offset(error));
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

/// A `[`, `{` or quote that is never closed, reported where it was opened, with
/// the place where the parser gave up (`stop`) as the second label. The parser
/// notices an unclosed `[` only where the text stops making sense, often many
/// lines below; that place is of little help on its own. Positions are in
/// `text` (1-based); `None` when the error has another cause.
fn unclosed(text: &str, info: &str, stop: (usize, usize)) -> Option<YamlError> {
    let (open, (line, column), stop) = if info.contains("quoted scalar")
        && (info.contains("end of stream")
            || info.contains("invalid indentation")
            || info.contains("document indicator"))
    {
        // The scanner marks these at the opening quote itself.
        let quote = text
            .split('\n')
            .nth(stop.0 - 1)?
            .chars()
            .nth(stop.1 - 1)
            .filter(|c| matches!(c, '"' | '\''))?;
        let end = if info.contains("end of stream") {
            None
        } else {
            quote_stop(text, stop.0)
        };
        let end = end.unwrap_or_else(|| within(text, usize::MAX, usize::MAX));
        (quote, stop, end)
    } else {
        let o = unclosed_flow(text)?;
        if (o.line, o.column) > stop {
            return None;
        }
        (o.ch, (o.line, o.column), stop)
    };
    let (what, hint) = match open {
        '[' => (
            "this `[` is never closed",
            "close the list with `]`: `technologies: [cutting, grinding]`",
        ),
        '{' => (
            "this `{` is never closed",
            "close the map with `}`: `name: { ko: …, en: … }`",
        ),
        '"' => (
            "this `\"` is never closed",
            "end the text with a `\"` on the same line, or remove the opening one",
        ),
        _ => (
            "this `'` is never closed",
            "end the text with a `'` on the same line, or remove the opening one (write `''` for an apostrophe inside quotes)",
        ),
    };
    Some(YamlError {
        message: what.into(),
        pos: Pos {
            line,
            column,
            len: 1,
        },
        hint: Some(hint.into()),
        related: Some((
            Pos {
                line: stop.0,
                column: stop.1,
                len: 1,
            },
            "the YAML parser stopped here".into(),
        )),
    })
}

/// Where the scanner gives up on a quoted text opened on line `open_line`: the
/// first later line that is not indented more than that one, or a `---` / `...`.
fn quote_stop(text: &str, open_line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let indent = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let base = indent(lines.get(open_line - 1)?);
    lines
        .iter()
        .enumerate()
        .skip(open_line)
        .find(|(_, l)| {
            !l.trim().is_empty()
                && (indent(l) <= base || l.starts_with("---") || l.starts_with("..."))
        })
        .map(|(n, l)| (n + 1, indent(l) + 1))
}

/// An opening `[` or `{`, 1-based line and column (in characters).
#[derive(Debug, PartialEq)]
struct Opening {
    ch: char,
    line: usize,
    column: usize,
}

/// The innermost `[` or `{` that is never closed. A light scan that knows just
/// enough YAML to skip comments, quoted texts and block texts (`|`, `>`), and to
/// tell a `[` or a quote that opens a value from one inside a plain text.
fn unclosed_flow(text: &str) -> Option<Opening> {
    let mut stack: Vec<Opening> = Vec::new();
    let mut quote: Option<char> = None;
    // Inside a block text: lines indented more than this belong to it.
    let mut block: Option<usize> = None;
    for (n, line) in text.split('\n').enumerate() {
        let indent = line.chars().take_while(|c| *c == ' ').count();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let chars: Vec<char> = line.chars().collect();
        // The last character before this one on the line that is not a space.
        let mut prev: Option<char> = None;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                if q == '"' && c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    if q == '\'' && chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                    prev = Some(c);
                }
                i += 1;
                continue;
            }
            let after_space = i == 0 || matches!(chars[i - 1], ' ' | '\t');
            let in_flow = !stack.is_empty();
            let starts_value = match prev {
                None => true,
                Some('[' | '{' | ',') => true,
                Some(':') => after_space || in_flow,
                Some('-' | '?') => after_space,
                Some(_) => false,
            };
            match c {
                '#' if after_space => break,
                '"' | '\'' if starts_value => quote = Some(c),
                '[' | '{' if starts_value || in_flow => stack.push(Opening {
                    ch: c,
                    line: n + 1,
                    column: i + 1,
                }),
                ']' | '}' if in_flow => {
                    let open = if c == ']' { '[' } else { '{' };
                    if stack.last().is_some_and(|o| o.ch == open) {
                        stack.pop();
                    }
                }
                '|' | '>' if starts_value && !in_flow => {
                    let rest: String = chars[i + 1..].iter().collect();
                    let rest = rest
                        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
                    if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
                        block = Some(indent);
                        break;
                    }
                }
                _ => {}
            }
            if !matches!(c, ' ' | '\t') {
                prev = Some(c);
            }
            i += 1;
        }
    }
    stack.pop()
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

    /// A position in the text moved to the file's lines.
    fn offset(&self, mut error: YamlError) -> YamlError {
        error.pos.line += self.line_offset;
        if let Some((pos, _)) = &mut error.related {
            pos.line += self.line_offset;
        }
        error
    }

    fn fail(&mut self, pos: Pos, message: &str, hint: &str) -> Result<(), Stop> {
        self.errors.push(YamlError {
            message: message.into(),
            pos,
            hint: Some(hint.into()),
            related: None,
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
        let err = parse("a: 1\nb: c: d\n", 1).unwrap_err();
        assert!(err[0].message.starts_with("this is not valid YAML"));
        assert_eq!(err[0].pos.line, 2);
    }

    #[test]
    fn errors_at_the_end_of_the_text_point_into_it() {
        // Found by fuzzing: the parser put this error on line 2 of a one-line text.
        // (It is an unclosed `{`, reported at the `{`; the end is the second label.)
        let err = parse("a: {\u{1}", 1).unwrap_err();
        assert_eq!((err[0].pos.line, err[0].pos.column), (1, 4));
        let stop = err[0].related.as_ref().unwrap().0;
        assert_eq!((stop.line, stop.column), (1, 6));
        let err = parse("a: {\n", 2).unwrap_err();
        assert_eq!((err[0].pos.line, err[0].pos.column), (2, 4));
        let stop = err[0].related.as_ref().unwrap().0;
        assert_eq!((stop.line, stop.column), (3, 1));
        // And an empty document after a last `---` with no line break.
        let node = parse("#a:1\n---", 1).unwrap();
        assert_eq!((node.pos.line, node.pos.column), (2, 4));
    }

    /// (line, column) of the first error and of its second label.
    fn unclosed_at(text: &str, first_line: usize) -> ((usize, usize), Option<(usize, usize)>) {
        let err = parse(text, first_line).unwrap_err();
        let e = &err[0];
        assert!(e.message.contains("never closed"), "{e:?}");
        (
            (e.pos.line, e.pos.column),
            e.related.as_ref().map(|(p, _)| (p.line, p.column)),
        )
    }

    #[test]
    fn unclosed_brackets_and_quotes_are_reported_where_they_open() {
        // The case: the parser notices on line 2, the `[` is on line 1.
        let text = "name: [unclosed\ntechnologies: [cutting]\n";
        assert_eq!(unclosed_at(text, 1), ((1, 7), Some((2, 13))));
        assert_eq!(unclosed_at(text, 2), ((2, 7), Some((3, 13))));
        let text = "a: 1\nname: { ko: 가, en: 나\nb: 2\n";
        assert_eq!(unclosed_at(text, 1).0, (2, 7));
        let text = "a: 1\nname: \"unclosed\nb: 2\n";
        assert_eq!(unclosed_at(text, 1), ((2, 7), Some((3, 1))));
        let text = "a: 1\nb: 2\nname: 'it''s\n";
        assert_eq!(unclosed_at(text, 1), ((3, 7), Some((4, 1))));
        // Nested: the innermost one that is left open.
        let text = "name: { ko: [a, b, en: c }\nx: 1\n";
        assert_eq!(unclosed_at(text, 1).0, (1, 13));
        // Far above: an inner list that is open inside a block list.
        let text = "a:\n  - [x\n  - y\nc: 3\n";
        assert_eq!(unclosed_at(text, 1).0, (2, 5));
    }

    #[test]
    fn the_scan_for_an_unclosed_bracket_skips_what_is_not_one() {
        // Brackets in quotes, comments, block texts and plain texts, and
        // apostrophes in plain texts, open nothing.
        let text = "a: \"[x\"\nb: 'it''s {'\n# [ note\nc: |\n  [ text\n  { more\nd: don't [stop]\ne: a[1\nf: [1, 2\n";
        assert_eq!(
            unclosed_flow(text),
            Some(Opening {
                ch: '[',
                line: 9,
                column: 4
            })
        );
        let text = "a: \"[x\"\nb: [1, {c: '}'}]\nd: |\n  [\ne: x # [\n";
        assert_eq!(unclosed_flow(text), None);
        // A closed list with another mistake in it keeps the parser's message.
        let err = parse("a: [1, b: c: d]\n", 1).unwrap_err();
        assert!(
            err[0].message.starts_with("this is not valid YAML"),
            "{err:?}"
        );
        assert!(err[0].related.is_none());
    }

    #[test]
    fn every_error_and_second_label_lies_inside_the_text() {
        // The fuzz targets' position check, over every place an opening could be
        // left: each of `[ { " '` inserted at every character of a few records,
        // and every prefix of them.
        let bases = [
            "name: { ko: 가나, en: \"A, B\" }\ntechnologies: [cutting, grinding]\nbody: |\n  [text\nnote: it's # [x\n",
            "a:\n  - 'x'\n  - [y, {z: 1}]\nb: \"c\"",
        ];
        let check = |text: &str| {
            let lines: Vec<&str> = text.split('\n').collect();
            let inside = |pos: Pos| {
                let line = pos.line.checked_sub(1).and_then(|l| lines.get(l));
                assert!(
                    line.is_some_and(|l| pos.column >= 1 && pos.column <= l.chars().count() + 1),
                    "{pos:?} outside {text:?}"
                );
            };
            if let Err(errors) = parse(text, 1) {
                for e in errors {
                    inside(e.pos);
                    if let Some((stop, _)) = e.related {
                        inside(stop);
                    }
                }
            }
        };
        for base in bases {
            let cuts: Vec<usize> = base.char_indices().map(|(i, _)| i).collect();
            for &i in &cuts {
                check(&base[..i]);
                for c in ['[', '{', '"', '\''] {
                    check(&format!("{}{c}{}", &base[..i], &base[i..]));
                }
            }
        }
    }

    #[test]
    fn refuses_deep_nesting() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let err = parse(&deep, 1).unwrap_err();
        assert!(err[0].message.contains("nested too deeply"));
    }
}
