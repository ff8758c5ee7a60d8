//! clusterpress: the public directory of an industrial cluster, built from YAML
//! and Markdown records into a static, multilingual site.
//!
//! Data flows one way, a folder per stage (see ARCHITECTURE.md):
//! [`content`] (load) → [`site`] (validate, link, match) → [`render`] (pages)
//! beside [`publish`] (search index, feeds, open data, sitemap) → [`write`].
//! [`build`] is the recipe that runs them; [`commands`] are what staff type.
//! [`diagnostic`], [`progress`], [`text`] and [`theme`] are used by the stages.

pub mod build;
pub mod commands;
pub mod content;
pub mod diagnostic;
pub mod progress;
pub mod publish;
pub mod render;
pub mod site;
pub mod text;
pub mod theme;
pub mod write;
