//! The benchmark: `cargo run --release --bin bench -- gen --records N --out DIR`
//! writes a synthetic site; `run` (see docs/PERFORMANCE.md) times builds of it.

mod gen;
mod reload;
mod words;

use std::path::PathBuf;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    match args.first().map(String::as_str) {
        Some("gen") => {
            let n: usize = get("--records").unwrap_or_else(|| "1000".into()).parse()?;
            let out = PathBuf::from(get("--out").unwrap_or_else(|| format!("bench/sites/{n}")));
            if out.exists() {
                bail!("{} exists; remove it first", out.display());
            }
            let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let texts = gen::generate(&out, n, &repo)?;
            std::fs::write(out.join("texts.json"), serde_json::to_string(&texts)?)?;
            eprintln!(
                "generated {} records into {}",
                texts.len() / 2,
                out.display()
            );
            Ok(())
        }
        Some("reload") => {
            let site = PathBuf::from(get("--site").unwrap_or_else(|| ".".into()));
            let record = PathBuf::from(get("--record").unwrap_or_else(|| "content/companies/hanbit-precision.md".into()));
            let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/clusterpress");
            let mut times = reload::measure(&binary, &site, &site.join(&record), 7)?;
            println!("edit-to-reload (ms): {}", times.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(" "));
            times.sort_by(f64::total_cmp);
            println!("median {:.0} ms, max {:.0} ms", times[times.len() / 2], times[times.len() - 1]);
            Ok(())
        }
        _ => bail!("usage: bench gen --records N [--out DIR] | bench reload --site DIR --record content/<kind>/<file>"),
    }
}
