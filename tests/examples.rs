//! The CI examples in `examples/` must keep working: every `clusterpress …`
//! line of their shell steps is run here, as written, against the `small`
//! fixture site. No network is used; CI variables get test values.

mod common;

use std::path::{Path, PathBuf};

use common::{attrs, broken_links, run_in, Site};

const GITHUB: &str = include_str!("../examples/github-actions/clusterpress.yml");
const GITLAB: &str = include_str!("../examples/gitlab-ci/.gitlab-ci.yml");

/// Test values for the CI variables the examples use. A variable that is not
/// listed here fails the test, so that a new one gets a value on purpose.
const GITHUB_EXPRESSIONS: &[(&str, &str)] = &[(
    "steps.pages.outputs.base_url",
    "https://example.github.io/site",
)];
const SHELL_VARIABLES: &[(&str, &str)] = &[("CI_PAGES_URL", "https://example.gitlab.io/site")];

/// Keys whose value is shell: GitHub's `run:`, GitLab's script lists.
const SHELL_KEYS: &[&str] = &["run", "script", "before_script", "after_script"];

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// A line without its leading `- ` list markers, and the indentation of what remains.
fn content_of(line: &str) -> (usize, &str) {
    let mut indent = indent_of(line);
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix("- ") {
        indent += 2 + indent_of(after);
        rest = after.trim_start();
    }
    (indent, rest)
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

fn is_block_indicator(s: &str) -> bool {
    matches!(s, "|" | "|-" | "|+" | ">" | ">-" | ">+")
}

/// Every shell line of a workflow file, with its line number: the values of
/// `run:` (inline or as a `|` block) and the items of `script:` lists
/// (inline, or `- |` blocks). Comments and blank lines are left out.
fn shell_lines(yaml: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (indent, content) = content_of(lines[i]);
        let key = SHELL_KEYS
            .iter()
            .find(|k| content.starts_with(&format!("{k}:")));
        let Some(key) = key else {
            i += 1;
            continue;
        };
        let value = content[key.len() + 1..].trim();
        i += 1;
        if !value.is_empty() && !is_block_indicator(value) {
            out.push((i, unquote(value).to_string()));
            continue;
        }
        // The block: every following line indented more than the key.
        while i < lines.len() {
            let line = lines[i];
            if !line.trim().is_empty() && indent_of(line) <= indent {
                break;
            }
            let (_, text) = content_of(line);
            let text = unquote(text);
            if !text.is_empty() && !text.starts_with('#') && !is_block_indicator(text) {
                out.push((i + 1, text.to_string()));
            }
            i += 1;
        }
    }
    out
}

/// The shell lines that run clusterpress.
fn clusterpress_lines(yaml: &str, file: &str) -> Vec<(usize, String)> {
    let mut commands = Vec::new();
    for (n, line) in shell_lines(yaml) {
        if line.starts_with("clusterpress ") {
            commands.push((n, line));
            continue;
        }
        // A clusterpress command hidden inside another shell line would not be run here.
        for sub in ["build", "check", "new", "schema"] {
            assert!(
                !line.contains(&format!("clusterpress {sub}")),
                "{file}:{n}: put the clusterpress command on a line of its own: {line}"
            );
        }
    }
    commands
}

/// Replace `${{ expr }}`, `$NAME` and `${NAME}` with their test values.
fn substitute(line: &str, file: &str, n: usize) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, len, table) = if let Some(expr) = after.strip_prefix("{{") {
            let end = expr
                .find("}}")
                .unwrap_or_else(|| panic!("{file}:{n}: unclosed ${{{{ in {line}"));
            (expr[..end].trim(), 2 + end + 2, GITHUB_EXPRESSIONS)
        } else if let Some(braced) = after.strip_prefix('{') {
            let end = braced
                .find('}')
                .unwrap_or_else(|| panic!("{file}:{n}: unclosed ${{ in {line}"));
            (&braced[..end], 1 + end + 1, SHELL_VARIABLES)
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], end, SHELL_VARIABLES)
        };
        let value = table
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| {
                panic!("{file}:{n}: `{name}` has no test value in tests/examples.rs: {line}")
            });
        out.push_str(value);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// One clusterpress command, ready to run.
#[derive(Debug)]
struct Command {
    /// Where it comes from, for messages: `file:line`.
    at: String,
    /// As written in the workflow.
    raw: String,
    /// The arguments after `clusterpress`.
    args: Vec<String>,
    /// `> FILE`: where its output is saved.
    stdout_to: Option<String>,
}

fn parse(file: &str, n: usize, raw: &str) -> Command {
    let at = format!("{file}:{n}");
    // A shell comment at the end of the line is not part of the command.
    let line = raw.split(" #").next().unwrap();
    let line = substitute(line, file, n);
    let mut words = line.split_whitespace().map(|w| w.replace(['"', '\''], ""));
    assert_eq!(words.next().as_deref(), Some("clusterpress"), "{at}");
    let mut args = Vec::new();
    let mut stdout_to = None;
    while let Some(word) = words.next() {
        match word.as_str() {
            ">" => {
                stdout_to = Some(
                    words
                        .next()
                        .unwrap_or_else(|| panic!("{at}: `>` and no file")),
                )
            }
            // `|| true`: carry on after a failure. The fixture has no errors,
            // so the command must succeed all the same.
            "||" => {
                assert_eq!(
                    words.next().as_deref(),
                    Some("true"),
                    "{at}: only `|| true` is understood"
                );
                assert!(words.next().is_none(), "{at}: nothing may follow `|| true`");
            }
            w if w.contains(['|', '&', ';', '<', '>', '`', '(', ')']) => {
                panic!("{at}: keep clusterpress lines simple (no `{w}`): {raw}")
            }
            _ => args.push(word),
        }
    }
    Command {
        at,
        raw: raw.to_string(),
        args,
        stdout_to,
    }
}

fn commands(yaml: &str, file: &str) -> Vec<Command> {
    let commands: Vec<Command> = clusterpress_lines(yaml, file)
        .into_iter()
        .map(|(n, line)| parse(file, n, &line))
        .collect();
    assert!(
        !commands.is_empty(),
        "{file}: no clusterpress command found"
    );
    commands
}

fn value_of<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .map(|i| args.get(i + 1).expect("flag without value").as_str())
}

/// The path part of a URL, starting and ending with `/`.
fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

/// The fixture's own base_url, used when a build does not pass `--base-url`.
fn fixture_base_url(root: &Path) -> String {
    let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    config
        .lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .map(|v| unquote(v).to_string())
        .expect("site.yaml has a base_url line")
}

/// Run every command in order on one copy of the fixture site, as a CI job would.
fn run_all(commands: &[Command]) {
    let site = Site::new("small", &[]);
    for cmd in commands {
        let args: Vec<&str> = cmd.args.iter().map(String::as_str).collect();
        let out = run_in(site.root(), &args);
        assert!(
            out.status.success(),
            "{}: `{}` failed ({}):\n{}\n{}",
            cmd.at,
            cmd.raw,
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(file) = &cmd.stdout_to {
            let path = site.root().join(file);
            std::fs::write(&path, &out.stdout).unwrap();
            if file.ends_with(".json") {
                let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
                assert!(
                    parsed.is_ok_and(|v| v.is_array()),
                    "{}: {file} is not a JSON list: {}",
                    cmd.at,
                    String::from_utf8_lossy(&out.stdout)
                );
            }
        }
        if args.contains(&"--format") && value_of(&cmd.args, "--format") == Some("github") {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(!stdout.contains("::error"), "{}: {stdout}", cmd.at);
        }
        if args.first() == Some(&"build") {
            check_build(&site, cmd);
        }
    }
}

fn check_build(site: &Site, cmd: &Command) {
    let out: PathBuf = value_of(&cmd.args, "--out")
        .map(|o| site.root().join(o))
        .unwrap_or_else(|| site.out());
    let index = out.join("index.html");
    assert!(index.is_file(), "{}: no {}", cmd.at, index.display());
    let base_url = value_of(&cmd.args, "--base-url")
        .map(str::to_string)
        .unwrap_or_else(|| fixture_base_url(site.root()));
    let base = path_of(&base_url);
    let html = std::fs::read_to_string(&index).unwrap();
    let canonical = attrs(&html, "link[rel=canonical]", "href");
    assert_eq!(
        canonical,
        vec![format!("{}/", base_url.trim_end_matches('/'))],
        "{}: the chooser's canonical address",
        cmd.at
    );
    let links: Vec<String> = attrs(
        &html,
        "a[href], link[rel=stylesheet], link[rel=icon]",
        "href",
    )
    .into_iter()
    .chain(attrs(&html, "script[src]", "src"))
    .collect();
    assert!(!links.is_empty(), "{}: index.html has no links", cmd.at);
    for link in &links {
        assert!(
            link.starts_with(&base),
            "{}: {link} is not under {base}",
            cmd.at
        );
    }
    let broken = broken_links(&out, &base);
    assert!(
        broken.is_empty(),
        "{}: broken links:\n{}",
        cmd.at,
        broken.join("\n")
    );
}

#[test]
fn the_github_workflow_runs() {
    let file = "examples/github-actions/clusterpress.yml";
    let commands = commands(GITHUB, file);
    assert!(
        commands.iter().any(|c| c.args.starts_with(&[
            "check".into(),
            "--format".into(),
            "github".into()
        ])),
        "{file}: no `clusterpress check --format github`: {commands:#?}"
    );
    assert!(
        commands
            .iter()
            .any(|c| c.args.first().is_some_and(|a| a == "build")
                && c.raw.contains("${{ steps.pages.outputs.base_url }}")),
        "{file}: no build with the Pages address: {commands:#?}"
    );
    assert!(
        GITHUB.contains("SOURCE_DATE_EPOCH"),
        "{file}: no SOURCE_DATE_EPOCH"
    );
    for action in [
        "actions/checkout@",
        "actions/cache@",
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ] {
        assert!(GITHUB.contains(action), "{file}: no {action}");
    }
    run_all(&commands);
}

#[test]
fn the_gitlab_pipeline_runs() {
    let file = "examples/gitlab-ci/.gitlab-ci.yml";
    let commands = commands(GITLAB, file);
    assert!(
        commands
            .iter()
            .any(|c| c.args.starts_with(&["check".into()])
                && value_of(&c.args, "--format") == Some("json")
                && c.stdout_to.is_some()),
        "{file}: no `clusterpress check --format json > FILE`: {commands:#?}"
    );
    assert!(
        commands.iter().any(
            |c| c.args.first().is_some_and(|a| a == "build") && c.raw.contains("$CI_PAGES_URL")
        ),
        "{file}: no build with the Pages address: {commands:#?}"
    );
    assert!(
        GITLAB.contains("SOURCE_DATE_EPOCH"),
        "{file}: no SOURCE_DATE_EPOCH"
    );
    run_all(&commands);
}

#[test]
fn shell_lines_come_from_run_and_script_keys_only() {
    let yaml = r#"
name: clusterpress build
steps:
  - name: one
    run: clusterpress check --format github
  - run: |
      # clusterpress build in a comment
      echo hi
      clusterpress build --base-url "${{ steps.pages.outputs.base_url }}/"
    env:
      X: clusterpress schema
job:
  script:
    - clusterpress check --format json > out.json || true
    - |
      clusterpress build
  artifacts:
    paths: [public]
"#;
    let lines: Vec<String> = shell_lines(yaml).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        lines,
        vec![
            "clusterpress check --format github",
            "echo hi",
            "clusterpress build --base-url \"${{ steps.pages.outputs.base_url }}/\"",
            "clusterpress check --format json > out.json || true",
            "clusterpress build",
        ]
    );
    let cmd = parse("t", 1, &lines[2]);
    assert_eq!(
        cmd.args,
        vec!["build", "--base-url", "https://example.github.io/site/"]
    );
    let cmd = parse("t", 1, &lines[3]);
    assert_eq!(cmd.args, vec!["check", "--format", "json"]);
    assert_eq!(cmd.stdout_to.as_deref(), Some("out.json"));
    assert_eq!(
        substitute("x $CI_PAGES_URL/ ${CI_PAGES_URL}", "t", 1),
        "x https://example.gitlab.io/site/ https://example.gitlab.io/site"
    );
    assert_eq!(path_of("https://example.gitlab.io/site//"), "/site/");
}

#[test]
fn the_upload_script_only_prints_its_usage_without_arguments() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/upload-to-cdn.sh");
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        syntax.status.success(),
        "{}",
        String::from_utf8_lossy(&syntax.stderr)
    );
    // Stand-ins for the upload tools, found first on PATH: each leaves a mark if run.
    let tools = tempfile::tempdir().unwrap();
    let mark = tools.path().join("ran");
    for tool in ["aws", "rclone", "wrangler", "netlify", "npx"] {
        let path = tools.path().join(tool);
        std::fs::write(
            &path,
            format!("#!/bin/sh\necho {tool} >> '{}'\n", mark.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        tools.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let site = Site::new("small", &[]);
    site.build(&[]);
    let before = common::snapshot(site.root());
    for args in [&[][..], &["--help"][..]] {
        let out = std::process::Command::new("bash")
            .arg(&script)
            .args(args)
            .current_dir(site.root())
            .env("PATH", &path)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = if args.is_empty() { 2 } else { 0 };
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {text}");
        assert!(text.to_lowercase().contains("usage"), "{args:?}: {text}");
    }
    assert!(!mark.exists(), "an upload tool was run");
    assert!(
        common::snapshot(site.root()) == before,
        "the script changed files"
    );
}
