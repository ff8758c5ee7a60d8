//! Text in one language: a localized value resolved for a page's language, the
//! interface strings, and whether anything fell back to another language.
//!
//! Text carries the language it is really in when it fell back to another one,
//! so the templates can mark it with its own `lang` attribute.

use std::cell::Cell;

use serde::Serialize;

use crate::content::model::{Kind, Localized, Taxonomy};

use super::Site;

#[derive(Serialize, Clone, Debug)]
pub struct Text {
    pub text: String,
    /// Set only when the text is in another language than the page (a fallback).
    pub lang: Option<String>,
}

impl Text {
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            text: text.into(),
            lang: None,
        }
    }
}

/// Resolves localized values for one page language and remembers whether any fell back.
pub struct Localizer<'a> {
    pub site: &'a Site,
    pub lang: &'a str,
    pub strings: &'a serde_json::Value,
    fell_back: Cell<bool>,
}

impl<'a> Localizer<'a> {
    pub fn new(site: &'a Site, lang: &'a str, strings: &'a serde_json::Value) -> Self {
        Localizer {
            site,
            lang,
            strings,
            fell_back: Cell::new(false),
        }
    }

    pub fn default_lang(&self) -> &'a str {
        self.site.config.default_lang()
    }

    pub fn text(&self, value: &Localized) -> Text {
        let r = value.get(self.lang, self.default_lang());
        if r.fallback.is_some() {
            self.fell_back.set(true);
        }
        Text {
            text: r.text.to_string(),
            lang: r.fallback.map(str::to_string),
        }
    }

    pub fn opt(&self, value: &Option<Localized>) -> Option<Text> {
        value.as_ref().map(|v| self.text(v))
    }

    pub fn mark_fallback(&self) {
        self.fell_back.set(true);
    }

    pub fn fell_back(&self) -> bool {
        self.fell_back.get()
    }

    /// An interface string by dotted path (`kind.companies.one`); the path itself if missing.
    pub fn ui(&self, path: &str) -> String {
        self.ui_opt(path).unwrap_or_else(|| path.to_string())
    }

    /// The interface string at `path`, if the theme has one.
    pub fn ui_opt(&self, path: &str) -> Option<String> {
        let mut v = self.strings;
        for part in path.split('.') {
            v = v.get(part)?;
        }
        v.as_str().map(str::to_string)
    }

    /// The name of a kind (its list's title and menu entry).
    pub fn kind_label(&self, kind: Kind) -> String {
        self.ui(&format!("kind.{}", kind.dir()))
    }

    pub fn taxonomy_label(&self, tax: &Taxonomy) -> Text {
        if tax.builtin {
            Text::plain(self.ui(&format!("facet.{}.label", tax.id)))
        } else {
            self.text(&tax.label)
        }
    }

    pub fn term_label(&self, tax: &Taxonomy, key: &str) -> Text {
        if tax.builtin {
            return Text::plain(self.ui(&format!("facet.{}.{key}", tax.id)));
        }
        match tax.term(key) {
            Some(term) => self.text(&term.label),
            None => Text::plain(key),
        }
    }

    /// The words a visitor may type for a term in this language, besides its
    /// label: the site's (`also:` in taxonomies.yaml), then the theme's
    /// (`search.also.<taxonomy>.<term>`).
    pub fn term_also(&self, tax: &Taxonomy, key: &str) -> Vec<String> {
        let site = (tax.term(key).and_then(|t| t.also.as_ref()))
            .filter(|also| also.has(self.lang))
            .map(|also| self.text(also).text);
        let theme = self.ui_opt(&format!("search.also.{}.{key}", tax.id));
        site.into_iter().chain(theme).collect()
    }
}

/// At most `max` characters, cut at a word and marked with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}
