//! What a long build tells the person waiting for it. On a terminal, each
//! running stage has a live line with its count and an estimate of the time
//! left (indicatif); in a log (CI), each finished stage prints one line with
//! its count and time; with `--quiet`, or for the preview and the library,
//! nothing.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug, Clone, Default)]
pub enum Progress {
    /// Say nothing (`--quiet`, tests, the preview).
    #[default]
    Quiet,
    /// One line per finished stage, for logs.
    Lines,
    /// A live line per running stage, for a person at a terminal.
    Live(MultiProgress),
}

impl Progress {
    /// Lines or live lines on standard error, by whether it is a terminal.
    pub fn on_stderr(quiet: bool) -> Progress {
        if quiet {
            Progress::Quiet
        } else if std::io::stderr().is_terminal() {
            Progress::Live(MultiProgress::with_draw_target(ProgressDrawTarget::stderr()))
        } else {
            Progress::Lines
        }
    }

    /// A stage that counts `unit`s (`pages`, `records`, `files`); `total` when known ahead.
    pub fn stage(&self, name: &'static str, unit: &'static str, total: Option<usize>) -> Stage {
        let bar = match self {
            Progress::Live(bars) => {
                let bar = bars.add(ProgressBar::new(0));
                if let Ok(style) = ProgressStyle::with_template("{prefix:>9} {spinner} {pos} {msg}")
                {
                    bar.set_style(style);
                }
                bar.set_prefix(name);
                bar.set_message(unit);
                bar.enable_steady_tick(Duration::from_millis(120));
                Some(bar)
            }
            _ => None,
        };
        let stage = Stage {
            name,
            unit,
            lines: matches!(self, Progress::Lines),
            started: OnceLock::new(),
            count: AtomicU64::new(0),
            bar,
        };
        if let Some(total) = total {
            stage.set_total(total);
        }
        stage
    }
}

/// One running stage; shared by the threads that do its work.
#[derive(Debug)]
pub struct Stage {
    name: &'static str,
    unit: &'static str,
    lines: bool,
    /// When its work began: its total was set or its first unit counted. A
    /// stage is made before it runs (the index of a large site waits for the
    /// pages), and its time is its own work's, not the wait's.
    started: OnceLock<Instant>,
    count: AtomicU64,
    bar: Option<ProgressBar>,
}

impl Stage {
    /// A stage nobody watches.
    pub fn none() -> Stage {
        Progress::Quiet.stage("", "", None)
    }

    /// How many there will be, once known: the live line then shows a bar and the time left.
    pub fn set_total(&self, total: usize) {
        self.started.get_or_init(Instant::now);
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            let template = "{prefix:>9} [{bar:30}] {pos}/{len} {msg} ({eta} left)";
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
        }
    }

    pub fn add(&self, n: usize) {
        self.started.get_or_init(Instant::now);
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    /// How many have been counted so far.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::Relaxed) as usize
    }

    pub fn finish(&self) {
        let secs = self
            .started
            .get_or_init(Instant::now)
            .elapsed()
            .as_secs_f64();
        if self.lines {
            eprintln!(
                "{:<9} {:>8} {:<8} {secs:>6.1} s",
                self.name,
                self.count(),
                self.unit
            );
        }
        if let Some(bar) = &self.bar {
            if let Ok(style) = ProgressStyle::with_template("{prefix:>9} {pos} {msg}") {
                bar.set_style(style);
            }
            // Abandoned, not finished: finishing would show the bar's length, not the count.
            bar.abandon_with_message(format!("{} in {secs:.1} s", self.unit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_is_timed_from_its_first_work_not_from_when_it_was_made() {
        let waiting = Progress::Lines.stage("index", "records", None);
        let made = Instant::now();
        assert!(waiting.started.get().is_none());
        waiting.add(1);
        assert!(*waiting.started.get().unwrap() >= made);
        let counted = Progress::Lines.stage("render", "pages", None);
        let made = Instant::now();
        counted.set_total(10);
        assert!(*counted.started.get().unwrap() >= made);
    }
}
