//! `clusterpress serve`: a preview for staff. Builds the site into memory,
//! serves it on 127.0.0.1, watches content/, themes/ and site.yaml, rebuilds
//! what a change touches and reloads the open browser tab through server-sent
//! events. When the content becomes invalid the last good build stays up and
//! the problems are shown over the page; the next good save clears them.
//! Drafts are shown, marked as drafts. The search index follows in the
//! background after each rebuild.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;

use crate::build::{self, Options, Timings};
use crate::content::model::{Record, RecordId};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::progress::Stage;
use crate::render::Affected;
use crate::site::paths::OutputFile;
use crate::site::Site;
use crate::theme::Theme;

const LIVE_JS: &str = include_str!("serve/live.js");

/// What the browser is told.
#[derive(Clone, Debug)]
enum Notice {
    Reload,
    Problems(String),
    /// The search index, feeds and open data caught up with the last edit.
    Indexed,
}

/// The site as served: files by path, and the problems of the last build if it failed.
struct Served {
    files: RwLock<HashMap<String, Arc<Vec<u8>>>>,
    problems: RwLock<Option<String>>,
    notices: broadcast::Sender<Notice>,
    /// An index build is running; `index_again` asks it to run once more when done.
    indexing: std::sync::atomic::AtomicBool,
    index_again: std::sync::atomic::AtomicBool,
    /// YYYY-MM-DD, fixed for the session: which notices are upcoming.
    today: String,
    /// The internal root, absolute, when the staff edition is previewed.
    internal: Option<PathBuf>,
}

/// The last good build, kept so that an edit can be applied to it. Shared with
/// the thread that builds its search index.
struct Built {
    site: Arc<Site>,
    theme: Arc<Theme>,
    generation: u64,
}

/// What to preview, and where.
pub struct Preview {
    pub root: PathBuf,
    /// The internal root: preview the staff edition.
    pub internal: Option<PathBuf>,
    pub host: String,
    pub port: u16,
    /// YYYY-MM-DD, fixed for the session.
    pub today: String,
}

pub fn run(preview: Preview) -> Result<()> {
    // The search index is rebuilt in the background after every edit and uses
    // the global rayon pool (from inside Pagefind): that pool runs at a lower
    // priority, and the pages of an edit are rendered on a pool of their own,
    // so that an edit is shown without waiting for the index of the last one.
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| lower_priority())
        .build_global();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(preview))
}

async fn serve(preview: Preview) -> Result<()> {
    let Preview {
        root,
        internal,
        host,
        port,
        today,
    } = preview;
    // The watcher reports absolute paths: compare them with an absolute root.
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot find the site folder {}", root.display()))?;
    let internal = match internal {
        Some(dir) => Some(
            dir.canonicalize()
                .with_context(|| format!("cannot find the internal root {}", dir.display()))?,
        ),
        None => None,
    };
    let listener = match tokio::net::TcpListener::bind((host.as_str(), port)).await {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            anyhow::bail!("port {port} is in use (another `clusterpress serve`?); choose another one with --port");
        }
        Err(e) => return Err(e).with_context(|| format!("cannot listen on {host}:{port}")),
    };
    let address = listener.local_addr()?;
    let base_url = format!("http://{address}/");
    let (notices, _) = broadcast::channel(16);
    let served = Arc::new(Served {
        files: RwLock::new(HashMap::new()),
        problems: RwLock::new(None),
        notices,
        indexing: Default::default(),
        index_again: Default::default(),
        today,
        internal,
    });
    let built: Arc<Mutex<Option<Built>>> = Arc::new(Mutex::new(None));
    let started = Instant::now();
    rebuild_all(&root, &base_url, &served, &built);
    eprintln!("built in {:.2} s", started.elapsed().as_secs_f64());
    // Tests and scripts read this line to find the port.
    println!("serving {root} at {base_url}", root = root.display());
    let watcher = watch(
        root.clone(),
        base_url.clone(),
        served.clone(),
        built.clone(),
    )?;
    let app = Router::new()
        .route(
            "/__clusterpress/live.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript")], LIVE_JS) }),
        )
        .route("/__clusterpress/events", get(events))
        .fallback(get(file))
        .with_state(served);
    axum::serve(listener, app).await?;
    drop(watcher);
    Ok(())
}

/// Build everything again, keeping the last good site when this one fails.
fn rebuild_all(
    root: &Path,
    base_url: &str,
    served: &Arc<Served>,
    built: &Arc<Mutex<Option<Built>>>,
) {
    let options = Options {
        root: root.to_path_buf(),
        base_url: Some(base_url.to_string()),
        drafts: true,
        minify: false,
        today: served.today.clone(),
        internal: served.internal.clone(),
        indexing: Default::default(),
    };
    let mut timings = Timings::default();
    let checked = build::check(&options, &mut timings);
    let Some(site) = checked.site else {
        return show_problems(root, served, &checked.problems);
    };
    let problems = Diagnostics::new();
    let Some(theme) =
        crate::theme::load_theme(&site.root, &site.config.theme, site.languages(), &problems)
    else {
        return show_problems(root, served, &problems.into_sorted());
    };
    let files = build::pages_and_files(&site, &theme, &problems, &Stage::none());
    let problems = problems.into_sorted();
    if problems.iter().any(|d| d.severity == Severity::Error) {
        return show_problems(root, served, &problems);
    }
    replace_files(served, files, true);
    let generation = lock(built).as_ref().map_or(0, |b| b.generation + 1);
    *lock(built) = Some(Built {
        site: Arc::new(site),
        theme: Arc::new(theme),
        generation,
    });
    clear_problems_and_reload(served);
    index_in_background(served, built);
}

/// Apply an edit of existing records: read them again and render the pages that show them.
/// Returns false when the change needs a full rebuild instead.
fn rebuild_records(
    root: &Path,
    ids: &[RecordId],
    served: &Arc<Served>,
    built: &Arc<Mutex<Option<Built>>>,
) -> bool {
    let mut guard = lock(built);
    let Some(b) = guard.as_mut() else {
        return false;
    };
    let b: &mut Built = b;
    let mut reloaded: Vec<Record> = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for id in ids {
        let Some(old) = b.site.get(id) else {
            return false;
        };
        let (record, mut p) =
            crate::content::load::reload_record(root, &b.site.config, &b.site.taxonomies, id);
        problems.append(&mut p);
        match record {
            Some(r) if r.draft == old.draft || b.site.drafts => reloaded.push(r),
            _ => return false,
        }
    }
    if problems.iter().any(|d| d.severity == Severity::Error) {
        drop(guard);
        show_problems(root, served, &problems);
        return true;
    }
    // The terms the records had and have: their term pages change either way.
    let mut terms: Vec<(String, String)> = Vec::new();
    for r in ids
        .iter()
        .filter_map(|id| b.site.get(id))
        .chain(reloaded.iter())
    {
        terms.extend(
            r.facets
                .iter()
                .flat_map(|(t, keys)| keys.iter().map(move |k| (t.to_string(), k.clone()))),
        );
    }
    // Same title and facets: every list keeps its order, so only the pages showing the records change.
    let in_place = reloaded.iter().all(|r| {
        b.site
            .get(&r.id)
            .is_some_and(|old| old.title == r.title && old.facets == r.facets)
    });
    // A free-form page's title and place are in every page's menu.
    let menu_changed = reloaded.iter().any(|r| {
        r.id.kind == crate::content::model::Kind::Pages
            && b.site
                .get(&r.id)
                .is_none_or(|old| old.title != r.title || menu(old) != menu(r))
    });
    let mut records = b.site.records.clone();
    for r in reloaded {
        if let Some(slot) = records.iter_mut().find(|x| x.id == r.id) {
            *slot = r;
        }
    }
    let loaded = crate::content::load::Loaded {
        config: b.site.config.clone(),
        taxonomies: b.site.taxonomies.clone(),
        records,
        unreadable: Vec::new(),
    };
    let check = Diagnostics::new();
    let mut site =
        crate::site::validate::validate_edit(b.site.root.clone(), loaded, true, ids, &check);
    let check = check.into_sorted();
    if check.iter().any(|d| d.severity == Severity::Error) {
        drop(guard);
        show_problems(root, served, &check);
        return true;
    }
    site.today = b.site.today.clone();
    // Partners are kept from the last full build: an edit rarely moves them, and
    // the next full build brings them up to date.
    site.partners = b.site.partners.clone();
    site.karte_nouns = b.site.karte_nouns.clone();
    let render_problems = Diagnostics::new();
    let affected = if menu_changed {
        Affected::All
    } else {
        Affected::Records {
            ids,
            terms: &terms,
            in_place,
        }
    };
    let files = in_edit_pool(|| {
        crate::render::render_affected(&site, &b.theme, &affected, &render_problems, &Stage::none())
    });
    b.site = Arc::new(site);
    b.generation += 1;
    drop(guard);
    replace_files(served, files, false);
    clear_problems_and_reload(served);
    index_in_background(served, built);
    true
}

/// Run `work` on the threads that render an edit's pages (see [`run`]).
fn in_edit_pool<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("edit-render-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Let the calling thread (and the threads it starts) yield to the rest.
fn lower_priority() {
    // SAFETY: setpriority takes no pointers; on Linux, PRIO_PROCESS with 0 is this thread.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

fn menu(r: &crate::content::model::Record) -> Option<i64> {
    match &r.details {
        crate::content::model::Details::Page(p) => p.menu,
        _ => None,
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn replace_files(served: &Served, files: Vec<OutputFile>, all: bool) {
    // Keep the search bundle until the new one is ready.
    let others = |path: &str| !path.starts_with(crate::site::search_names::BUNDLE_DIR);
    replace_where(served, files, all.then_some(&others));
}

/// Serve `files`, dropping first the files served now whose path `drop` names.
fn replace_where(served: &Served, files: Vec<OutputFile>, drop: Option<&dyn Fn(&str) -> bool>) {
    let mut map = served.files.write().unwrap_or_else(|e| e.into_inner());
    if let Some(drop) = drop {
        map.retain(|path, _| !drop(path));
    }
    for f in files {
        map.insert(
            f.path.to_string_lossy().replace('\\', "/"),
            Arc::new(f.bytes),
        );
    }
}

fn show_problems(root: &Path, served: &Served, problems: &[Diagnostic]) {
    let errors: Vec<Diagnostic> = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let text = crate::commands::report::human(root, &errors, false);
    eprint!("{text}");
    *served.problems.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
    let _ = served.notices.send(Notice::Problems(text));
}

fn clear_problems_and_reload(served: &Served) {
    *served.problems.write().unwrap_or_else(|e| e.into_inner()) = None;
    let _ = served.notices.send(Notice::Reload);
    eprintln!("rebuilt; reloading open pages");
}

/// Build the search index of the current site in a thread and add it when done.
/// One build runs at a time; edits that come meanwhile make it run once more,
/// on the newest site, so that indexing never piles up behind fast edits.
fn index_in_background(served: &Arc<Served>, built: &Arc<Mutex<Option<Built>>>) {
    use std::sync::atomic::Ordering;
    if served.indexing.swap(true, Ordering::SeqCst) {
        served.index_again.store(true, Ordering::SeqCst);
        return;
    }
    let (served, built) = (served.clone(), built.clone());
    std::thread::spawn(move || loop {
        lower_priority();
        served.index_again.store(false, Ordering::SeqCst);
        let snapshot = lock(&built)
            .as_ref()
            .map(|b| (b.site.clone(), b.theme.clone(), b.generation));
        if let Some((site, theme, generation)) = snapshot {
            let current = || lock(&built).as_ref().map(|b| b.generation) == Some(generation);
            let data = crate::publish::feeds_and_data(&site, &theme);
            if current() {
                replace_files(&served, data, false);
            }
            // One part at a time: the index is rebuilt in the background, and the editor's pages come first.
            match crate::publish::search::index(&site, &theme, 1, &Stage::none()) {
                Ok(files) if current() => {
                    let bundle =
                        |path: &str| path.starts_with(crate::site::search_names::BUNDLE_DIR);
                    replace_where(&served, files, Some(&bundle));
                    let _ = served.notices.send(Notice::Indexed);
                }
                Ok(_) => {}
                Err(e) => eprintln!("search index: {e:#}"),
            }
        }
        if !served.index_again.load(Ordering::SeqCst) {
            served.indexing.store(false, Ordering::SeqCst);
            // An edit may have asked between the check and the store: take it now.
            if !served.index_again.load(Ordering::SeqCst)
                || served.indexing.swap(true, Ordering::SeqCst)
            {
                break;
            }
        }
    });
}

/// Watch the site and rebuild on every change, a burst of changes at a time.
fn watch(
    root: PathBuf,
    base_url: String,
    served: Arc<Served>,
    built: Arc<Mutex<Option<Built>>>,
) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                event.paths.into_iter().for_each(|p| {
                    let _ = tx.send(p);
                });
            }
        }
    })?;
    watcher
        .watch(&root.join("content"), RecursiveMode::Recursive)
        .context("cannot watch content/")?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .context("cannot watch the site folder")?;
    if root.join("themes").is_dir() {
        watcher.watch(&root.join("themes"), RecursiveMode::Recursive)?;
    }
    let kartes = served.internal.as_ref().map(|dir| dir.join("kartes"));
    if let Some(dir) = &kartes {
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .context("cannot watch the internal root's kartes/")?;
    }
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths = vec![first];
            // Editors write a file in several steps: take the whole burst.
            while let Ok(p) = rx.recv_timeout(Duration::from_millis(30)) {
                paths.push(p);
            }
            let root_files = ["site.yaml"];
            let relevant: Vec<PathBuf> = paths
                .into_iter()
                .filter(|p| {
                    p.starts_with(root.join("content"))
                        || p.starts_with(root.join("themes"))
                        || kartes.as_ref().is_some_and(|k| p.starts_with(k))
                        || root_files.iter().any(|f| p == &root.join(f))
                })
                .filter(|p| {
                    !p.file_name().is_some_and(|n| {
                        n.to_string_lossy().starts_with('.') || n.to_string_lossy().ends_with('~')
                    })
                })
                .collect();
            if relevant.is_empty() {
                continue;
            }
            let started = Instant::now();
            let mut ids: Vec<RecordId> = Vec::new();
            let only_records = relevant
                .iter()
                .all(|p| match crate::content::load::record_of_path(&root, p) {
                    Some(id) => {
                        ids.push(id);
                        true
                    }
                    None => false,
                });
            ids.sort();
            ids.dedup();
            // The staff edition is built whole: an edit may change a karte's company page.
            let only_records = only_records && served.internal.is_none();
            if !(only_records && rebuild_records(&root, &ids, &served, &built)) {
                rebuild_all(&root, &base_url, &served, &built);
            }
            eprintln!(
                "change handled in {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    });
    Ok(watcher)
}

async fn events(State(served): State<Arc<Served>>) -> impl IntoResponse {
    let current = served
        .problems
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let first = tokio_stream::iter(vec![Ok::<Event, std::convert::Infallible>(match current {
        Some(text) => Event::default().event("problems").data(text),
        None => Event::default().event("ready").data("ok"),
    })]);
    let updates = tokio_stream::wrappers::BroadcastStream::new(served.notices.subscribe())
        .filter_map(|n| match n {
            Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
            Ok(Notice::Problems(text)) => Some(Ok(Event::default().event("problems").data(text))),
            Ok(Notice::Indexed) => Some(Ok(Event::default().event("indexed").data("indexed"))),
            Err(_) => None,
        });
    Sse::new(first.chain(updates)).keep_alive(KeepAlive::default())
}

async fn file(State(served): State<Arc<Served>>, uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = percent_decode(path);
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    let files = served.files.read().unwrap_or_else(|e| e.into_inner());
    let (status, key) = match files.contains_key(&key) {
        true => (StatusCode::OK, key),
        false => {
            let lang = key.split('/').next().unwrap_or("");
            let page = format!("{lang}/404.html");
            (
                StatusCode::NOT_FOUND,
                if files.contains_key(&page) {
                    page
                } else {
                    "404.html".to_string()
                },
            )
        }
    };
    let Some(bytes) = files.get(&key).cloned() else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mime = mime_of(&key);
    let body: Vec<u8> = if mime.starts_with("text/html") {
        with_live_reload(&bytes)
    } else {
        bytes.to_vec()
    };
    (
        status,
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Add the live-reload script to an HTML page.
fn with_live_reload(html: &[u8]) -> Vec<u8> {
    let tag = b"<script src=\"/__clusterpress/live.js\" defer></script>";
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    [&html[..at], tag.as_slice(), &html[at..]].concat()
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "text/javascript",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webp" => "image/webp",
        "jpg" | "jpeg" => "image/jpeg",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Decode `%XX` escapes in a URL path (invalid escapes are kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
