//! The pages at the site's root, outside every language.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::site::paths::{absolute, OutputFile};
use crate::site::Site;
use crate::theme::{template_error, Theme};

use super::context::PageCtx;
use super::index::Index;
use super::routes::Job;

/// `/index.html` (the language chooser) and `/404.html` for hosts that serve one.
pub(super) fn root_pages(
    site: &Site,
    theme: &Theme,
    index: &Index,
    problems: &Diagnostics,
) -> Vec<OutputFile> {
    let lang = site.config.default_lang();
    let ctx = PageCtx {
        site,
        theme,
        index,
        lang,
    };
    let l = ctx.localizer();
    let mut out = Vec::new();
    for (template, path) in [("chooser.html", "index.html"), ("404.html", "404.html")] {
        let mut chrome = ctx.chrome(&l, &Job::Home, String::new(), None);
        chrome.canonical = absolute(&site.config.base_url, "");
        let mut tctx = tera::Context::new();
        tctx.insert("page", &chrome);
        tctx.insert("t", ctx.strings());
        tctx.insert("root", &true);
        let strings: BTreeMap<&String, &serde_json::Value> = site
            .languages()
            .iter()
            .map(|l| (l, &theme.strings[l]))
            .collect();
        tctx.insert("all_strings", &strings);
        match theme.tera.render(template, &tctx) {
            Ok(html) => out.push(OutputFile {
                path: PathBuf::from(path),
                bytes: html.into_bytes(),
            }),
            Err(e) => problems.push(Diagnostic::error(
                "render-failed",
                Location::file("themes"),
                format!("rendering /{path} failed: {}", template_error(&e)),
            )),
        }
    }
    out
}
