//! Content: reading the site's files into typed records. [`load`] reads
//! `site.yaml` ([`config`]), the taxonomies and every record file, through
//! [`yaml`] (a tree with positions) and [`read`] (typed values, each problem
//! reported where it is), by the field table of each kind ([`fields`],
//! [`kinds`]) into the domain types of [`model`]. [`markdown`] turns bodies
//! into safe HTML and text; [`history`] dates records from git.

pub mod config;
pub mod fields;
pub mod history;
pub mod kinds;
pub mod load;
pub mod markdown;
pub mod model;
pub mod read;
pub mod yaml;
