//! A record file as staff write it: the input is a company's `.md` file (front
//! matter and body); bytes after the first NUL, if any, are its English
//! translation `.en.md`. The record is read as `serve` reads an edited one
//! (src/content/load/: size check, BOM/CRLF/NFC, front matter split, YAML, fields,
//! translation), then its body is rendered. No panic; every problem points
//! inside the file it names.
#![no_main]

use std::sync::OnceLock;

use clusterpress::diagnostic::Diagnostics;
use clusterpress::content::load::{self, Loaded};
use clusterpress::content::model::{Kind, RecordId};
use clusterpress_fuzz::{check_positions, Scratch};
use libfuzzer_sys::fuzz_target;

struct Base {
    scratch: Scratch,
    loaded: Loaded,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let scratch = Scratch::new();
        let problems = Diagnostics::new();
        let loaded = load::load(scratch.root(), &problems).expect("the scratch site loads");
        Base { scratch, loaded }
    })
}

fuzz_target!(|data: &[u8]| {
    let b = base();
    let (main, translation) = match data.iter().position(|&c| c == 0) {
        Some(n) => (&data[..n], Some(&data[n + 1..])),
        None => (data, None),
    };
    b.scratch.write("content/companies/fuzz.md", main);
    match translation {
        Some(t) => b.scratch.write("content/companies/fuzz.en.md", t),
        None => b.scratch.remove("content/companies/fuzz.en.md"),
    }
    let id = RecordId {
        kind: Kind::Companies,
        slug: "fuzz".into(),
    };
    let (record, problems) =
        load::reload_record(b.scratch.root(), &b.loaded.config, &b.loaded.taxonomies, &id);
    check_positions(b.scratch.root(), &problems);
    if let Some(record) = record {
        for body in record.body.values() {
            clusterpress_fuzz::check_safe_html(&clusterpress::content::markdown::to_html(body, &clusterpress_fuzz::resolve));
        }
    }
});
