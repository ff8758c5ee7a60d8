//! The benchmark (see docs/PERFORMANCE.md):
//! - `gen --records N [--kartes K] --out DIR` writes a synthetic site of N
//!   records (and K kartes in DIR/internal/, for the staff edition);
//! - `hugo --site DIR --out DIR` writes the same site for Hugo + the Pagefind CLI;
//! - `compare --records N[,N…]` builds both ways side by side and prints a table;
//! - `reload` times the preview's edit-to-reload.

mod compare;
mod gen;
mod hugo;
mod reload;
mod words;

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

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
            let kartes: usize = get("--kartes").unwrap_or_else(|| "0".into()).parse()?;
            let out = PathBuf::from(get("--out").unwrap_or_else(|| format!("bench/sites/{n}")));
            if out.exists() {
                bail!("{} exists; remove it first", out.display());
            }
            gen::generate_site(&out, n)?;
            if kartes > 0 {
                gen::generate_kartes(&out.join("internal"), kartes, n, &out)?;
            }
            Ok(())
        }
        Some("hugo") => {
            let site = PathBuf::from(get("--site").context("--site DIR is required")?);
            let out = PathBuf::from(get("--out").context("--out DIR is required")?);
            if out.exists() {
                bail!("{} exists; remove it first", out.display());
            }
            let plain = args.iter().any(|a| a == "--plain");
            let pages = hugo::write(&site, &out, plain)?;
            eprintln!("wrote {pages} Hugo pages into {}", out.display());
            Ok(())
        }
        Some("compare") => {
            let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let records = get("--records")
                .unwrap_or_else(|| "1000".into())
                .split(',')
                .map(|n| n.trim().parse::<usize>())
                .collect::<Result<Vec<_>, _>>()?;
            let bin_dir = std::env::current_exe()?
                .parent()
                .context("the bench binary has no folder")?
                .to_path_buf();
            compare::compare(&compare::Setup {
                dir: PathBuf::from(get("--dir").unwrap_or_else(|| "bench/sites".into())),
                records,
                runs: get("--runs").unwrap_or_else(|| "1".into()).parse()?,
                clusterpress: get("--clusterpress")
                    .map_or_else(|| bin_dir.join("clusterpress"), PathBuf::from),
                hugo: PathBuf::from(get("--hugo").unwrap_or_else(|| "hugo".into())),
                pagefind: PathBuf::from(get("--pagefind").unwrap_or_else(|| {
                    repo.join("bench/node_modules/.bin/pagefind")
                        .to_string_lossy()
                        .into_owned()
                })),
            })
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
        _ => bail!("usage: bench gen --records N [--kartes K] [--out DIR] | bench hugo --site DIR --out DIR [--plain] | bench compare [--records N[,N…]] [--runs R] [--dir DIR] [--clusterpress PATH] [--hugo PATH] [--pagefind PATH] | bench reload --site DIR --record content/<kind>/<file>"),
    }
}
