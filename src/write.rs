//! Write: minify the pages and put the whole site in place at once.
//!
//! The site is written to a fresh folder beside the output and then swapped in
//! with one atomic rename (Linux `renameat2(RENAME_EXCHANGE)`), so visitors and
//! later builds never see a half-written site, and a failed or killed build
//! leaves the previous output exactly as it was. A lock file keeps two builds
//! into the same folder from interleaving.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::progress::Stage;
use crate::site::paths::OutputFile;

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
///
/// The new site is written over the site before last (kept as `.<out>.prev`
/// after each swap): a file whose bytes are already there is left alone, and
/// folders are reused. Most of a rebuild is unchanged, and creating files and
/// folders is most of its system time (ext4 skips inodes freed a moment ago,
/// which a rebuild that starts from nothing has just freed by the thousand).
/// Whatever the kept site holds, the result is exactly the new site: every
/// file is compared, everything else is removed, and a kept site holding
/// anything but plain files and folders is not reused at all.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    prev: PathBuf,
    written: HashSet<PathBuf>,
    finished: bool,
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
        let dir = parent.join(format!(".{name}.new"));
        let prev = parent.join(format!(".{name}.prev"));
        if fs::rename(&prev, &dir).is_err() || !plain_tree(&dir) {
            let _ = fs::remove_dir_all(&dir);
            let _ = fs::remove_file(&dir);
        }
        fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            prev,
            written: HashSet::new(),
            finished: false,
            _lock: lock,
        })
    }

    /// Write `files` into the new site (in parallel), freeing each once written.
    pub fn write(&mut self, files: Vec<OutputFile>, writing: &Stage) -> Result<()> {
        self.written.extend(files.iter().map(|f| f.path.clone()));
        write_all(&self.dir, files, writing)
    }

    /// Put the new site in place of the old one, in one step.
    pub fn finish(mut self) -> Result<()> {
        remove_unwritten(&self.dir, &self.written)?;
        self.finished = true;
        let result = swap_in(&self.dir, &self.out, &self.prev);
        if result.is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Staging folders of builds that were killed before they could clean up. Only
/// the build holding the lock writes, so any staging folder seen now is one.
fn remove_leftovers(parent: &Path, name: &str) {
    // `.public.new` (and `.public.new-…`, from earlier versions) while a build
    // writes; `.public.old` during a fallback swap.
    let prefixes = [format!(".{name}.new"), format!(".{name}.old")];
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

/// Whether `dir` holds only folders and plain files: no link that could lead
/// a write outside it.
fn plain_tree(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && walkdir::WalkDir::new(dir)
            .into_iter()
            .all(|e| e.is_ok_and(|e| e.file_type().is_dir() || e.file_type().is_file()))
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

/// Write `files` under `dir`, leaving alone those already there with the same bytes.
fn write_all(dir: &Path, files: Vec<OutputFile>, writing: &Stage) -> Result<()> {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.path.parent().map(|p| dir.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        make_dir(dir, d)?;
    }
    files.into_par_iter().try_for_each(|f| {
        writing.add(1);
        let path = dir.join(&f.path);
        match fs::symlink_metadata(&path) {
            Ok(m)
                if m.is_file()
                    && m.len() == f.bytes.len() as u64
                    && fs::read(&path).is_ok_and(|b| b == f.bytes) =>
            {
                return Ok(());
            }
            Ok(m) if m.is_dir() => fs::remove_dir_all(&path)
                .with_context(|| format!("cannot write {}", path.display()))?,
            // Written in place otherwise: not through another name (a copy made with hard links).
            Ok(m) if shared(&m) => fs::remove_file(&path)
                .with_context(|| format!("cannot write {}", path.display()))?,
            _ => {}
        }
        let mut file =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        file.write_all(&f.bytes)
            .with_context(|| format!("cannot write {}", path.display()))
    })
}

/// Create `d` under `dir`, removing a file of the kept site where a folder is wanted.
fn make_dir(dir: &Path, d: &Path) -> Result<()> {
    if fs::create_dir_all(d).is_ok() {
        return Ok(());
    }
    for ancestor in d
        .ancestors()
        .take_while(|a| a.starts_with(dir) && *a != dir)
    {
        if fs::symlink_metadata(ancestor).is_ok_and(|m| !m.is_dir()) {
            let _ = fs::remove_file(ancestor);
        }
    }
    fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))
}

/// Whether another name shares this file.
fn shared(m: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        m.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        false
    }
}

/// Remove from `dir` what the kept site had and the new one does not.
fn remove_unwritten(dir: &Path, written: &HashSet<PathBuf>) -> Result<()> {
    let folders: HashSet<&Path> = written.iter().flat_map(|p| p.ancestors().skip(1)).collect();
    let mut walk = walkdir::WalkDir::new(dir).min_depth(1).into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry?;
        let rel = entry.path().strip_prefix(dir)?;
        if entry.file_type().is_dir() {
            if !folders.contains(rel) {
                fs::remove_dir_all(entry.path())?;
                walk.skip_current_dir();
            }
        } else if !written.contains(rel) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Put `staged` at `out` atomically; the old output is kept as `prev`, the
/// starting point of the next build.
fn swap_in(staged: &Path, out: &Path, prev: &Path) -> Result<()> {
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
    if fs::rename(staged, prev).is_ok() {
        return Ok(());
    }
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
