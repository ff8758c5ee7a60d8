//! For search engines and browsers: `sitemap.xml` with every page and its
//! language alternates, `robots.txt`, and the web app manifest.

use std::path::PathBuf;

use quick_xml::escape::escape;

use crate::site::paths::{Address, OutputFile};
use crate::site::Site;

/// A sitemap file may list at most this many addresses (sitemaps.org).
const MAX_URLS: usize = 50_000;

pub fn files(site: &Site, entries: &[Address]) -> Vec<OutputFile> {
    if site.staff {
        // The staff edition is for staff: no sitemap, and nothing for robots to index.
        let robots = "User-agent: *\nDisallow: /\n".to_string();
        return vec![
            file("robots.txt", robots),
            file("manifest.webmanifest", manifest(site)),
        ];
    }
    let base = site.config.base_url.trim_end_matches('/');
    let abs = |p: &str| format!("{base}/{p}");
    let langs = site.languages();
    let mut urls: Vec<String> = Vec::new();
    for e in entries {
        let alternates: String = langs
            .iter()
            .zip(&e.paths)
            .map(|(l, p)| {
                format!(
                    r#"<xhtml:link rel="alternate" hreflang="{l}" href="{}"/>"#,
                    escape(abs(p).as_str())
                )
            })
            .chain(std::iter::once(format!(
                r#"<xhtml:link rel="alternate" hreflang="x-default" href="{}"/>"#,
                escape(abs("").as_str())
            )))
            .collect();
        let lastmod = e
            .lastmod
            .as_ref()
            .map(|d| format!("<lastmod>{d}</lastmod>"))
            .unwrap_or_default();
        for p in &e.paths {
            urls.push(format!(
                "<url><loc>{}</loc>{lastmod}{alternates}</url>\n",
                escape(abs(p).as_str())
            ));
        }
    }
    let mut out = Vec::new();
    let chunks: Vec<&[String]> = urls.chunks(MAX_URLS).collect();
    let urlset = |chunk: &[String]| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{}</urlset>\n",
            chunk.concat()
        )
    };
    if chunks.len() <= 1 {
        out.push(file(
            "sitemap.xml",
            urlset(chunks.first().copied().unwrap_or(&[])),
        ));
    } else {
        // Too many for one file: an index of numbered sitemaps.
        let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (i, chunk) in chunks.iter().enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            index.push_str(&format!(
                "<sitemap><loc>{}</loc></sitemap>\n",
                escape(abs(&name).as_str())
            ));
            out.push(file(&name, urlset(chunk)));
        }
        index.push_str("</sitemapindex>\n");
        out.push(file("sitemap.xml", index));
    }
    out.push(file(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            abs("sitemap.xml")
        ),
    ));
    out.push(file("manifest.webmanifest", manifest(site)));
    out
}

fn manifest(site: &Site) -> String {
    let lang = site.config.default_lang();
    let name = site.config.title.get(lang, lang).text;
    let base = site.config.base_path();
    let mut m = serde_json::json!({
        "name": name,
        "short_name": name,
        "lang": lang,
        "start_url": base,
        "scope": base,
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#12263f",
        "icons": [
            { "src": format!("{base}static/favicon.svg"), "type": "image/svg+xml", "sizes": "any" },
            { "src": format!("{base}static/icon-192.png"), "type": "image/png", "sizes": "192x192" },
            { "src": format!("{base}static/icon-512.png"), "type": "image/png", "sizes": "512x512" }
        ],
    });
    if let Some(d) = &site.config.description {
        m["description"] = serde_json::json!(d.get(lang, lang).text);
    }
    serde_json::to_string_pretty(&m).unwrap_or_default() + "\n"
}

fn file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: PathBuf::from(path),
        bytes: text.into_bytes(),
    }
}
