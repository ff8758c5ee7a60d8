//! `clusterpress serve` with a real HTTP client: it rebuilds after a file
//! change and notifies a connected browser through server-sent events, keeps
//! the last good build on an invalid edit, shows the problems, and recovers.
//! Every wait is on an event from the server; the read timeout only stops a
//! broken test from hanging.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::Site;

struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site, port: &str) -> Server {
    start_with(site, &["--port", port])
}

fn start_with(site: &Site, args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterpress"))
        .args(["serve", "--root", "."])
        .args(args)
        .current_dir(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The server prints `serving <root> at http://127.0.0.1:<port>/` once it listens.
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .trim()
        .rsplit("http://")
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{line}");
    Server { child, address }
}

fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    (status, response)
}

/// A connected event stream, as the page's script holds it.
struct Events {
    stream: BufReader<TcpStream>,
    /// An `indexed` event came since the last `reload`.
    indexed: bool,
}

impl Events {
    fn connect(address: &str) -> Events {
        let mut stream = TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(stream, "GET /__clusterpress/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        Events {
            stream: BufReader::new(stream),
            indexed: false,
        }
    }

    /// The next event's name and data, but for `indexed` (noted for
    /// [`Events::wait_indexed`]), which comes whenever the background index is done.
    fn next(&mut self) -> (String, String) {
        loop {
            let (name, data) = self.next_any();
            match name.as_str() {
                "indexed" => self.indexed = true,
                "reload" => {
                    self.indexed = false;
                    return (name, data);
                }
                _ => return (name, data),
            }
        }
    }

    /// Wait until the search index, feeds and open data have caught up with the last reload.
    fn wait_indexed(&mut self) {
        while !self.indexed {
            let (name, _) = self.next_any();
            self.indexed = name == "indexed";
        }
    }

    /// The next event's name and data (skipping keep-alive comments).
    fn next_any(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            assert!(
                self.stream.read_line(&mut line).unwrap() > 0,
                "the event stream closed"
            );
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line
                .strip_prefix("data: ")
                .or_else(|| line.strip_prefix("data:"))
            {
                data.push_str(d);
                data.push('\n');
            } else if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
        }
    }
}

#[test]
fn serve_rebuilds_notifies_keeps_the_last_good_build_and_recovers() {
    let site = Site::new("small", &[]);
    let server = start(&site, "0");
    let mut events = Events::connect(&server.address);
    assert_eq!(events.next().0, "ready");

    let (status, page) = get(&server.address, "/ko/companies/alpha/");
    assert_eq!(status, 200);
    assert!(page.contains("ALPHA-KO-BODY"));
    assert!(
        page.contains("/__clusterpress/live.js"),
        "pages carry the live-reload script"
    );
    // Drafts are shown in the preview, marked as drafts.
    let (status, draft) = get(&server.address, "/ko/companies/secret/");
    assert_eq!(status, 200);
    assert!(
        draft.contains("SECRET-DRAFT") && draft.contains("class=\"draft\""),
        "{draft}"
    );

    // An edit: the page is rebuilt and the browser told to reload.
    let path = site.root().join("content/companies/alpha.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("ALPHA-KO-BODY", "ALPHA-KO-EDITED")).unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(get(&server.address, "/ko/companies/alpha/")
        .1
        .contains("ALPHA-KO-EDITED"));

    // An invalid edit: the problems are pushed, the last good build stays up.
    site.write("content/companies/beta.md", "---\nname: [broken\n---\n");
    let (name, data) = events.next();
    assert_eq!(name, "problems");
    assert!(data.contains("content/companies/beta.md"), "{data}");
    assert!(
        !data.contains("unknown-reference"),
        "no follow-on errors for the unreadable record: {data}"
    );
    let (status, page) = get(&server.address, "/ko/companies/alpha/");
    assert_eq!(status, 200);
    assert!(page.contains("ALPHA-KO-EDITED"));
    // A page opened now learns of the problems at once.
    let mut late = Events::connect(&server.address);
    assert_eq!(late.next().0, "problems");

    // The next good save recovers.
    site.write("content/companies/beta.md", "---\nname: { ko: 베타레이저, en: Beta Laser Inc. }\ntechnologies: [laser-processing]\n---\nBETA-FIXED\n");
    assert_eq!(events.next().0, "reload");
    assert!(get(&server.address, "/ko/companies/beta/")
        .1
        .contains("BETA-FIXED"));
    assert_eq!(Events::connect(&server.address).next().0, "ready");

    // A new record (not an edit of an existing one) is picked up by a full rebuild.
    site.write("content/companies/delta.yaml", "name: 델타NEW\n");
    assert_eq!(events.next().0, "reload");
    assert!(get(&server.address, "/ko/companies/delta/")
        .1
        .contains("델타NEW"));
    assert_eq!(get(&server.address, "/ko/no-such-page/").0, 404);
}

#[test]
fn serve_keeps_notices_dated_and_the_menu_current() {
    let site = Site::new("small", &[]);
    let server = start_with(&site, &["--port", "0", "--date", "2026-11-27"]);
    let mut events = Events::connect(&server.address);
    assert_eq!(events.next().0, "ready");
    let archive = |s: &Server| get(&s.address, "/en/notices/archive/").1;
    assert!(archive(&server).contains("Laser Processing Seminar"));

    // An edited notice keeps the session's date: the past seminar stays archived.
    let path = site.root().join("content/notices/seminar-2026.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Laser Processing Seminar", "Laser Seminar EDITED"),
    )
    .unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(archive(&server).contains("Laser Seminar EDITED"));
    assert!(!get(&server.address, "/en/notices/")
        .1
        .contains("Laser Seminar EDITED"));
    // Feeds and open data follow with the search index, after the page is shown.
    events.wait_indexed();
    assert!(get(&server.address, "/en/notices/atom.xml")
        .1
        .contains("Laser Seminar EDITED"));
    assert!(get(&server.address, "/data/notices.json")
        .1
        .contains("Laser Seminar EDITED"));

    // A renamed free-form page is renamed in every page's menu.
    let path = site.root().join("content/pages/privacy.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: {", "menu: 3\ntitle: {")
            .replace("Privacy policy", "Privacy NOTICE"),
    )
    .unwrap();
    assert_eq!(events.next().0, "reload");
    let company = get(&server.address, "/en/companies/alpha/").1;
    assert!(
        company.contains("Privacy NOTICE"),
        "menu on an unrelated page"
    );
}

#[test]
fn a_port_in_use_gives_a_clear_message() {
    let site = Site::new("small", &[]);
    let first = start(&site, "0");
    let port = first.address.rsplit(':').next().unwrap();
    let out = site.run(&["serve", "--root", ".", "--port", port]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("port {port} is in use")) && err.contains("--port"),
        "{err}"
    );
}
