//! The files the `site` fuzz target writes its NUL-separated parts to, after
//! content/taxonomies.yaml. Shared with tests/fuzz_regressions.rs (`#[path]`),
//! which replays the saved inputs the same way.

pub const SITE_FILES: &[&str] = &[
    "content/companies/alpha.md",
    "content/companies/alpha.en.md",
    "content/institutions/uni.md",
    "content/equipment/eq-1.yaml",
    "content/research-themes/rt-1.md",
    "content/success-stories/story.md",
    "content/coordinators/coord.yaml",
    "content/companies/beta.yaml",
    "site.yaml",
    "content/notices/n-1.md",
    "content/pages/about.md",
];
