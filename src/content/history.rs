//! Dates: "today" for the build, and when each record last changed.
//!
//! Today is `--date`, else SOURCE_DATE_EPOCH, else the clock, so that a build
//! can be repeated byte for byte. A record's last change is its `updated`
//! field, else the newest git commit that touched one of its files.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};
use jiff::civil::Date;

use crate::content::model::{Record, RecordId};

pub fn today(date: Option<&str>) -> Result<Date> {
    if let Some(d) = date {
        return d
            .parse::<Date>()
            .with_context(|| format!("`{d}` is not a date; write it as 2026-03-14"));
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .with_context(|| format!("SOURCE_DATE_EPOCH=`{epoch}` is not a number of seconds"))?;
        let ts = jiff::Timestamp::from_second(secs).context("SOURCE_DATE_EPOCH is out of range")?;
        return Ok(ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    }
    Ok(jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date())
}

/// Whole days from `from` to `to`.
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_secs() / 86_400
}

/// Fill in `updated` from git where a record has none. Without git (or outside
/// a repository) records simply keep no date.
pub fn fill_from_git(root: &Path, records: &mut [Record]) {
    if records.iter().all(|r| r.updated.is_some()) {
        return;
    }
    let Ok(dates) = git_dates(root) else { return };
    for record in records.iter_mut().filter(|r| r.updated.is_none()) {
        record.updated = dates.get(&record.id).cloned();
    }
}

/// The newest commit date of each record (over its main file and translations).
fn git_dates(root: &Path) -> Result<HashMap<RecordId, String>> {
    let out = Command::new("git")
        .args([
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--relative",
            "--no-renames",
            "--",
            "content",
        ])
        .current_dir(root)
        .output()
        .context("git is not available")?;
    if !out.status.success() {
        bail!("not a git repository");
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut dates: HashMap<RecordId, String> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = date;
        } else if let Some(id) =
            crate::content::load::record_of_path(Path::new(""), Path::new(line))
        {
            // `git log` lists the newest commit first: keep the first date seen.
            dates.entry(id).or_insert_with(|| current.to_string());
        }
    }
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_comes_from_the_argument_then_source_date_epoch() {
        assert_eq!(today(Some("2026-03-14")).unwrap().to_string(), "2026-03-14");
        assert!(today(Some("14/03/2026")).is_err());
    }

    #[test]
    fn paths_map_to_records() {
        let of = |p: &str| crate::content::load::record_of_path(Path::new(""), Path::new(p));
        assert_eq!(
            of("content/companies/alpha.en.md").unwrap().to_string(),
            "companies/alpha"
        );
        assert!(of("content/media/logo.png").is_none());
        assert!(of("site.yaml").is_none());
    }

    #[test]
    fn days() {
        let a: Date = "2026-01-01".parse().unwrap();
        let b: Date = "2026-03-01".parse().unwrap();
        assert_eq!(days_between(a, b), 59);
    }
}
