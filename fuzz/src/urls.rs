//! Which URLs a page may hold. Shared with tests/hostile.rs (`#[path]`).

/// Whether a URL, as a browser reads it, is http(s), mailto, tel or relative
/// to the page (so on the site).
pub fn inert_url(value: &str) -> bool {
    // Browsers drop leading and trailing C0 controls and spaces, and every tab and newline.
    let url: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // A scheme is a letter, then letters, digits, `+`, `-` or `.`, before a `:`;
    // anything else (`%20javascript:…`) is a path relative to the page.
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    match scheme {
        Some(s) => matches!(
            s.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel"
        ),
        None => true,
    }
}
