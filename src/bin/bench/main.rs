//! The benchmark: `cargo run --release --bin bench -- gen --records N --out DIR`
//! writes a synthetic site; `run` (see docs/PERFORMANCE.md) times builds of it.

mod gen;
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
        _ => bail!("usage: bench gen --records N [--out DIR]"),
    }
}
