//! Edit-to-reload time of `clusterpress serve`: start it on a site, hold the
//! event stream a browser tab holds, edit a record, and time until the tab is
//! told to reload. Prints each time and the median.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

pub fn measure(binary: &Path, site: &Path, record: &Path, rounds: usize) -> Result<Vec<f64>> {
    let mut child = Command::new(binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot start clusterpress serve")?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().context("no stdout")?).read_line(&mut line)?;
    let address = line
        .trim()
        .rsplit("http://")
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string();
    let mut stream =
        TcpStream::connect(&address).with_context(|| format!("cannot connect to {address}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    write!(
        stream,
        "GET /__clusterpress/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )?;
    let mut events = BufReader::new(stream);
    let original = std::fs::read_to_string(record)?;
    wait_for(&mut events, "ready")?;
    let mut times = Vec::new();
    for round in 0..rounds {
        let started = Instant::now();
        std::fs::write(record, format!("{original}\nEdit {round}.\n"))?;
        wait_for(&mut events, "reload")?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(record, original)?;
    let _ = child.kill();
    let _ = child.wait();
    Ok(times)
}

fn wait_for(events: &mut BufReader<TcpStream>, name: &str) -> Result<()> {
    let wanted = format!("event: {name}");
    loop {
        let mut line = String::new();
        if events.read_line(&mut line)? == 0 {
            bail!("the event stream closed");
        }
        if line.trim_end() == wanted {
            return Ok(());
        }
    }
}
