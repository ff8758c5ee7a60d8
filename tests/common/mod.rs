//! Test harness: copy a fixture site into a temporary folder, run the real
//! `clusterpress` binary on it, and read what it wrote.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let target = dst.join(entry.path().strip_prefix(src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A site in a temporary folder: the fixture `valid/<base>` with `overlays` copied over it.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new(base: &str, overlays: &[&Path]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join("valid").join(base), dir.path());
        for overlay in overlays {
            copy_dir(overlay, dir.path());
        }
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    /// `build`, asserting success.
    pub fn build(&self, extra: &[&str]) -> Output {
        let out = self.run(&[&["build", "--root", "."], extra].concat());
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn page(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// `check --format json`, parsed.
    pub fn check_json(&self) -> (bool, Vec<serde_json::Value>) {
        let out = self.run(&["check", "--root", ".", "--format", "json"]);
        let problems: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
        (out.status.success(), problems)
    }
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clusterpress"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A file's bytes as a reader of the site would get them: Pagefind's files
/// and other gzipped files unpacked, so that their text can be searched.
pub fn readable(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return out;
    }
    bytes
}

/// A Pagefind file: gzipped, with a signature in front of the content.
pub fn pagefind_file(path: &Path) -> Vec<u8> {
    readable(path)
        .strip_prefix(b"pagefind_dcd")
        .unwrap_or_else(|| panic!("{}: no Pagefind signature", path.display()))
        .to_vec()
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Check every internal link, asset and fragment of every HTML page under `out`.
/// `base` is the URL path the site is served under ("/" or "/cluster/").
/// Returns the broken ones as "page -> target".
pub fn broken_links(out: &Path, base: &str) -> Vec<String> {
    let pages = snapshot(out);
    let selector = scraper::Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    let mut broken = Vec::new();
    let mut ids_cache: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for (path, bytes) in &pages {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for el in html.select(&selector) {
            let url = el
                .value()
                .attr("href")
                .or_else(|| el.value().attr("src"))
                .unwrap();
            if url.starts_with("http") || url.starts_with("mailto:") || url.starts_with("tel:") {
                continue;
            }
            let (target, fragment) = url.split_once('#').unwrap_or((url, ""));
            let file = if target.is_empty() {
                path.clone()
            } else {
                let Some(rel) = target.strip_prefix(base) else {
                    broken.push(format!("{} -> {url} (outside {base})", path.display()));
                    continue;
                };
                let rel = percent_decode(rel);
                if rel.is_empty() || rel.ends_with('/') {
                    PathBuf::from(format!("{rel}index.html"))
                } else {
                    PathBuf::from(rel)
                }
            };
            if !pages.contains_key(&file) {
                broken.push(format!("{} -> {url}", path.display()));
                continue;
            }
            if !fragment.is_empty() {
                let ids = ids_cache
                    .entry(file.clone())
                    .or_insert_with(|| ids_of(&pages[&file]));
                let fragment = percent_decode(fragment);
                if !ids.contains(&fragment) {
                    broken.push(format!("{} -> {url} (no id `{fragment}`)", path.display()));
                }
            }
        }
    }
    broken
}

fn ids_of(bytes: &[u8]) -> Vec<String> {
    let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
    let sel = scraper::Selector::parse("[id]").unwrap();
    html.select(&sel)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

fn percent_decode(s: &str) -> String {
    clusterpress::commands::serve::percent_decode(s)
}

/// The text of the elements matching `css` on a page.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

pub fn attrs(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}
