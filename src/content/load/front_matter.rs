//! The YAML of a record file: a `.yaml` file whole, or a `.md` file's front
//! matter between `---` lines, with its position in the file kept.

use crate::content::read::Reader;
use crate::content::yaml::{self, Node};
use crate::diagnostic::Pos;

pub(super) fn parse_yaml(text: &str, first_line: usize, r: &mut Reader) -> Option<Node> {
    match yaml::parse(text, first_line) {
        Ok(node) => Some(node),
        Err(errors) => {
            for e in errors {
                let d = e.diagnostic(r.at(Pos::default()).file);
                r.problems.push(d);
            }
            None
        }
    }
}

/// Front matter and body of a `.md` file. `None` front matter when there is none.
pub(super) fn split_front_matter(text: &str) -> Result<(Option<&str>, &str, usize), &'static str> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text == "---").then_some(""))
    else {
        return Ok((None, text, 1));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n').trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + yaml.lines().count() + 1;
            return Ok((Some(yaml), body, body_line));
        }
        offset += line.len();
    }
    Err("the front matter is not closed")
}

/// Parse a `.md` file's front matter; report problems. `required` when a record must have one.
pub(super) fn front_matter_or_report(
    text: &str,
    r: &mut Reader,
    required: bool,
) -> Option<(Option<Node>, String)> {
    match split_front_matter(text) {
        Ok((Some(yaml), body, _)) => Some((Some(parse_yaml(yaml, 2, r)?), body.to_string())),
        Ok((None, body, _)) if !required => Some((None, body.to_string())),
        Ok((None, _, _)) => {
            let hint = "start the file with a line `---`, the fields, then another `---` line before the text".to_string();
            r.error(
                "missing-front-matter",
                Pos {
                    line: 1,
                    column: 1,
                    len: 1,
                },
                "this record has no front matter",
                Some(hint),
            );
            None
        }
        Err(msg) => {
            let hint = Some("add a line with only `---` after the last field".into());
            r.error(
                "bad-front-matter",
                Pos {
                    line: 1,
                    column: 1,
                    len: 3,
                },
                msg,
                hint,
            );
            None
        }
    }
}
