//! Content problems: where they are, what is wrong, and what to do about it.
//!
//! Every stage reports problems into a [`Diagnostics`] list instead of stopping at
//! the first, so that `check` and `build` can show a staff member everything at once.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a source file: 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    /// Length of the underlined value in characters (at least 1 when shown).
    pub len: usize,
}

/// Where a value came from: the file and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Path relative to the site root, with `/` separators (what staff see in their editor).
    pub file: PathBuf,
    pub pos: Pos,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, pos: Pos) -> Self {
        Location {
            file: file.into(),
            pos,
        }
    }

    /// The whole file, for problems that have no better place (a missing file, a bad name).
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location::new(
            file,
            Pos {
                line: 1,
                column: 1,
                len: 0,
            },
        )
    }
}

/// A second place in the same file that explains a problem, with what happened
/// there: rustc's secondary label ("an unclosed `[` … parsing stopped here").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Related {
    pub pos: Pos,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short code (`unknown-field`, `unknown-term`, …) for tooling and docs.
    pub code: &'static str,
    pub message: String,
    pub location: Location,
    pub hint: Option<String>,
    /// Other places in the same file that belong to the problem.
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn error(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location,
            hint: None,
            related: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Add a second label: another place in the same file and what happened there.
    pub fn with_related(mut self, pos: Pos, message: impl Into<String>) -> Self {
        self.related.push(Related {
            pos,
            message: message.into(),
        });
        self
    }
}

/// A thread-safe collection of problems, filled by every stage.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&self, d: Diagnostic) {
        self.lock().push(d);
    }

    pub fn extend(&self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.lock().extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.lock().iter().any(|d| d.severity == Severity::Error)
    }

    /// All problems, sorted by file and position so the output is stable.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut items = self.items.into_inner().unwrap_or_else(|e| e.into_inner());
        items.sort_by(|a, b| {
            (
                &a.location.file,
                a.location.pos,
                a.severity,
                a.code,
                &a.message,
            )
                .cmp(&(
                    &b.location.file,
                    b.location.pos,
                    b.severity,
                    b.code,
                    &b.message,
                ))
        });
        items.dedup();
        items
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The closest candidate to `wanted`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `did you mean `x`?` hint text, when a close candidate exists.
pub fn suggestion<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    did_you_mean(wanted, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Turn an absolute path into the relative, `/`-separated form shown to staff.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    let rel = path.strip_prefix(root).unwrap_or(path);
    PathBuf::from(rel.to_string_lossy().replace('\\', "/"))
}
