//! Write: minify the pages and put the whole site in place at once.
//!
//! The site is written to a fresh folder beside the output and then swapped in
//! with one atomic rename (Linux `renameat2(RENAME_EXCHANGE)`), so visitors and
//! later builds never see a half-written site, and a failed or killed build
//! leaves the previous output exactly as it was. A lock file keeps two builds
//! into the same folder from interleaving.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::render::OutputFile;

/// Minify every HTML page (in parallel). Other files are left as they are.
pub fn minify(files: &mut [OutputFile]) {
    let mut cfg = minify_html::Cfg::new();
    // Keep the markup standard-conforming for validators and old browsers.
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    cfg.minify_doctype = false;
    cfg.allow_noncompliant_unquoted_attribute_values = false;
    cfg.allow_removing_spaces_between_attributes = false;
    files
        .par_iter_mut()
        .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
        .for_each(|f| {
            f.bytes = minify_html::minify(&f.bytes, &cfg);
        });
}

/// A new site being written beside the output folder, put in place by
/// [`Staging::finish`]. Files can be added in several parts, so that pages are
/// written (and their memory freed) while the search index is still being
/// built. Dropped without `finish`, it removes what it wrote and leaves the
/// output as it was.
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
    _lock: fs::File,
}

impl Staging {
    /// Lock the output folder against other builds and start a new site beside it.
    pub fn new(out: &Path) -> Result<Staging> {
        let parent = absolute_parent(out)?;
        fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = out
            .file_name()
            .context("the output folder needs a name")?
            .to_string_lossy()
            .to_string();
        let lock = lock(&parent, &name)?;
        remove_leftovers(&parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-"))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            _lock: lock,
        })
    }

    /// Write `files` into the new site (in parallel), freeing each once written.
    pub fn write(&self, files: Vec<OutputFile>) -> Result<()> {
        write_all(self.dir.path(), &self.out, files)
    }

    /// Put the new site in place of the old one, in one step.
    pub fn finish(self) -> Result<()> {
        let staged = self.dir.keep();
        let result = swap_in(&staged, &self.out);
        if result.is_err() {
            let _ = fs::remove_dir_all(&staged);
        }
        result
    }
}

/// Staging folders of builds that were killed before they could clean up. Only
/// the build holding the lock writes, so any staging folder seen now is one.
fn remove_leftovers(parent: &Path, name: &str) {
    // `.public.new-…` while a build writes; `.public.old` during a fallback swap.
    let prefixes = [format!(".{name}.new-"), format!(".{name}.old")];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) && entry.path().is_dir() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn absolute_parent(out: &Path) -> Result<PathBuf> {
    let out = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir()?.join(out)
    };
    Ok(out
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/")))
}

/// An exclusive lock beside the output, held until the swap is done.
fn lock(parent: &Path, name: &str) -> Result<fs::File> {
    let path = parent.join(format!(".{name}.lock"));
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot create the lock file {}", path.display()))?;
    fs4::fs_std::FileExt::lock_exclusive(&file)
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(file)
}

/// Write `files` under `dir`. A file whose bytes are the same as in the
/// `previous` site is linked to that file instead of written again: most of a
/// rebuild is unchanged, and a new inode per file is what a rebuild spends
/// most of its system time on (ext4 skips inodes freed a moment ago, which
/// the previous rebuild just freed by the thousand). The old site is removed
/// after the swap, so a linked file is never shared for long; the new site
/// never writes into a file it did not create.
fn write_all(dir: &Path, previous: &Path, files: Vec<OutputFile>) -> Result<()> {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.path.parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    files.into_par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        if link_unchanged(&previous.join(&f.path), &path, &f.bytes) {
            return Ok(());
        }
        let mut file =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        file.write_all(&f.bytes)
            .with_context(|| format!("cannot write {}", path.display()))
    })
}

/// Link `new` to `old` if `old` is a plain file holding exactly `bytes`.
fn link_unchanged(old: &Path, new: &Path, bytes: &[u8]) -> bool {
    let same_size = fs::symlink_metadata(old)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    same_size && fs::read(old).is_ok_and(|b| b == bytes) && fs::hard_link(old, new).is_ok()
}

/// Put `staged` at `out` atomically; the old output is removed afterwards.
fn swap_in(staged: &Path, out: &Path) -> Result<()> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staged, out)
            .with_context(|| format!("cannot move the new site to {}", out.display()));
    }
    if !out.is_dir() {
        bail!(
            "{} exists and is not a folder; remove it or choose another output folder",
            out.display()
        );
    }
    exchange(staged, out)?;
    // `staged` now holds the previous site.
    fs::remove_dir_all(staged).with_context(|| {
        format!(
            "the new site is in place, but the old one could not be removed from {}",
            staged.display()
        )
    })
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    if err.raw_os_error() == Some(libc::EINVAL) || err.raw_os_error() == Some(libc::ENOSYS) {
        return exchange_by_renames(a, b);
    }
    Err(err).with_context(|| format!("cannot swap the new site into {}", b.display()))
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> Result<()> {
    exchange_by_renames(a, b)
}

/// Where the file system cannot exchange two folders: two renames, with a very
/// short moment in which the output is absent (never half-written).
fn exchange_by_renames(a: &Path, b: &Path) -> Result<()> {
    let old = a.with_extension("old");
    fs::rename(b, &old).with_context(|| format!("cannot move {} aside", b.display()))?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&old, b);
        return Err(e).with_context(|| format!("cannot move the new site to {}", b.display()));
    }
    fs::rename(&old, a).with_context(|| format!("cannot move the old site to {}", a.display()))
}
