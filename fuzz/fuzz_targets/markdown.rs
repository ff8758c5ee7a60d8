//! Markdown bodies with raw HTML: rendering never panics, and what comes out of
//! the sanitizer can never run a script (no unknown element, no event handler,
//! no `javascript:`/`data:` URL, however the input obfuscates it).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = clusterpress::content::markdown::to_html(text, &clusterpress_fuzz::resolve);
    clusterpress_fuzz::check_safe_html(&html);
    let _ = clusterpress::content::markdown::to_text(text);
});
