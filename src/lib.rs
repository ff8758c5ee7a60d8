//! clusterpress: the public directory of an industrial cluster, built from YAML
//! and Markdown records into a static, multilingual site.
//!
//! Data flows one way: [`load`] → [`validate`] → [`render`] → [`output`];
//! [`build`] is the recipe that runs them.

pub mod build;
pub mod cli;
pub mod collate;
pub mod config;
pub mod diagnostic;
pub mod feeds;
pub mod fields;
pub mod hangul;
pub mod history;
pub mod images;
pub mod init;
pub mod jsonld;
pub mod kinds;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod matching;
pub mod model;
pub mod opendata;
pub mod output;
pub mod pages;
pub mod read;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod theme;
pub mod validate;
pub mod view;
pub mod yaml;
