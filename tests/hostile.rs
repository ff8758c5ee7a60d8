//! Hostile content: the XSS vectors of tests/fixtures/hostile/vectors.json (after
//! the OWASP XSS filter evasion cheat sheet) in every kind of text a record has,
//! in Markdown bodies (inline and block HTML, links, images, autolinks,
//! reference links), in URL and email fields, in taxonomy labels and in
//! site.yaml.
//!
//! The fixture site is generated from vectors.json by this file and committed
//! (tests/fixtures/hostile/site/, with the overlay rejected/), so that the
//! browser test tests/e2e/xss.test.mjs builds the very same site. After editing
//! the vectors or the generator, regenerate it with
//! `CLUSTERPRESS_BLESS=1 cargo test --test hostile`.
//!
//! - The site passes `check` and builds, and no page of it has a script,
//!   an event handler, an active element or a URL with a script scheme that
//!   the theme did not put there; every name shows as the text it was.
//! - The values that are not valid in their field (a `javascript:` website, a
//!   quote in an email, a media path out of content/media/, …) are refused by
//!   `check`, each at its own line and column.

mod common;
#[path = "../fuzz/src/urls.rs"]
mod urls;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::{copy_dir, fixtures, snapshot, Site};
use urls::inert_url;

struct Vectors {
    text: Vec<String>,
    markdown_urls: Vec<String>,
    url_ok: Vec<String>,
    url_refused: Vec<String>,
    email_ok: Vec<String>,
    email_refused: Vec<String>,
    media_refused: Vec<(String, String)>,
    record_link_fragments: Vec<String>,
}

fn vectors() -> Vectors {
    let path = fixtures().join("hostile/vectors.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // XSSN becomes the vector's number: text vectors count from 1, URL vectors
    // from 201, fragments of record links from 301.
    let list = |key: &str, first: usize| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str()
                    .unwrap()
                    .replace("XSSN", &(first + i).to_string())
            })
            .collect()
    };
    let media_refused = json["media_refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    Vectors {
        text: list("text", 1),
        markdown_urls: list("markdown_urls", 201),
        url_ok: list("url_ok", 0),
        url_refused: list("url_refused", 0),
        email_ok: list("email_ok", 0),
        email_refused: list("email_refused", 0),
        media_refused,
        record_link_fragments: list("record_link_fragments", 301),
    }
}

/// A YAML double-quoted scalar holding exactly `s`. Every control character and
/// every character YAML or an editor might take as a line break is escaped.
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => write!(out, "\\x{:02x}", c as u32).unwrap(),
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                write!(out, "\\u{:04x}", c as u32).unwrap()
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A file being written line by line, remembering where refused values are.
#[derive(Default)]
struct File {
    text: String,
    line: usize,
}

impl File {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
        self.line += 1;
    }

    /// Write `prefix` then the quoted `value`; returns `line:column` of the value.
    fn value(&mut self, prefix: &str, value: &str) -> String {
        let at = format!("{}:{}", self.line + 1, prefix.chars().count() + 1);
        self.line(&format!("{prefix}{}", q(value)));
        at
    }
}

/// What the generator writes: files of the site and of the overlay, the
/// problems `check` must report for the overlay, and the h1 each page must show.
struct Fixture {
    files: BTreeMap<PathBuf, Vec<u8>>,
    expected: Vec<String>,
    titles: Vec<(String, String)>,
}

struct Gen<'a> {
    v: &'a Vectors,
    files: BTreeMap<PathBuf, Vec<u8>>,
    titles: Vec<(String, String)>,
}

const TECH_TERMS: usize = 12;

impl Gen<'_> {
    fn t(&self, i: usize) -> &str {
        &self.v.text[i % self.v.text.len()]
    }

    fn url(&self, i: usize) -> &str {
        &self.v.url_ok[i % self.v.url_ok.len()]
    }

    fn email(&self, i: usize) -> &str {
        &self.v.email_ok[i % self.v.email_ok.len()]
    }

    /// A localized text: per language, or (every other index) one string for both.
    fn loc(&self, i: usize) -> String {
        if i % 2 == 0 {
            q(self.t(i))
        } else {
            format!("{{ ko: {}, en: {} }}", q(self.t(i)), q(self.t(i + 41)))
        }
    }

    fn put(&mut self, path: &str, text: String) {
        self.files
            .insert(PathBuf::from("site").join(path), text.into_bytes());
    }

    fn title(&mut self, page: String, text: &str) {
        self.titles.push((page, text.trim().to_string()));
    }

    /// A Markdown body with vectors as text, as raw inline and block HTML, and
    /// URL vectors as link, image, autolink, reference link and raw attributes.
    fn body(&self, i: usize) -> String {
        let (t, t2) = (self.t(i), self.t(i + 1));
        let mu = |k: usize| self.v.markdown_urls[(i + k) % self.v.markdown_urls.len()].as_str();
        let mut b = String::new();
        writeln!(b, "xsstoken {t} xsstoken\n").unwrap();
        writeln!(b, "## {t2}\n").unwrap();
        writeln!(b, "<div class=\"v\">{t}</div>\n").unwrap();
        writeln!(b, "- item *{t2}*\n- `{}`\n", t.replace('`', "'")).unwrap();
        writeln!(b, "> quoted {t}\n").unwrap();
        writeln!(b, "```html\n{t}\n```\n").unwrap();
        if let Some(d) = md_dest(mu(0)) {
            writeln!(b, "A [link {i}]({d}) in text.\n").unwrap();
        }
        if let Some(d) = md_dest(mu(1)) {
            writeln!(b, "An ![image {i}]({d}) in text.\n").unwrap();
        }
        if let Some(a) = autolink(mu(2)) {
            writeln!(b, "An autolink {a} in text.\n").unwrap();
        }
        if let Some(d) = md_dest(mu(3)) {
            writeln!(
                b,
                "A [reference link][ref{i}].\n\n[ref{i}]: {d} \"a title\"\n"
            )
            .unwrap();
        }
        if let Some(v) = attr(mu(4)) {
            writeln!(
                b,
                "Raw <a href={v}>link</a> and <img src={v} alt=\"raw\">.\n"
            )
            .unwrap();
        }
        // Links to other records (`@/kind/slug#fragment`), with hostile fragments.
        let frags = &self.v.record_link_fragments;
        writeln!(
            b,
            "A [record link](@/companies/c-{:03}#{}) and [a page](@/pages/p-{}).\n",
            i % self.v.text.len() + 1,
            frags[i % frags.len()],
            i % SMALL
        )
        .unwrap();
        if let Some(v) = attr(mu(5)) {
            writeln!(b, "<p><a href={v} title=\"{}\">block link</a></p>\n", i).unwrap();
        }
        b
    }
}

/// A Markdown link destination for `u`, or `None` when Markdown cannot hold it.
fn md_dest(u: &str) -> Option<String> {
    if u.contains(['<', '>', '\n']) {
        return None;
    }
    if u.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "()".contains(c))
    {
        return Some(format!("<{u}>"));
    }
    Some(u.to_string())
}

/// `<scheme:…>`, when `u` can be a CommonMark autolink.
fn autolink(u: &str) -> Option<String> {
    let ok = u.contains(':')
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>".contains(c));
    ok.then(|| format!("<{u}>"))
}

/// `u` as a quoted HTML attribute value, as written by hand (not escaped).
fn attr(u: &str) -> Option<String> {
    match (u.contains('"'), u.contains('\'')) {
        (false, _) => Some(format!("\"{u}\"")),
        (true, false) => Some(format!("'{u}'")),
        (true, true) => None,
    }
}

fn site_yaml(g: &Gen, edit_url: &str, email: &str, theme: &str) -> (String, Vec<String>) {
    let mut f = File::default();
    let mut at = Vec::new();
    f.line("# Generated by tests/hostile.rs from vectors.json; do not edit.");
    f.line(&format!(
        "title: {{ ko: {}, en: {} }}",
        q(g.t(25)),
        q(g.t(0))
    ));
    f.line(&format!(
        "description: {{ ko: {}, en: {} }}",
        q(g.t(51)),
        q(g.t(95))
    ));
    f.line("base_url: https://hostile.example/");
    f.line("languages: [ko, en]");
    at.push(f.value("theme: ", theme));
    f.line("secretariat:");
    at.push(f.value("  email: ", email));
    f.value("  phone: ", g.t(50));
    at.push(f.value("edit_url: ", edit_url));
    (f.text, at)
}

fn taxonomies(g: &Gen) -> String {
    let mut f = File::default();
    f.line("# Generated by tests/hostile.rs from vectors.json; do not edit.");
    let taxes: [(&str, &[&str]); 7] = [
        ("technologies", &[]),
        ("industries", &["automotive", "semiconductors"]),
        ("regions", &["hachioji"]),
        ("support-areas", &["joint-rnd"]),
        ("qualifications", &["patent-attorney"]),
        ("equipment-categories", &["machining"]),
        ("languages", &["ja"]),
    ];
    for (n, (tax, terms)) in taxes.iter().enumerate() {
        f.line(&format!("{tax}:"));
        f.line(&format!("  label: {}", g.loc(60 + n)));
        f.line("  terms:");
        if *tax == "technologies" {
            for k in 0..TECH_TERMS {
                f.line(&format!("    t{:02}: {}", k, g.loc(70 + k)));
            }
        } else {
            for (k, term) in terms.iter().enumerate() {
                f.line(&format!("    {term}: {}", g.loc(30 + 2 * n + k)));
            }
        }
    }
    f.text
}

const SMALL: usize = 6;

fn generate(v: &Vectors) -> Fixture {
    let mut g = Gen {
        v,
        files: BTreeMap::new(),
        titles: Vec::new(),
    };
    let (site, _) = site_yaml(&g, g.url(7), g.email(0), "default");
    g.put("site.yaml", site);
    g.put("content/taxonomies.yaml", taxonomies(&g));
    let media = fixtures().join("valid/small/content/media");
    for name in ["example.png", "example.pdf"] {
        g.files.insert(
            PathBuf::from("site/content/media").join(name),
            std::fs::read(media.join(name)).unwrap(),
        );
    }
    let n = v.text.len();
    let tech = |i: usize| format!("t{:02}", i % TECH_TERMS);

    // Companies: one per text vector, so that each is a name (h1, <title>, cards, search).
    for i in 0..n {
        let mut f = File::default();
        f.line("---");
        f.value("name: ", g.t(i));
        f.line(&format!("summary: {}", g.loc(i + 1)));
        f.line(&format!(
            "kind: {}",
            ["product-developer", "base-technology"][i % 2]
        ));
        f.line("employees: 10");
        f.line(&format!("technologies: [{}, {}]", tech(i), tech(i + 5)));
        f.line("industries: [automotive]");
        f.line("regions: [hachioji]");
        f.line("seeking: [joint-rnd]");
        f.line("products:");
        f.value("  - name: ", g.t(i + 3));
        f.line(&format!("    summary: {}", g.loc(i + 4)));
        f.line(&format!("  - name: {}", g.loc(i + 6)));
        f.line("services:");
        f.value("  - ", g.t(i + 8));
        f.line(&format!("  - {}", g.loc(i + 9)));
        f.value("website: ", g.url(i));
        f.value("email: ", g.email(i));
        f.value("phone: ", g.t(i + 11));
        f.line(&format!("address: {}", g.loc(i + 12)));
        f.line("logo:");
        f.line("  src: example.png");
        f.line(&format!("  alt: {}", g.loc(i + 14)));
        f.line("---");
        let slug = format!("c-{:03}", i + 1);
        g.put(&format!("content/companies/{slug}.md"), f.text + &g.body(i));
        let name = g.t(i).to_string();
        g.title(format!("ko/companies/{slug}/index.html"), &name);
        if i % 3 == 0 {
            // An English translation that sets the name and summary, with its own body.
            let mut t = File::default();
            t.line("---");
            t.value("name: ", g.t(i + 15));
            t.value("summary: ", g.t(i + 16));
            t.line("---");
            g.put(
                &format!("content/companies/{slug}.en.md"),
                t.text + &g.body(i + 17),
            );
            let en = g.t(i + 15).to_string();
            g.title(format!("en/companies/{slug}/index.html"), &en);
        } else {
            g.title(format!("en/companies/{slug}/index.html"), &name);
        }
    }

    for r in 0..SMALL {
        // Institutions.
        let b = 7 * r;
        let mut f = File::default();
        f.line("---");
        f.value("name: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        f.line(&format!(
            "kind: {}",
            ["university", "incubator", "research-institute"][r % 3]
        ));
        f.line("regions: [hachioji]");
        f.value("website: ", g.url(b));
        f.value("email: ", g.email(b));
        f.value("phone: ", g.t(b + 2));
        f.line(&format!("address: {}", g.loc(b + 3)));
        f.line(&format!(
            "logo: {{ src: example.png, alt: {} }}",
            g.loc(b + 4)
        ));
        f.line("---");
        let body = g.body(b + 5);
        g.put(&format!("content/institutions/i-{r}.md"), f.text + &body);
        let name = g.t(b).to_string();
        g.title(format!("en/institutions/i-{r}/index.html"), &name);

        // Research themes.
        let b = 42 + 9 * r;
        let mut f = File::default();
        f.line("---");
        f.value("title: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        f.line(&format!("institution: i-{r}"));
        f.line("researcher:");
        f.line(&format!("  name: {}", g.loc(b + 2)));
        f.line(&format!("  position: {}", g.loc(b + 3)));
        f.line(&format!("  department: {}", g.loc(b + 4)));
        f.value("  url: ", g.url(b));
        f.line(&format!("technologies: [{}]", tech(r)));
        f.line("industries: [semiconductors]");
        f.line("seeking: [joint-research, licensing]");
        f.value("email: ", g.email(b));
        f.line("public_contact: true");
        f.line("---");
        let body = g.body(b + 5);
        g.put(&format!("content/research-themes/r-{r}.md"), f.text + &body);
        let title = g.t(b).to_string();
        g.title(format!("ko/research-themes/r-{r}/index.html"), &title);

        // Equipment, with many specs: together they carry every text vector.
        let b = 20 + 11 * r;
        let mut f = File::default();
        f.value("name: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        if r % 2 == 0 {
            f.line(&format!("owner: institutions/i-{r}"));
        } else {
            f.line(&format!("owner: companies/c-{:03}", r + 1));
        }
        f.line("categories: [machining]");
        f.line(&format!("technologies: [{}]", tech(r + 1)));
        f.value("maker: ", g.t(b + 2));
        f.value("model: ", g.t(b + 3));
        f.line("year: 2020");
        f.line("open: true");
        f.line(&format!("conditions: {}", g.loc(b + 4)));
        f.line(&format!("fee: {}", g.loc(b + 5)));
        if r % 2 == 0 {
            f.value("booking: ", g.url(b));
        } else {
            f.value("booking: ", g.email(b));
        }
        f.line("location:");
        f.line(&format!("  building: {}", g.loc(b + 6)));
        f.line(&format!("  room: {}", g.loc(b + 7)));
        f.line(&format!("address: {}", g.loc(b + 8)));
        f.line("contact:");
        f.line(&format!("  name: {}", g.loc(b + 9)));
        f.value("  email: ", g.email(b + 1));
        f.line("specs:");
        let per = n.div_ceil(SMALL);
        for k in 0..per {
            let i = r * per + k;
            f.line(&format!("  - label: {}", g.loc(i)));
            f.line(&format!("    value: {}", g.loc(i + 1)));
        }
        f.line("images:");
        f.line(&format!(
            "  - {{ src: example.png, alt: {} }}",
            g.loc(b + 10)
        ));
        f.line("documents:");
        f.line(&format!(
            "  - {{ src: example.pdf, title: {} }}",
            g.loc(b + 11)
        ));
        f.line("status: in-service");
        g.put(&format!("content/equipment/e-{r}.yaml"), f.text);
        let name = g.t(b).to_string();
        g.title(format!("ko/equipment/e-{r}/index.html"), &name);

        // Coordinators, publishing their own contact.
        let b = 60 + 5 * r;
        let mut f = File::default();
        f.line("---");
        f.value("name: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        f.line(&format!("tier: {}", ["super", "coordinator"][r % 2]));
        f.line("qualifications: [patent-attorney]");
        f.line("support-areas: [joint-rnd]");
        f.line("industries: [automotive]");
        f.line(&format!("technologies: [{}]", tech(r + 2)));
        f.line("languages: [ja]");
        f.line(&format!(
            "photo: {{ src: example.png, alt: {} }}",
            g.loc(b + 2)
        ));
        f.value("email: ", g.email(b));
        f.value("phone: ", g.t(b + 3));
        f.line("public_contact: true");
        f.line("---");
        let body = g.body(b + 4);
        g.put(&format!("content/coordinators/k-{r}.md"), f.text + &body);
        let name = g.t(b).to_string();
        g.title(format!("en/coordinators/k-{r}/index.html"), &name);

        // Success stories, linking all of the above.
        let b = 80 + 6 * r;
        let mut f = File::default();
        f.line("---");
        f.value("title: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        f.line("year: 2025");
        f.line(&format!(
            "type: {}",
            ["industry-academia", "industry-industry"][r % 2]
        ));
        f.line(&format!(
            "companies: [c-{:03}, c-{:03}]",
            r + 1,
            r + 2 + SMALL
        ));
        f.line(&format!("research-themes: [r-{r}]"));
        f.line(&format!("institutions: [i-{r}]"));
        f.line(&format!("coordinators: [k-{r}]"));
        f.line(&format!("equipment: [e-{r}]"));
        f.line(&format!("technologies: [{}]", tech(r + 3)));
        f.line(&format!("outcome: {}", g.loc(b + 2)));
        f.line("press:");
        for k in 0..3 {
            f.line(&format!("  - title: {}", g.loc(b + 3 + k)));
            f.value("    url: ", g.url(b + k));
            f.line("    date: 2025-05-01");
        }
        f.line(&format!(
            "images: [{{ src: example.png, alt: {} }}]",
            g.loc(b + 4)
        ));
        f.line("---");
        let body = g.body(b + 5);
        g.put(&format!("content/success-stories/s-{r}.md"), f.text + &body);
        let title = g.t(b).to_string();
        g.title(format!("en/success-stories/s-{r}/index.html"), &title);
    }

    for r in 0..SMALL {
        // Notices: events go into the calendar feed, all into the Atom feed.
        // The first carries the vectors aimed at iCalendar, Atom and CSV.
        let b = 3 + 13 * r;
        let title = if r == 0 { n - 2 } else { b };
        let mut f = File::default();
        f.line("---");
        f.value("title: ", g.t(title));
        f.line(&format!(
            "summary: {}",
            g.loc(if r == 0 { n - 3 } else { b + 1 })
        ));
        let categories = [
            "event",
            "seminar",
            "exhibition",
            "grant",
            "call",
            "newsletter",
        ];
        f.line(&format!("category: {}", categories[r]));
        f.line(&format!("date: 2026-0{}-1{r}", r + 1));
        f.line(&format!("end_date: 2026-0{}-2{r}", r + 1));
        f.line(&format!("deadline: 2026-0{}-0{}", r + 1, r + 1));
        f.line(&format!(
            "location: {}",
            g.loc(if r == 0 { n - 1 } else { b + 2 })
        ));
        f.line(&format!("organizer: institutions/i-{r}"));
        f.value("link: ", g.url(b));
        f.line(&format!("technologies: [{}]", tech(r + 4)));
        f.line("industries: [automotive]");
        f.line("---");
        let body = g.body(b + 3);
        g.put(&format!("content/notices/n-{r}.md"), f.text + &body);
        let title = g.t(title).to_string();
        g.title(format!("en/notices/n-{r}/index.html"), &title);

        // Free-form pages, in the menu, with documents.
        let b = 90 + 3 * r;
        let mut f = File::default();
        f.line("---");
        f.value("title: ", g.t(b));
        f.line(&format!("summary: {}", g.loc(b + 1)));
        f.line(&format!("menu: {}", r + 1));
        f.line(&format!(
            "documents: [{{ src: example.pdf, title: {} }}]",
            g.loc(b + 2)
        ));
        f.line("---");
        let body = g.body(b + 3);
        g.put(&format!("content/pages/p-{r}.md"), f.text + &body);
        let title = g.t(b).to_string();
        g.title(format!("ko/p-{r}/index.html"), &title);
    }

    let expected = rejected(&mut g);
    Fixture {
        files: g.files,
        expected,
        titles: g.titles,
    }
}

/// The overlay rejected/: the vectors that are not valid where they are put.
/// Returns the problems `check` must report, as `file:line:column code`.
fn rejected(g: &mut Gen) -> Vec<String> {
    let v = g.v;
    let mut expected = Vec::new();
    let mut put = |path: &str, text: String, expect: Vec<(String, &str)>| {
        for (at, code) in expect {
            expected.push(format!("{path}:{at} {code}"));
        }
        g.files
            .insert(PathBuf::from("rejected").join(path), text.into_bytes());
    };

    // site.yaml: a theme name that leaves themes/, an edit link and a secretariat email.
    let gen = Gen {
        v,
        files: BTreeMap::new(),
        titles: Vec::new(),
    };
    let (text, at) = site_yaml(&gen, &v.url_refused[0], &v.email_refused[0], "../../etc");
    put(
        "site.yaml",
        text,
        vec![
            (at[0].clone(), "bad-theme"),
            (at[1].clone(), "bad-email"),
            (at[2].clone(), "bad-url"),
        ],
    );

    // Every refused URL as a press link, and every refused media path as an image.
    let mut f = File::default();
    let mut exp = Vec::new();
    f.line("---");
    f.line("title: Rejected");
    f.line("press:");
    for url in &v.url_refused {
        f.line("  - title: press");
        exp.push((f.value("    url: ", url), "bad-url"));
    }
    f.line("images:");
    for (src, code) in &v.media_refused {
        f.line("  - alt: image");
        exp.push((f.value("    src: ", src), code.as_str()));
    }
    f.line("companies:");
    exp.push((
        f.value("  - ", "<script>alert(1)</script>"),
        "bad-reference",
    ));
    exp.push((f.value("  - ", "../../site"), "bad-reference"));
    f.line("aliases:");
    exp.push((
        f.value("  - ", "\"><img src=x onerror=alert(1)>"),
        "bad-slug",
    ));
    exp.push((f.value("  - ", "../escape"), "bad-slug"));
    f.line("---");
    put("content/success-stories/rejected.md", f.text, exp);

    // Every refused email in an email field, one coordinator each.
    for (k, email) in v.email_refused.iter().enumerate() {
        let mut f = File::default();
        f.line("name: Rejected");
        let at = f.value("email: ", email);
        put(
            &format!("content/coordinators/rejected-{k}.yaml"),
            f.text,
            vec![(at, "bad-email")],
        );
    }

    // A website, a researcher's page, a booking (as URL and as email) and a contact.
    let mut f = File::default();
    f.line("name: Rejected");
    let at = f.value("website: ", &v.url_refused[1]);
    put(
        "content/companies/rejected.yaml",
        f.text,
        vec![(at, "bad-url")],
    );
    let mut f = File::default();
    f.line("name: Rejected");
    let at = f.value("website: ", &v.url_refused[6]);
    let at2 = f.value("email: ", &v.email_refused[1]);
    put(
        "content/institutions/rejected.yaml",
        f.text,
        vec![(at, "bad-url"), (at2, "bad-email")],
    );
    let mut f = File::default();
    f.line("title: Rejected");
    f.line("institution: i-0");
    f.line("researcher:");
    f.line("  name: Rejected");
    let at = f.value("  url: ", &v.url_refused[2]);
    put(
        "content/research-themes/rejected.yaml",
        f.text,
        vec![(at, "bad-url")],
    );
    for (k, booking) in [&v.url_refused[3], &v.email_refused[2]].iter().enumerate() {
        let mut f = File::default();
        f.line("name: Rejected");
        f.line("owner: institutions/i-0");
        let at = f.value("booking: ", booking);
        f.line("contact:");
        let at2 = f.value("  email: ", &v.email_refused[3 + k]);
        put(
            &format!("content/equipment/rejected-{k}.yaml"),
            f.text,
            vec![(at, "bad-booking"), (at2, "bad-email")],
        );
    }
    // A notice's link, and a link in a body to a record that does not exist.
    let mut f = File::default();
    f.line("---");
    f.line("title: Rejected");
    f.line("category: event");
    f.line("date: 2026-01-01");
    let at = f.value("link: ", &v.url_refused[4]);
    f.line("---");
    let line = f.line + 1;
    let links = "See [this](@/companies/<script>) and [that](@/../../site.yaml).";
    let cols: Vec<usize> = links.match_indices("@/").map(|(i, _)| i + 1).collect();
    f.line(links);
    put(
        "content/notices/rejected.md",
        f.text,
        vec![
            (at, "bad-url"),
            (format!("{line}:{}", cols[0]), "unknown-link"),
            (format!("{line}:{}", cols[1]), "unknown-link"),
        ],
    );
    expected.sort();
    expected
}

fn hostile() -> PathBuf {
    fixtures().join("hostile")
}

#[test]
fn the_fixture_is_generated_from_the_vectors() {
    let fixture = generate(&vectors());
    let mut files = fixture.files;
    files.insert(
        PathBuf::from("rejected/expected"),
        (fixture.expected.join("\n") + "\n").into_bytes(),
    );
    let on_disk: BTreeMap<PathBuf, Vec<u8>> = ["site", "rejected"]
        .iter()
        .filter(|d| hostile().join(d).is_dir())
        .flat_map(|d| {
            snapshot(&hostile().join(d))
                .into_iter()
                // A build's cache of resized images is not part of the fixture.
                .filter(|(p, _)| !p.starts_with(".clusterpress-cache"))
                .map(move |(p, b)| (Path::new(d).join(p), b))
        })
        .collect();
    if std::env::var_os("CLUSTERPRESS_BLESS").is_some() {
        for d in ["site", "rejected"] {
            let _ = std::fs::remove_dir_all(hostile().join(d));
        }
        for (path, bytes) in &files {
            let path = hostile().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        return;
    }
    let differ: Vec<_> = files
        .keys()
        .chain(on_disk.keys())
        .filter(|p| files.get(*p) != on_disk.get(*p))
        .collect();
    assert!(
        differ.is_empty(),
        "tests/fixtures/hostile is out of date ({differ:?}); run CLUSTERPRESS_BLESS=1 cargo test --test hostile"
    );
}

/// A copy of the hostile site (plus overlays) in a temporary folder.
fn hostile_site(overlays: &[&Path]) -> Site {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&hostile().join("site"), dir.path());
    for o in overlays {
        copy_dir(o, dir.path());
    }
    let _ = std::fs::remove_file(dir.path().join("expected"));
    Site { dir }
}

/// The scripts the theme itself puts on pages; nothing else may run.
const THEME_SCRIPTS: &[&str] = &[
    "/static/choose-language.js",
    "/pagefind/pagefind-ui.js",
    "/static/search.js",
];

/// Elements that can run, embed or redirect, which no page of this site needs.
const ACTIVE: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "template",
    "style", "isindex", "bgsound", "video", "audio", "marquee", "xmp", "noscript", "keygen",
];

/// Form elements: only in the theme's search forms.
const FORM: &[&str] = &["form", "input", "textarea", "select", "button", "option"];

/// Everything on `page` that could run a script and was not put there by the theme.
fn active_content(page: &str, html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let all = scraper::Selector::parse("*").unwrap();
    let mut found = Vec::new();
    let is_search = page.ends_with("search/index.html");
    for el in doc.select(&all) {
        let e = el.value();
        let name = e.name();
        if name == "script" {
            let src = e.attr("src").unwrap_or("");
            let text: String = el.text().collect();
            let theirs = if e.attr("type") == Some("application/ld+json") {
                // Data, not a script: JSON in which no `<` can end the element.
                src.is_empty()
                    && !text.contains('<')
                    && serde_json::from_str::<serde_json::Value>(&text).is_ok()
            } else {
                THEME_SCRIPTS.contains(&src)
                    && text.trim().is_empty()
                    && (src != "/static/choose-language.js" || page == "index.html")
            };
            if !theirs {
                let shown: String = el.html().chars().take(200).collect();
                found.push(format!("{page}: {shown}"));
            }
        }
        // The theme's pictures: <source srcset> inside <picture> only.
        if name == "source"
            && el
                .parent()
                .and_then(|p| p.value().as_element())
                .is_none_or(|p| p.name() != "picture")
        {
            found.push(format!("{page}: <source> outside <picture>"));
        }
        if let Some(srcset) = e.attr("srcset") {
            for candidate in srcset.split(',') {
                let url = candidate.split_whitespace().next().unwrap_or("");
                if !inert_url(url) {
                    found.push(format!("{page}: <{name} srcset={srcset:?}>"));
                }
            }
        }
        // The search page tells visitors without JavaScript that search needs it.
        if ACTIVE.contains(&name) && !(is_search && name == "noscript") {
            found.push(format!("{page}: <{name}>"));
        }
        if FORM.contains(&name) {
            // The theme's search forms: a GET to the site's search page, and its sort menu.
            let theirs_el = |f: &scraper::node::Element| {
                (f.name() == "form" && f.attr("action").is_some_and(|a| a.ends_with("/search/")))
                    || (is_search && f.attr("id") == Some("search-sort"))
            };
            let theirs = theirs_el(e)
                || el
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(theirs_el));
            if !theirs {
                found.push(format!(
                    "{page}: <{name} {:?}>",
                    e.attrs().collect::<Vec<_>>()
                ));
            }
        }
        if name == "meta" && e.attr("http-equiv").is_some() {
            found.push(format!("{page}: <meta http-equiv>"));
        }
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") || attr == "srcdoc" || attr == "style" {
                found.push(format!("{page}: <{name} {attr}={value:?}>"));
            }
            let is_url = matches!(
                attr.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "data"
                    | "background"
                    | "poster"
                    | "dynsrc"
                    | "lowsrc"
                    | "xlink:href"
                    | "cite"
            );
            if is_url && !inert_url(value) {
                found.push(format!("{page}: <{name} {attr}={value:?}>"));
            }
        }
        if name == "link" {
            let rel = e.attr("rel").unwrap_or("");
            let href = e.attr("href").unwrap_or("");
            let ok = matches!(
                rel,
                "canonical" | "alternate" | "icon" | "stylesheet" | "manifest" | "apple-touch-icon"
            ) && (href.starts_with('/') || href.starts_with("https://hostile.example/"));
            if !ok {
                found.push(format!("{page}: <link rel={rel:?} href={href:?}>"));
            }
        }
    }
    found
}

#[test]
fn the_hostile_site_builds_and_no_page_can_run_a_script_from_content() {
    let site = hostile_site(&[]);
    let (ok, problems) = site.check_json();
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert!(ok && errors.is_empty(), "{errors:#?}");
    site.build(&[]);
    let pages = snapshot(&site.out());
    let html: Vec<_> = pages
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(html.len() > 300, "{} pages", html.len());
    let mut found = Vec::new();
    for (path, bytes) in &html {
        let page = path.to_string_lossy();
        found.extend(active_content(&page, &String::from_utf8_lossy(bytes)));
    }
    assert!(
        found.is_empty(),
        "{} problems, the first:\n{}",
        found.len(),
        found[..found.len().min(40)].join("\n")
    );
    // Each name is shown as the text it is, neither run nor eaten.
    let fixture = generate(&vectors());
    assert!(fixture.titles.len() >= vectors().text.len() * 2);
    // (Runs of white space are one space, as the minified page shows them.)
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (page, title) in &fixture.titles {
        let html = site.page(page);
        let h1: Vec<String> = common::texts(&html, "h1")
            .iter()
            .map(|t| squash(t))
            .collect();
        assert_eq!(h1, vec![squash(title)], "{page}");
    }
    // Every text vector reached some page (as text): none was dropped on the way.
    let all: String = html
        .iter()
        .map(|(_, b)| {
            let doc = scraper::Html::parse_document(&String::from_utf8_lossy(b));
            squash(&doc.root_element().text().collect::<String>())
        })
        .collect();
    for t in &vectors().text {
        assert!(all.contains(&squash(t)), "{t} is shown nowhere");
    }
}

#[test]
fn values_that_are_not_valid_in_their_field_are_refused_at_their_position() {
    let overlay = hostile().join("rejected");
    let site = hostile_site(&[&overlay]);
    let (ok, problems) = site.check_json();
    assert!(!ok, "check must fail");
    let expected: Vec<String> = std::fs::read_to_string(overlay.join("expected"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let v = vectors();
    assert!(
        expected.len() >= v.url_refused.len() + v.email_refused.len() + v.media_refused.len(),
        "every refused vector is expected"
    );
    let mut got: Vec<String> = problems
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| {
            format!(
                "{}:{}:{} {}",
                p["file"].as_str().unwrap(),
                p["line"],
                p["column"],
                p["code"].as_str().unwrap()
            )
        })
        .collect();
    got.sort();
    assert_eq!(got, expected, "{problems:#?}");
    // The build refuses too, and writes nothing.
    let out = site.run(&["build", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!site.out().exists());
}

/// Pagefind's UI shows filter names and values as HTML: those from content
/// (taxonomy labels, owners' names) must reach the index escaped.
#[test]
fn search_filters_from_content_are_escaped_for_pagefinds_ui() {
    let site = hostile_site(&[]);
    let options = clusterpress::build::Options {
        internal: None,
        indexing: Default::default(),
        root: site.root().to_path_buf(),
        base_url: None,
        drafts: false,
        minify: false,
        today: "2026-03-01".into(),
    };
    let checked = clusterpress::build::check(&options, &mut Default::default());
    let site = checked.site.expect("the hostile site is valid");
    let problems = clusterpress::diagnostic::Diagnostics::new();
    let theme = clusterpress::theme::load_theme(&site.root, "default", site.languages(), &problems)
        .expect("the default theme");
    let mut seen = 0;
    for lang in site.languages() {
        for r in clusterpress::publish::search::search_records(&site, &theme, lang) {
            for (name, values) in &r.filters {
                for text in std::iter::once(name).chain(values) {
                    seen += 1;
                    assert!(!text.contains(['<', '>']), "{text} in {}", r.url);
                    let unescaped = text
                        .replace("&amp;", "")
                        .replace("&lt;", "")
                        .replace("&gt;", "");
                    assert!(!unescaped.contains('&'), "{text} in {}", r.url);
                }
            }
        }
    }
    assert!(seen > 1000, "{seen} filter names and values");
}

/// Every string in a JSON value.
fn strings(json: &serde_json::Value, out: &mut Vec<String>) {
    match json {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|j| strings(j, out)),
        serde_json::Value::Object(map) => map.values().for_each(|j| strings(j, out)),
        _ => {}
    }
}

/// Feeds and open data carry hostile text as data: the Atom feeds parse, with
/// one entry per record, each giving its own record's title back as it was; no
/// value adds a line or an event to the calendar; and every CSV and JSON file
/// parses with one row per record of its kind, no CSV cell able to start a
/// formula in a spreadsheet.
#[test]
fn feeds_and_open_data_hold_hostile_text_as_data() {
    let site = hostile_site(&[]);
    site.build(&[]);
    let v = vectors();
    let fixture = generate(&v);
    let (mut feeds, mut calendars, mut tables) = (0, 0, 0);
    // Records of each kind in the fixture (translations are not records).
    let records = |kind: &str| {
        fixture
            .files
            .keys()
            .filter(|p| p.parent() == Some(Path::new("site/content").join(kind).as_path()))
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .matches('.')
                    .count()
                    == 1
            })
            .count()
    };
    // Each page's title as the fixture gave it (titles are the same in every language).
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title_of = |page: &str| {
        let en = format!("en/{}", page.split_once('/').unwrap().1);
        fixture
            .titles
            .iter()
            .find(|(p, _)| *p == en)
            .map(|(_, t)| squash(t))
            .unwrap_or_else(|| panic!("no title given for {page}"))
    };
    let mut entries = 0;
    // Every cell of every CSV export, and every string of every JSON export.
    let (mut csv_cells, mut json_strings) = (Vec::new(), Vec::new());
    for (path, bytes) in snapshot(&site.out()) {
        let name = path.to_string_lossy().to_string();
        let text = String::from_utf8_lossy(&bytes).to_string();
        if name.ends_with("atom.xml") {
            let feed: atom_syndication::Feed =
                text.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
            // en/notices/atom.xml: one entry per notice.
            let kind = name.split('/').nth(1).unwrap();
            assert_eq!(feed.entries().len(), records(kind), "{name}");
            for entry in feed.entries() {
                let link = &entry.links()[0].href;
                let page = link
                    .strip_prefix("https://hostile.example/")
                    .unwrap_or_else(|| panic!("{name}: {link}"));
                assert!(
                    page.starts_with(&format!("{}/{kind}/", &name[..2])),
                    "{name}: {link}"
                );
                assert_eq!(
                    squash(&entry.title().value),
                    title_of(&format!("{page}index.html")),
                    "{name}: the title of {link}"
                );
                entries += 1;
            }
            feeds += 1;
        } else if name.ends_with(".ics") {
            assert!(
                !text.replace("\r\n", "").contains(['\r', '\n']),
                "{name}: a line break that is not a line's end"
            );
            let unfolded = text.replace("\r\n ", "");
            let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
            let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
            // Three notices are events (event, seminar, exhibition).
            assert_eq!(count("BEGIN:VEVENT"), 3, "{name}");
            assert_eq!(count("END:VEVENT"), 3, "{name}");
            assert_eq!(count("SUMMARY"), 3, "{name}");
            assert_eq!(count("URL:"), 3, "{name}");
            assert!(lines
                .iter()
                .filter(|l| l.starts_with("URL:"))
                .all(|l| l.starts_with("URL:https://hostile.example/")));
            calendars += 1;
        } else if name.starts_with("data/") && name.ends_with(".csv") {
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let rows = reader
                .records()
                .collect::<Result<Vec<_>, _>>()
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            // data/companies.csv, data/equipment-uniquip.en.csv: one row per record of the kind.
            let stem = name["data/".len()..].split('.').next().unwrap();
            let kind = stem.strip_suffix("-uniquip").unwrap_or(stem);
            assert_eq!(rows.len(), records(kind), "{name}: one row per record");
            let header = reader.headers().unwrap().clone();
            for row in rows.iter().chain([&header]) {
                csv_cells.extend(row.iter().map(|c| (name.clone(), c.to_string())));
            }
            tables += 1;
        } else if name.starts_with("data/") && name.ends_with(".json") {
            let data = serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            if name != "data/index.json" {
                let kind = data["kind"].as_str().unwrap();
                assert_eq!(
                    data["records"].as_array().map(Vec::len),
                    Some(records(kind)),
                    "{name}: one entry per record"
                );
            }
            strings(&data, &mut json_strings);
            tables += 1;
        }
    }
    assert_eq!(records("companies"), v.text.len(), "one company per vector");
    assert_eq!((feeds, calendars), (4, 2));
    assert_eq!(
        entries,
        2 * (records("notices") + records("success-stories"))
    );
    assert!(tables >= 10, "{tables} open data files");
    // No CSV cell can start a formula in a spreadsheet (OWASP: CSV injection):
    // a cell that starts with = + - @ or a tab or CR is a plain number, or has
    // a leading `'`. The formula vectors are in the CSV so, and exact in JSON.
    for (file, cell) in &csv_cells {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            assert!(
                cell.parse::<f64>().is_ok_and(f64::is_finite),
                "{file}: a cell starts a formula: {cell:?}"
            );
        }
    }
    let formulas: Vec<&String> = v
        .text
        .iter()
        .filter(|t| t.starts_with(['=', '+', '-', '@', '\t']))
        .collect();
    assert!(formulas.len() >= 5, "the formula vectors");
    for f in formulas {
        // Text is trimmed when it is read, so the tab vector arrives as `=1+…`
        // (a cell that starts with a tab is neutralized too: src/opendata.rs).
        let f = &f.trim().to_string();
        let quoted = format!("'{f}");
        assert!(
            csv_cells.iter().any(|(_, c)| *c == quoted),
            "{f:?} is not in a CSV cell as {quoted:?}"
        );
        assert!(
            csv_cells.iter().any(|(file, c)| file.contains("uniquip")
                && c.starts_with(['\''])
                && c[1..].starts_with(['=', '+', '-', '@', '\t'])),
            "the Uniquip layout holds a neutralized formula"
        );
        assert!(
            json_strings.contains(f),
            "{f:?} is not in the JSON exports as it was"
        );
    }
}
