//! `bench compare`: clusterpress against Hugo + the Pagefind CLI on the same
//! records, side by side in one run, as a Markdown table.
//!
//! For each size it generates the site (`bench gen`) and the equivalent Hugo
//! site (see `hugo.rs`) unless they are there already, then runs each build
//! into a fresh folder and measures its wall time, CPU time and peak memory
//! (from `wait4`, so a program's children count too), and what it wrote.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// One program run: what it took and what it printed.
struct Run {
    wall: f64,
    cpu: f64,
    max_rss_kb: u64,
    stderr: String,
}

/// Files and bytes under a folder.
#[derive(Default, Clone, Copy)]
struct Size {
    files: u64,
    bytes: u64,
}

#[derive(Clone)]
pub struct Setup {
    pub dir: PathBuf,
    pub records: Vec<usize>,
    pub runs: usize,
    pub clusterpress: PathBuf,
    pub hugo: PathBuf,
    pub pagefind: PathBuf,
}

pub fn compare(setup: &Setup) -> Result<()> {
    std::fs::create_dir_all(&setup.dir)?;
    // Absolute, since Hugo takes a relative --destination as relative to --source.
    let dir = std::fs::canonicalize(&setup.dir)?;
    let setup = &Setup {
        dir,
        ..setup.clone()
    };
    println!("machine: {}", machine());
    for &n in &setup.records {
        let site = setup.dir.join(n.to_string());
        let hugo_site = setup.dir.join(format!("{n}-hugo"));
        if !site.join("site.yaml").exists() {
            crate::gen::generate_site(&site, n)?;
        }
        for (dir, plain) in [(&hugo_site, false), (&plain_site(&hugo_site), true)] {
            if !dir.join("hugo.json").exists() {
                eprintln!("writing the Hugo site {}", dir.display());
                crate::hugo::write(&site, dir, plain)?;
            }
        }
        for run in 1..=setup.runs {
            measure(setup, n, run, &site, &hugo_site)?;
        }
    }
    Ok(())
}

/// The plain Hugo site beside `hugo_site`: the visible text only (hugo.rs).
fn plain_site(hugo_site: &Path) -> PathBuf {
    hugo_site.with_file_name(format!(
        "{}-plain",
        hugo_site.file_name().unwrap_or_default().to_string_lossy()
    ))
}

fn measure(setup: &Setup, n: usize, run: usize, site: &Path, hugo_site: &Path) -> Result<()> {
    let out = setup.dir.join(format!("{n}-out"));
    let (cp_out, hugo_out) = (out.join("clusterpress"), out.join("hugo"));
    let plain_out = out.join("hugo-plain");
    for dir in [&cp_out, &hugo_out, &plain_out] {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
    }
    let load_before = load();
    let cp = run_timed(
        Command::new(&setup.clusterpress)
            .args(["build", "--timings", "--root"])
            .arg(site)
            .arg("--out")
            .arg(&cp_out),
    )?;
    let stages = stages(&cp.stderr);
    let hugo = run_timed(
        Command::new(&setup.hugo)
            .args(["--minify", "--quiet", "--source"])
            .arg(hugo_site)
            .arg("--destination")
            .arg(&hugo_out),
    )?;
    let pagefind = run_timed(Command::new(&setup.pagefind).arg("--site").arg(&hugo_out))?;
    let plain_hugo = run_timed(
        Command::new(&setup.hugo)
            .args(["--minify", "--quiet", "--source"])
            .arg(plain_site(hugo_site))
            .arg("--destination")
            .arg(&plain_out),
    )?;
    let plain_pagefind = run_timed(Command::new(&setup.pagefind).arg("--site").arg(&plain_out))?;
    let load_after = load();
    let (plain_size, plain_index) = (size(&plain_out), size(&plain_out.join("pagefind")));
    let (cp_size, cp_index) = (size(&cp_out), size(&cp_out.join("pagefind")));
    let (hugo_size, hugo_index) = (size(&hugo_out), size(&hugo_out.join("pagefind")));

    let stage = |name: &str| stages.iter().find(|(s, _)| s == name).map(|(_, t)| *t);
    let index = stage("index").unwrap_or(0.0);
    let write = stage("write").unwrap_or(0.0) + stage("finish").unwrap_or(0.0);
    // Everything the build does besides the index itself, as the main thread measured it.
    let not_index: f64 = stages
        .iter()
        .filter(|(s, _)| s != "index")
        .map(|(_, t)| t)
        .sum();
    let both = Run {
        wall: hugo.wall + pagefind.wall,
        cpu: hugo.cpu + pagefind.cpu,
        max_rss_kb: hugo.max_rss_kb.max(pagefind.max_rss_kb),
        stderr: String::new(),
    };
    let plain = Run {
        wall: plain_hugo.wall + plain_pagefind.wall,
        cpu: plain_hugo.cpu + plain_pagefind.cpu,
        max_rss_kb: plain_hugo.max_rss_kb.max(plain_pagefind.max_rss_kb),
        stderr: String::new(),
    };

    println!();
    println!(
        "### {n} records × 2 languages, run {run} (load average {load_before} before, {load_after} after)"
    );
    println!();
    println!("| | clusterpress | Hugo | Pagefind CLI | Hugo + Pagefind | clusterpress ÷ (Hugo + Pagefind) | plain Hugo + Pagefind | clusterpress ÷ plain |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let row = |name: &str, f: &dyn Fn(&Run) -> f64, unit: &dyn Fn(f64) -> String| {
        println!(
            "| {name} | {} | {} | {} | {} | {:.2} | {} | {:.2} |",
            unit(f(&cp)),
            unit(f(&hugo)),
            unit(f(&pagefind)),
            unit(f(&both)),
            f(&cp) / f(&both),
            unit(f(&plain)),
            f(&cp) / f(&plain)
        );
    };
    row("wall time", &|r| r.wall, &secs);
    row("CPU time (user + system)", &|r| r.cpu, &secs);
    row(
        "peak memory (RSS)",
        &|r| r.max_rss_kb as f64 * 1024.0,
        &bytes,
    );
    let sizes = |name: &str,
                 [cp, hugo, plain]: [Size; 3],
                 f: &dyn Fn(Size) -> f64,
                 unit: &dyn Fn(f64) -> String| {
        println!(
            "| {name} | {} | {} | | {} | {:.2} | {} | {:.2} |",
            unit(f(cp)),
            unit(f(hugo)),
            unit(f(hugo)),
            f(cp) / f(hugo),
            unit(f(plain)),
            f(cp) / f(plain)
        );
    };
    let (all, indexes) = (
        [cp_size, hugo_size, plain_size],
        [cp_index, hugo_index, plain_index],
    );
    sizes("files written", all, &|s| s.files as f64, &count);
    sizes("output size", all, &|s| s.bytes as f64, &bytes);
    sizes("search index files", indexes, &|s| s.files as f64, &count);
    sizes("search index size", indexes, &|s| s.bytes as f64, &bytes);
    println!();
    println!(
        "clusterpress stages (s): {}",
        stages
            .iter()
            .map(|(s, t)| format!("{s} {t:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "- clusterpress ÷ (Hugo + Pagefind), wall time: {:.2}; ÷ plain Hugo + Pagefind: {:.2} (target ≤ 1)",
        cp.wall / both.wall,
        cp.wall / plain.wall
    );
    println!(
        "- clusterpress without its index (every stage but index, {}) ÷ Hugo: {:.2} (target ≤ 0.3)",
        secs(not_index),
        not_index / hugo.wall
    );
    println!(
        "- floor, max(index {}, writing pages and index {}) = {}; the build took {:.2}× that",
        secs(index),
        secs(write),
        secs(index.max(write)),
        cp.wall / index.max(write)
    );
    Ok(())
}

/// Run a command to its end, with its wall time and its (and its children's) CPU time and peak RSS.
fn run_timed(command: &mut Command) -> Result<Run> {
    let shown = format!("{command:?}");
    // Write out what the previous step left in the page cache (a generated
    // site, another program's output), so that its writeback is not timed here.
    // SAFETY: sync takes no arguments.
    unsafe { libc::sync() };
    let started = Instant::now();
    let child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {shown}"))?;
    let pid = child.id() as libc::pid_t;
    // Read stderr on a thread so that a chatty program cannot fill the pipe and stall.
    let mut err = child.stderr.context("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let mut status = 0;
    // SAFETY: rusage is plain data, filled in by wait4 for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed().as_secs_f64();
    if rc != pid {
        bail!("waiting for {shown}: {}", std::io::Error::last_os_error());
    }
    let stderr = reader.join().unwrap_or_default();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        bail!("{shown} failed:\n{stderr}");
    }
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss as u64,
        stderr,
    })
}

/// The stage timings `clusterpress build --timings` prints (`  render   1234.5 ms`), in seconds.
fn stages(stderr: &str) -> Vec<(String, f64)> {
    stderr
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (name, value, unit) = (parts.next()?, parts.next()?, parts.next()?);
            (unit == "ms" && l.starts_with("  ")).then_some(())?;
            Some((name.to_string(), value.parse::<f64>().ok()? / 1000.0))
        })
        .collect()
}

fn size(dir: &Path) -> Size {
    let mut total = Size::default();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            total.files += 1;
            total.bytes += entry.metadata().map_or(0, |m| m.len());
        }
    }
    total
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(String::new(), |kb| {
            format!("{:.1} GiB", kb / 1024.0 / 1024.0)
        });
    format!("{cores} cores ({cpu}), {mem}")
}

fn secs(s: f64) -> String {
    format!("{s:.2} s")
}

fn bytes(b: f64) -> String {
    if b >= 1024.0 * 1024.0 * 1024.0 {
        format!("{:.2} GiB", b / 1024.0 / 1024.0 / 1024.0)
    } else {
        format!("{:.0} MiB", b / 1024.0 / 1024.0)
    }
}

/// 63838 → `63,838`.
fn count(n: f64) -> String {
    let digits = (n as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
