//! `clusterpress init [DIR]`: start a new site, as `hugo new site`, `zola init`
//! and `mdbook init` do. It asks for what only the cluster knows (the title in
//! each language, the languages, the address and the secretariat's contact),
//! or takes it as options for scripts, and writes a site that `check` and
//! `build` accept as it is: site.yaml, the standard facets, one short example
//! record per kind (drafts), the GitHub Actions workflow the publishing guide
//! recommends, a .gitignore and a README that tells the staff what to do next.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// The workflow of docs/publishing.md, written as `.github/workflows/clusterpress.yml`.
pub const WORKFLOW: &str = include_str!("../../examples/github-actions/clusterpress.yml");

/// What the new site needs. Anything left `None` (or empty) is asked for when
/// the input is a terminal; otherwise it is an error naming the option.
#[derive(Debug, Default, Clone)]
pub struct Answers {
    /// Language codes, the first being the default.
    pub languages: Vec<String>,
    /// The site's title per language.
    pub titles: BTreeMap<String, String>,
    pub base_url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Files and folders whose presence means the folder already holds a site.
const SITE_MARKERS: &[&str] = &["site.yaml", "content", "themes"];

/// Ask for what is missing (only when stdin is a terminal), check it, and
/// write the site into `dir`. Returns the files written, relative to `dir`.
pub fn run(dir: &Path, mut answers: Answers) -> Result<Vec<PathBuf>> {
    refuse_existing_site(dir)?;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        ask_missing(&mut answers, &mut stdin.lock(), &mut std::io::stderr())?;
    }
    let files = site_files(&answers)?;
    write_files(dir, &files)
}

fn refuse_existing_site(dir: &Path) -> Result<()> {
    for marker in SITE_MARKERS {
        if dir.join(marker).exists() {
            bail!(
                "{} already holds a site ({} exists); init only starts a new one. \
                 Choose an empty folder, or edit this site",
                dir.display(),
                marker
            );
        }
    }
    Ok(())
}

/// Ask on `output`, read from `input`, for every answer still missing.
pub fn ask_missing(
    answers: &mut Answers,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> Result<()> {
    let mut ask = |question: &str, default: Option<&str>| -> Result<String> {
        match default {
            Some(d) => write!(output, "{question} [{d}]: ")?,
            None => write!(output, "{question}: ")?,
        }
        output.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            bail!("no answer to “{question}” (end of input)");
        }
        let line = line.trim();
        Ok(match (line.is_empty(), default) {
            (true, Some(d)) => d.to_string(),
            _ => line.to_string(),
        })
    };
    if answers.languages.is_empty() {
        let line = ask(
            "Languages, the default first (codes, comma-separated)",
            Some("ko,en"),
        )?;
        answers.languages = split_languages(&line);
    }
    for lang in answers.languages.clone() {
        if let std::collections::btree_map::Entry::Vacant(entry) = answers.titles.entry(lang) {
            let question = format!("The site's title in {}", language_name(entry.key()));
            entry.insert(ask(&question, None)?);
        }
    }
    if answers.base_url.is_none() {
        answers.base_url = Some(ask(
            "The address the site will be published at (base URL)",
            Some("https://cluster.example.org/"),
        )?);
    }
    if answers.email.is_none() {
        answers.email = Some(ask("The secretariat's email address", None)?);
    }
    if answers.phone.is_none() {
        answers.phone = Some(ask(
            "The secretariat's phone number (empty: none)",
            Some(""),
        )?);
    }
    Ok(())
}

/// `ko, en` → `[ko, en]`.
pub fn split_languages(text: &str) -> Vec<String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The files of the new site, after checking the answers the way `check` reads
/// site.yaml: nothing is written when an answer is missing or wrong.
pub fn site_files(a: &Answers) -> Result<Vec<(PathBuf, String)>> {
    let mut missing = Vec::new();
    if a.languages.is_empty() {
        missing.push("--languages ko,en".to_string());
    }
    for lang in &a.languages {
        if a.titles.get(lang).is_none_or(|t| t.trim().is_empty()) {
            missing.push(format!("--title {lang}=…"));
        }
    }
    if a.base_url.as_deref().is_none_or(|u| u.trim().is_empty()) {
        missing.push("--base-url https://…/".into());
    }
    if a.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
        missing.push("--email office@…".into());
    }
    if !missing.is_empty() {
        bail!(
            "missing (the input is not a terminal, so nothing was asked): {}",
            missing.join(", ")
        );
    }
    for lang in a.titles.keys() {
        if !a.languages.contains(lang) {
            bail!("--title {lang}=… is for a language not in --languages");
        }
    }
    let site_yaml = site_yaml(a);
    check_site_yaml(&site_yaml)?;
    let langs = &a.languages;
    let mut files = vec![
        (PathBuf::from("site.yaml"), site_yaml),
        (
            PathBuf::from("content/taxonomies.yaml"),
            taxonomies_yaml(langs),
        ),
    ];
    files.extend(examples(langs, a.email.as_deref().unwrap_or_default()));
    files.push((
        PathBuf::from(".github/workflows/clusterpress.yml"),
        WORKFLOW.to_string(),
    ));
    files.push((
        PathBuf::from(".gitignore"),
        "# The built site, the previous build and the image cache: made by clusterpress, not edited.\n/public\n/.public.*\n.clusterpress-cache/\n/schemas\n"
            .to_string(),
    ));
    files.push((PathBuf::from("README.md"), readme(a)));
    Ok(files)
}

/// Read the site.yaml text as `check` does; its problems become the error.
fn check_site_yaml(text: &str) -> Result<()> {
    let node = crate::content::yaml::parse(text, 1).map_err(|errors| {
        anyhow::anyhow!(
            "{}",
            errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    let none = BTreeMap::new();
    let mut r = crate::content::read::Reader::new("site.yaml", &[], &none);
    let config = crate::content::config::read_config(&node, &mut r);
    let errors: Vec<String> = r
        .problems
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .map(|d| match &d.hint {
            Some(h) => format!("{} ({h})", d.message),
            None => d.message.clone(),
        })
        .collect();
    if !errors.is_empty() || config.is_none() {
        bail!(
            "these answers do not make a valid site.yaml: {}",
            errors.join("; ")
        );
    }
    Ok(())
}

/// Write every file, refusing to replace one that exists, except that a
/// .gitignore gets the missing lines appended and an existing README.md is
/// kept (the guide is then written as CLUSTERPRESS.md).
fn write_files(dir: &Path, files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>> {
    let mut plan = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if rel == Path::new(".gitignore") && path.exists() {
            let old = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let extra: String = text
                .lines()
                .filter(|l| !l.starts_with('#') && !old.lines().any(|o| o.trim() == *l))
                .map(|l| format!("{l}\n"))
                .collect();
            let sep = if old.is_empty() || old.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            plan.push((rel.clone(), format!("{old}{sep}{extra}"), true));
        } else if rel == Path::new("README.md") && path.exists() {
            plan.push((PathBuf::from("CLUSTERPRESS.md"), text.clone(), false));
        } else {
            plan.push((rel.clone(), text.clone(), false));
        }
    }
    // Check every file before writing any, so that a refusal leaves nothing half done.
    for (rel, _, replace) in &plan {
        if !replace && dir.join(rel).exists() {
            bail!(
                "{} exists already; init writes no file over another",
                dir.join(rel).display()
            );
        }
    }
    let mut written = Vec::new();
    for (rel, text, replace) in plan {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let mut file = if replace {
            std::fs::File::create(&path)
        } else {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
        }
        .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(rel);
    }
    Ok(written)
}

/// A YAML double-quoted scalar holding exactly `s` (JSON strings are YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Texts in the languages clusterpress has words for: Korean, English, Japanese.
type Words = [(&'static str, &'static str)];

/// `{ ko: "…", en: "…" }` for the site's languages. A language with no text
/// here gets the English one, to translate (`check` shows no problem for it).
fn loc(langs: &[String], words: &Words) -> String {
    let get = |l: &str| words.iter().find(|(k, _)| *k == l).map(|(_, t)| *t);
    let items: Vec<String> = langs
        .iter()
        .map(|l| {
            let text = get(l).or_else(|| get("en")).unwrap_or_default();
            format!("{l}: {}", q(text))
        })
        .collect();
    format!("{{ {} }}", items.join(", "))
}

fn language_name(code: &str) -> String {
    LANGUAGE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| format!("`{code}`"), |(_, n)| n[1].1.to_string())
}

/// Names of languages, in Korean, English and Japanese.
const LANGUAGE_NAMES: &[(&str, [(&str, &str); 3])] = &[
    ("ko", [("ko", "한국어"), ("en", "Korean"), ("ja", "韓国語")]),
    ("en", [("ko", "영어"), ("en", "English"), ("ja", "英語")]),
    (
        "ja",
        [("ko", "일본어"), ("en", "Japanese"), ("ja", "日本語")],
    ),
    (
        "zh",
        [("ko", "중국어"), ("en", "Chinese"), ("ja", "中国語")],
    ),
    (
        "vi",
        [
            ("ko", "베트남어"),
            ("en", "Vietnamese"),
            ("ja", "ベトナム語"),
        ],
    ),
    (
        "de",
        [("ko", "독일어"), ("en", "German"), ("ja", "ドイツ語")],
    ),
];

fn site_yaml(a: &Answers) -> String {
    let langs = &a.languages;
    let titles: Vec<String> = langs
        .iter()
        .map(|l| format!("{l}: {}", q(a.titles[l].trim())))
        .collect();
    let mut out = String::new();
    out.push_str("# The site's settings. README.md explains every field; `clusterpress check` checks them.\n");
    let _ = writeln!(out, "title: {{ {} }}", titles.join(", "));
    out.push_str("# The address the site is published at; it may include a path (https://org.github.io/cluster/).\n");
    let _ = writeln!(
        out,
        "base_url: {}",
        q(a.base_url.as_deref().unwrap_or_default().trim())
    );
    out.push_str("# The first language is the default one.\n");
    let _ = writeln!(out, "languages: [{}]", langs.join(", "));
    out.push_str("theme: default\n");
    out.push_str("# Shown instead of a person's own email and phone, unless they agreed to publish theirs.\n");
    out.push_str("secretariat:\n");
    let _ = writeln!(
        out,
        "  email: {}",
        q(a.email.as_deref().unwrap_or_default().trim())
    );
    match a.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(phone) => {
            let _ = writeln!(out, "  phone: {}", q(phone));
        }
        None => out.push_str("  # phone: \"+82 2 000 0000\"\n"),
    }
    out.push_str(
        "# A \"suggest a correction\" link on every page, to the file in your repository:\n",
    );
    out.push_str("# edit_url: https://github.com/your-org/your-site/edit/main/{path}\n");
    out.push_str("# The browser editor at /admin/ for staff (docs/editing.md in clusterpress):\n");
    out.push_str("# editor: { backend: github, repo: your-org/your-site, branch: main }\n");
    out
}

/// A standard facet: its key, its label, and a few starting terms.
struct Facet {
    key: &'static str,
    label: &'static Words,
    terms: &'static [(&'static str, &'static Words)],
    note: &'static str,
}

const FACETS: &[Facet] = &[
    Facet {
        key: "industries",
        label: &[
            ("ko", "산업 분야"),
            ("en", "Industries"),
            ("ja", "産業分野"),
        ],
        terms: &[
            (
                "semiconductors",
                &[("ko", "반도체"), ("en", "Semiconductors"), ("ja", "半導体")],
            ),
            (
                "integrated-circuits",
                &[
                    ("ko", "집적회로"),
                    ("en", "Integrated circuits"),
                    ("ja", "集積回路"),
                ],
            ),
            (
                "computers",
                &[
                    ("ko", "전자계산기"),
                    ("en", "Computers"),
                    ("ja", "電子計算機"),
                ],
            ),
            (
                "telecom-equipment",
                &[
                    ("ko", "통신기기"),
                    ("en", "Telecom equipment"),
                    ("ja", "通信機器"),
                ],
            ),
            (
                "automotive",
                &[("ko", "자동차"), ("en", "Automotive"), ("ja", "自動車")],
            ),
        ],
        note: "The industries of the region's companies and research.",
    },
    Facet {
        key: "technologies",
        label: &[("ko", "기술"), ("en", "Technologies"), ("ja", "技術")],
        terms: &[
            (
                "cutting",
                &[("ko", "절삭"), ("en", "Cutting"), ("ja", "切削")],
            ),
            (
                "grinding",
                &[("ko", "연삭"), ("en", "Grinding"), ("ja", "研削")],
            ),
            (
                "pressing",
                &[("ko", "프레스"), ("en", "Pressing"), ("ja", "プレス")],
            ),
            (
                "assembly",
                &[
                    ("ko", "부품조립"),
                    ("en", "Component assembly"),
                    ("ja", "部品組立"),
                ],
            ),
            (
                "mold-making",
                &[
                    ("ko", "금형제작"),
                    ("en", "Mold making"),
                    ("ja", "金型製作"),
                ],
            ),
            (
                "sensors",
                &[("ko", "센서"), ("en", "Sensors"), ("ja", "センサー")],
            ),
        ],
        note:
            "Core technologies: what companies do, what researchers work on, what equipment is for.",
    },
    Facet {
        key: "regions",
        label: &[("ko", "지역"), ("en", "Regions"), ("ja", "地域")],
        terms: &[
            ("north", &[("ko", "북부"), ("en", "North"), ("ja", "北部")]),
            ("south", &[("ko", "남부"), ("en", "South"), ("ja", "南部")]),
        ],
        note: "Replace these with the cities or districts of your cluster.",
    },
    Facet {
        key: "equipment-categories",
        label: &[
            ("ko", "설비 분류"),
            ("en", "Equipment categories"),
            ("ja", "設備分類"),
        ],
        terms: &[
            (
                "test-research",
                &[
                    ("ko", "시험연구설비"),
                    ("en", "Test and research equipment"),
                    ("ja", "試験研究設備"),
                ],
            ),
            (
                "production",
                &[
                    ("ko", "생산설비"),
                    ("en", "Production equipment"),
                    ("ja", "生産設備"),
                ],
            ),
        ],
        note: "Kinds of shareable equipment.",
    },
    Facet {
        key: "qualifications",
        label: &[("ko", "자격"), ("en", "Qualifications"), ("ja", "資格")],
        terms: &[
            (
                "sme-consultant",
                &[
                    ("ko", "중소기업진단사"),
                    ("en", "SME management consultant"),
                    ("ja", "中小企業診断士"),
                ],
            ),
            (
                "professional-engineer",
                &[
                    ("ko", "기술사"),
                    ("en", "Professional engineer"),
                    ("ja", "技術士"),
                ],
            ),
            (
                "patent-attorney",
                &[
                    ("ko", "변리사"),
                    ("en", "Patent attorney"),
                    ("ja", "弁理士"),
                ],
            ),
            (
                "cpa",
                &[
                    ("ko", "공인회계사"),
                    ("en", "Certified public accountant"),
                    ("ja", "公認会計士"),
                ],
            ),
            (
                "tax-accountant",
                &[("ko", "세무사"), ("en", "Tax accountant"), ("ja", "税理士")],
            ),
            (
                "labour-attorney",
                &[
                    ("ko", "공인노무사"),
                    ("en", "Labour and social security attorney"),
                    ("ja", "社会保険労務士"),
                ],
            ),
        ],
        note: "Coordinators' qualifications.",
    },
    Facet {
        key: "support-areas",
        label: &[
            ("ko", "지원 분야"),
            ("en", "Support areas"),
            ("ja", "支援分野"),
        ],
        terms: &[
            (
                "it-adoption",
                &[
                    ("ko", "정보화 지원"),
                    ("en", "IT adoption"),
                    ("ja", "情報化支援"),
                ],
            ),
            (
                "management-innovation",
                &[
                    ("ko", "경영혁신 지원"),
                    ("en", "Management innovation"),
                    ("ja", "経営革新支援"),
                ],
            ),
            (
                "new-business",
                &[
                    ("ko", "신사업창출·사업계획 지원"),
                    ("en", "New business creation and business plans"),
                    ("ja", "新事業創出・事業計画支援"),
                ],
            ),
            (
                "industry-academia-matching",
                &[
                    ("ko", "산학연계 지원"),
                    ("en", "Industry–academia matching"),
                    ("ja", "産学連携支援"),
                ],
            ),
            (
                "joint-rnd",
                &[
                    ("ko", "공동 연구개발 지원"),
                    ("en", "Joint R&D"),
                    ("ja", "共同研究開発支援"),
                ],
            ),
        ],
        note: "What coordinators help with, and what companies seek (`seeking`).",
    },
];

fn taxonomies_yaml(langs: &[String]) -> String {
    let mut out = String::from(
        "# Every facet of the directory. Keys (left) are what records use; labels are what\n\
         # visitors see, in each language. Add terms as the directory grows.\n",
    );
    for facet in FACETS {
        let _ = writeln!(out, "\n# {}", facet.note);
        let _ = writeln!(out, "{}:", facet.key);
        let _ = writeln!(out, "  label: {}", loc(langs, facet.label));
        out.push_str("  terms:\n");
        for (key, words) in facet.terms {
            let _ = writeln!(out, "    {key}: {}", loc(langs, words));
        }
    }
    // The languages coordinators speak: the site's own, and the common others.
    out.push_str("\n# The languages coordinators can advise in.\nlanguages:\n");
    let label: &Words = &[
        ("ko", "상담 가능 언어"),
        ("en", "Languages spoken"),
        ("ja", "対応言語"),
    ];
    let _ = writeln!(out, "  label: {}", loc(langs, label));
    out.push_str("  terms:\n");
    let mut codes: Vec<&str> = langs.iter().map(String::as_str).collect();
    for (code, _) in LANGUAGE_NAMES {
        if !codes.contains(code) {
            codes.push(code);
        }
    }
    for code in codes {
        match LANGUAGE_NAMES.iter().find(|(c, _)| *c == code) {
            Some((_, names)) => {
                let _ = writeln!(out, "    {code}: {}", loc(langs, names));
            }
            None => {
                let _ = writeln!(out, "    {code}: {}", q(code));
            }
        }
    }
    out
}

/// One short example record per kind, each a draft: it shows the format and
/// stays out of the public site until someone replaces its text.
fn examples(langs: &[String], email: &str) -> Vec<(PathBuf, String)> {
    let l = |w: &Words| loc(langs, w);
    let draft = "# An example: replace the text with a real record, then remove `draft: true` to publish it.\n\
                 # `clusterpress new <kind> <slug>` writes a record with every field, explained.\n\
                 draft: true\n";
    let md = |front: String, body: &Words| {
        let get = |k: &str| body.iter().find(|(l, _)| *l == k).map(|(_, t)| *t);
        let text = get(&langs[0]).or_else(|| get("en")).unwrap_or_default();
        format!("---\n{front}---\n{text}\n")
    };
    // The body in the other languages, as translation files `<slug>.<lang>.md`.
    let translations = |kind: &str, slug: &str, body: &Words| -> Vec<(PathBuf, String)> {
        langs[1..]
            .iter()
            .filter_map(|lang| {
                let text = body.iter().find(|(l, _)| l == lang)?.1;
                let path = format!("content/{kind}/{slug}.{lang}.md");
                Some((PathBuf::from(path), format!("{text}\n")))
            })
            .collect()
    };
    let record = |kind: &str, slug: &str, ext: &str, text: String| {
        (PathBuf::from(format!("content/{kind}/{slug}.{ext}")), text)
    };
    let mut files = vec![
        record(
            "institutions",
            "example-university",
            "yaml",
            format!(
                "{draft}name: {}\nsummary: {}\nkind: university\nregions: [north]\n",
                l(&[("ko", "예시공업대학교"), ("en", "Example Institute of Technology"), ("ja", "例示工業大学")]),
                l(&[("ko", "정밀가공과 센서를 연구하는 공과대학"), ("en", "An engineering university working on precision machining and sensors"), ("ja", "精密加工とセンサーを研究する工科大学")]),
            ),
        ),
        record(
            "companies",
            "example-precision",
            "md",
            md(
                format!(
                    "{draft}name: {}\nsummary: {}\nkind: base-technology\nindustries: [automotive]\ntechnologies: [cutting, grinding]\nregions: [north]\nseeking: [joint-rnd]\n",
                    l(&[("ko", "(주)예시정밀"), ("en", "Example Precision Co., Ltd."), ("ja", "株式会社例示精密")]),
                    l(&[("ko", "자동차 부품을 절삭·연삭하는 기반기술형 중소기업"), ("en", "A base-technology SME that cuts and grinds automotive parts"), ("ja", "自動車部品の切削・研削を行う基盤技術型中小企業")]),
                ),
                COMPANY_BODY,
            ),
        ),
        record(
            "research-themes",
            "example-sensor-theme",
            "yaml",
            format!(
                "{draft}title: {}\nsummary: {}\ninstitution: example-university\nresearcher:\n  name: {}\ntechnologies: [sensors]\nseeking: [joint-research]\n",
                l(&[("ko", "공작기계용 진동 센서"), ("en", "Vibration sensors for machine tools"), ("ja", "工作機械用振動センサー")]),
                l(&[("ko", "절삭 중 공구 마모를 진동으로 알아내는 연구"), ("en", "Telling tool wear from vibration while cutting"), ("ja", "切削中の工具摩耗を振動から検知する研究")]),
                l(&[("ko", "예시 연구자"), ("en", "Example Researcher"), ("ja", "例示 研究者")]),
            ),
        ),
        record(
            "equipment",
            "example-cmm",
            "yaml",
            format!(
                "{draft}name: {}\nsummary: {}\nowner: institutions/example-university\ncategories: [test-research]\ntechnologies: [cutting]\nopen: true\nbooking: {}\n",
                l(&[("ko", "3차원 측정기"), ("en", "Coordinate measuring machine"), ("ja", "三次元測定機")]),
                l(&[("ko", "가공 부품의 치수를 재는 공동이용 설비"), ("en", "Shared equipment that measures machined parts"), ("ja", "加工部品の寸法を測る共同利用設備")]),
                q(email.trim()),
            ),
        ),
        record(
            "coordinators",
            "example-coordinator",
            "yaml",
            format!(
                "{draft}name: {}\nsummary: {}\ntier: coordinator\nqualifications: [sme-consultant]\nsupport-areas: [industry-academia-matching]\nlanguages: [{}]\n",
                l(&[("ko", "예시 코디네이터"), ("en", "Example Coordinator"), ("ja", "例示 コーディネーター")]),
                l(&[("ko", "기업과 대학의 공동연구를 연결합니다"), ("en", "Matches companies with university research"), ("ja", "企業と大学の共同研究をつなぎます")]),
                langs[0],
            ),
        ),
        record(
            "success-stories",
            "example-story",
            "md",
            md(
                format!(
                    "{draft}title: {}\nsummary: {}\ntype: industry-academia\ncompanies: [example-precision]\ninstitutions: [example-university]\n",
                    l(&[("ko", "진동 센서로 공구 교환 시기를 예측"), ("en", "Predicting tool changes with a vibration sensor"), ("ja", "振動センサーで工具交換時期を予測")]),
                    l(&[("ko", "산학연계로 개발한 공구 마모 감시"), ("en", "Tool-wear monitoring from an industry–academia collaboration"), ("ja", "産学連携で開発した工具摩耗監視")]),
                ),
                STORY_BODY,
            ),
        ),
        record(
            "notices",
            "example-seminar",
            "yaml",
            format!(
                "{draft}title: {}\nsummary: {}\ncategory: seminar\ndate: 2027-04-15\n",
                l(&[("ko", "산학연계 세미나"), ("en", "Industry–academia collaboration seminar"), ("ja", "産学連携セミナー")]),
                l(&[("ko", "회원 기업과 연구자가 만나는 오후 세미나"), ("en", "An afternoon seminar where member companies meet researchers"), ("ja", "会員企業と研究者が出会う午後のセミナー")]),
            ),
        ),
        record(
            "pages",
            "about",
            "md",
            md(
                format!(
                    "{draft}title: {}\nsummary: {}\n# Its place in the main menu.\nmenu: 1\n",
                    l(&[("ko", "클러스터 소개"), ("en", "About the cluster"), ("ja", "クラスターについて")]),
                    l(&[("ko", "클러스터가 하는 일과 회원"), ("en", "What the cluster does, and its members"), ("ja", "クラスターの活動と会員")]),
                ),
                PAGE_BODY,
            ),
        ),
    ];
    files.extend(translations("companies", "example-precision", COMPANY_BODY));
    files.extend(translations("success-stories", "example-story", STORY_BODY));
    files.extend(translations("pages", "about", PAGE_BODY));
    files
}

const COMPANY_BODY: &Words = &[
    (
        "ko",
        "예시정밀은 시제품과 소량 생산을 맡는 가상의 회사입니다.",
    ),
    (
        "en",
        "Example Precision is a fictional company that makes prototypes and small batches.",
    ),
    ("ja", "例示精密は試作と少量生産を担う架空の会社です。"),
];
const STORY_BODY: &Words = &[
    ("ko", "코디네이터의 소개로 기업과 대학이 함께 시험한 가상의 사례입니다."),
    ("en", "A fictional case in which a coordinator introduced a company to a university, and they tested together."),
    ("ja", "コーディネーターの紹介で企業と大学が共に試験した架空の事例です。"),
];
const PAGE_BODY: &Words = &[
    (
        "ko",
        "이 클러스터가 무엇을 하는지, 누가 회원인지 여기에 씁니다.",
    ),
    (
        "en",
        "Write here what the cluster does and who its members are.",
    ),
    ("ja", "このクラスターの活動と会員をここに書きます。"),
];

fn readme(a: &Answers) -> String {
    let title = &a.titles[&a.languages[0]];
    format!(
        r#"# {title}

This folder is the cluster's directory site, built with clusterpress. Staff
edit the YAML and Markdown files here; clusterpress turns them into the
website.

## What to do next

1. Read `site.yaml` and correct what is not right yet: the title, the address
   (`base_url`), the languages and the secretariat's contact.
2. Open `content/taxonomies.yaml`. It holds the standard facets (industries,
   technologies, regions, equipment categories, qualifications, support areas,
   languages) with a few terms each. Replace the example regions with your
   own and add the terms your members need, labelled in every language.
3. Each folder under `content/` holds one short example record, marked
   `draft: true`, so it is not published. Replace it with a real record, or
   delete it. `clusterpress new companies <slug>` writes a new record with
   every field, explained.
4. Preview while you edit: `clusterpress serve`, then open the address it
   prints. Before committing, run `clusterpress check`: it lists every problem
   with its file, line and column.
5. Publish: `.github/workflows/clusterpress.yml` checks every pull request
   and publishes the site to GitHub Pages. Once, with admin rights: set
   `CLUSTERPRESS_GIT` in that file to your organisation's copy of
   clusterpress, then choose Settings → Pages → Source: **GitHub Actions**,
   and push to `main`.

## Commands

| command | what it does |
| --- | --- |
| `clusterpress check` | every problem in the content, with a hint |
| `clusterpress serve` | preview, rebuilt on every change |
| `clusterpress build` | the site into `public/` (not committed) |
| `clusterpress build --drafts` | the same, with the drafts, marked |
| `clusterpress new <kind> <slug>` | a new record with every field |

The kinds are `companies`, `institutions`, `research-themes`, `equipment`,
`coordinators`, `success-stories`, `notices` and `pages`.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Answers {
        Answers {
            languages: vec!["ko".into(), "en".into()],
            titles: [("ko", "가상 산업 클러스터"), ("en", "Imaginary Cluster")]
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
            base_url: Some("https://cluster.example.org/".into()),
            email: Some("office@cluster.example.org".into()),
            phone: None,
        }
    }

    #[test]
    fn asks_for_what_is_missing_and_takes_defaults() {
        let mut a = Answers::default();
        let mut input =
            "ko, en\n가상 산업 클러스터\nImaginary Cluster\n\noffice@x.example\n+82 2 000 0000\n"
                .as_bytes();
        let mut shown = Vec::new();
        ask_missing(&mut a, &mut input, &mut shown).unwrap();
        assert_eq!(a.languages, ["ko", "en"]);
        assert_eq!(a.titles["en"], "Imaginary Cluster");
        assert_eq!(a.base_url.as_deref(), Some("https://cluster.example.org/"));
        assert_eq!(a.phone.as_deref(), Some("+82 2 000 0000"));
        let shown = String::from_utf8(shown).unwrap();
        assert!(shown.contains("title in Korean"), "{shown}");
        // End of input before every answer is an error, not a loop or a panic.
        let mut a = Answers::default();
        assert!(ask_missing(&mut a, &mut "ko\n".as_bytes(), &mut Vec::new()).is_err());
    }

    #[test]
    fn refuses_missing_or_invalid_answers_before_writing() {
        let mut a = answers();
        a.email = None;
        let err = site_files(&a).unwrap_err().to_string();
        assert!(err.contains("--email"), "{err}");
        let mut a = answers();
        a.base_url = Some("not a url".into());
        assert!(site_files(&a).is_err());
        let mut a = answers();
        a.languages.push("EN GB".into());
        assert!(site_files(&a).is_err());
    }

    #[test]
    fn titles_with_quotes_and_colons_are_written_as_given() {
        let mut a = answers();
        a.titles
            .insert("en".into(), "The \"Best\": Cluster #1".into());
        let files = site_files(&a).unwrap();
        let site = &files[0].1;
        let node = crate::content::yaml::parse(site, 1).unwrap();
        let json = crate::content::yaml::to_json(&node);
        assert_eq!(json["title"]["en"], "The \"Best\": Cluster #1");
    }
}
