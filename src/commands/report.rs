//! Showing problems to people and to tools: rustc-style text with the line and a
//! caret under the value, JSON (one object per problem) and GitHub annotations.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

use crate::diagnostic::{Diagnostic, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Write `problems` to stderr (human) or stdout (machine formats), plus a summary line.
pub fn print(root: &Path, problems: &[Diagnostic], format: Format) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = human(root, problems, color);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        Format::Json => println!("{}", json(problems)),
        Format::Github => print!("{}", github(problems)),
    }
}

/// The problems as text, each with its source line when the file can be read.
pub fn human(root: &Path, problems: &[Diagnostic], color: bool) -> String {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&Path, usize> = HashMap::new();
    let config = term::Config::default();
    let mut out = String::new();
    for d in problems {
        let file = d.location.file.as_path();
        let id = *ids.entry(file).or_insert_with(|| {
            let source = std::fs::read(root.join(file))
                .map(|b| crate::content::load::normalize_text(&String::from_utf8_lossy(&b)))
                .unwrap_or_default();
            files.add(file.display().to_string(), source)
        });
        let source = files
            .get(id)
            .map(|f| f.source().clone())
            .unwrap_or_default();
        let mut report = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&d.message)
        .with_code(d.code);
        let pos = d.location.pos;
        // A problem with the whole file (len 0) gets no caret, only the file name.
        let range = (pos.len > 0)
            .then(|| byte_range(&source, pos.line, pos.column, pos.len))
            .flatten();
        if let Some(range) = range {
            report = report.with_labels(vec![Label::primary(id, range)]);
        } else {
            report = report.with_notes(vec![format!("in {}", file.display())]);
        }
        for r in &d.related {
            match byte_range(&source, r.pos.line, r.pos.column, r.pos.len) {
                Some(range) => report
                    .labels
                    .push(Label::secondary(id, range).with_message(&r.message)),
                None => report.notes.push(format!(
                    "{} (line {}, column {})",
                    r.message, r.pos.line, r.pos.column
                )),
            }
        }
        if let Some(hint) = &d.hint {
            report.notes.push(format!("hint: {hint}"));
        }
        let rendered = if color {
            let mut buffer = termcolor::Buffer::ansi();
            let _ = term::emit_to_write_style(&mut buffer, &config, &files, &report);
            String::from_utf8_lossy(buffer.as_slice()).to_string()
        } else {
            term::emit_into_string(&config, &files, &report)
                .unwrap_or_else(|_| format!("{}: {}\n", d.code, d.message))
        };
        out.push_str(&rendered);
    }
    out.push_str(&summary(problems));
    out
}

/// Byte range of (1-based line, 1-based column in characters, length in characters).
pub fn byte_range(
    source: &str,
    line: usize,
    column: usize,
    len: usize,
) -> Option<std::ops::Range<usize>> {
    if line == 0 {
        return None;
    }
    let start_of_line: usize = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let text = source.get(start_of_line..)?.split('\n').next()?;
    let mut chars = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let start = chars.nth(column.saturating_sub(1))?;
    let end = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(column.saturating_sub(1) + len.max(1))
        .unwrap_or(text.len());
    Some(start_of_line + start..start_of_line + end.max(start))
}

pub fn summary(problems: &[Diagnostic]) -> String {
    let errors = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    match (errors, warnings) {
        (0, 0) => String::new(),
        _ => format!(
            "{} error{}, {} warning{}\n",
            errors,
            plural(errors),
            warnings,
            plural(warnings)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub fn json(problems: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = problems
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": d.location.file.to_string_lossy(),
                "line": d.location.pos.line,
                "column": d.location.pos.column,
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
                "related": d.related.iter().map(|r| serde_json::json!({
                    "line": r.pos.line,
                    "column": r.pos.column,
                    "message": r.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in problems {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        for r in &d.related {
            message.push_str(&format!(
                "; {} at line {}, column {}",
                r.message, r.pos.line, r.pos.column
            ));
        }
        if let Some(h) = &d.hint {
            message.push_str(&format!(" (hint: {h})"));
        }
        let pos = &d.location.pos;
        let mut props = format!(
            "file={}",
            escape_property(&d.location.file.to_string_lossy())
        );
        if pos.line > 0 {
            props.push_str(&format!(",line={},col={}", pos.line, pos.column));
        }
        props.push_str(&format!(",title={}", escape_property(d.code)));
        out.push_str(&format!("::{level} {props}::{}\n", escape_data(&message)));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_range_counts_characters() {
        let src = "a: 1\nname: 한빛 정밀\n";
        let r = byte_range(src, 2, 7, 2).unwrap();
        assert_eq!(&src[r], "한빛");
    }
}
