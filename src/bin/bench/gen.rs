//! Generate a synthetic site of N records in the real content format: every kind
//! in realistic proportions, Korean and English bodies of a few hundred words,
//! facets and cross-references. Deterministic for a given N and seed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use super::words::*;

/// A small deterministic generator (xorshift64*); the data only has to look varied.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// How many records of each kind a site of `n` records has (a cluster's proportions).
pub fn proportions(n: usize) -> [(&'static str, usize); 8] {
    let part = |p: usize| (n * p / 100).max(1);
    // A cluster has a handful of free-form pages whatever its size.
    let pages = 7.min(n);
    [
        ("institutions", part(3)),
        ("companies", part(45)),
        ("research-themes", part(20)),
        ("equipment", part(15)),
        ("coordinators", part(5)),
        ("notices", part(4)),
        ("pages", pages),
        (
            "success-stories",
            n.saturating_sub(part(3) + part(45) + part(20) + part(15) + part(5) + part(4) + pages)
                .max(1),
        ),
    ]
}

struct Vocab {
    technologies: Vec<String>,
    industries: Vec<String>,
    regions: Vec<String>,
    categories: Vec<String>,
    qualifications: Vec<String>,
    support: Vec<String>,
}

/// Write the site into `dir` (which must not exist) and return the Korean text of
/// every record by URL path, for measuring search against.
pub fn generate(dir: &Path, n: usize, sample_root: &Path) -> Result<BTreeMap<String, String>> {
    std::fs::create_dir_all(dir.join("content"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(
        dir.join("site.yaml"),
        "title: { ko: 벤치마크 클러스터, en: Benchmark Cluster }\nbase_url: https://bench.example.org/\nlanguages: [ko, en]\nsecretariat: { email: office@bench.example.org }\n",
    )?;
    std::fs::copy(
        sample_root.join("content/taxonomies.yaml"),
        dir.join("content/taxonomies.yaml"),
    )
    .context("the generator copies the sample site's content/taxonomies.yaml")?;
    let vocab = vocab(&std::fs::read_to_string(
        dir.join("content/taxonomies.yaml"),
    )?)?;
    let mut rng = Rng::new(n as u64);
    let counts = proportions(n);
    let mut texts = BTreeMap::new();
    let slug = |kind: &str, i: usize| format!("{}-{i:06}", &kind[..3]);
    for (kind, count) in counts {
        std::fs::create_dir_all(dir.join("content").join(kind))?;
        for i in 0..count {
            let s = slug(kind, i);
            let (front, ko_title, en_title) =
                front_matter(kind, i, &mut rng, &vocab, &counts, &slug);
            let (ko_words, en_words) = (120 + rng.below(200), 150 + rng.below(200));
            let ko = body_ko(&mut rng, ko_words);
            let en = body_en(&mut rng, en_words);
            let path = dir.join("content").join(kind).join(format!("{s}.md"));
            std::fs::write(&path, format!("---\n{front}---\n{ko}\n"))?;
            std::fs::write(
                dir.join("content").join(kind).join(format!("{s}.en.md")),
                format!("{en}\n"),
            )?;
            // Free-form pages live right under the language.
            let at = |lang: &str| match kind {
                "pages" => format!("/{lang}/{s}/"),
                _ => format!("/{lang}/{kind}/{s}/"),
            };
            texts.insert(at("ko"), format!("{ko_title}\n{front}\n{ko}"));
            texts.insert(at("en"), format!("{en_title}\n{front}\n{en}"));
        }
    }
    Ok(texts)
}

/// Write the site and, beside it, `texts.json`: the text of every record by URL,
/// the ground truth of bench/search-quality.mjs.
pub fn generate_site(out: &Path, n: usize) -> Result<()> {
    let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let texts = generate(out, n, &repo)?;
    std::fs::write(out.join("texts.json"), serde_json::to_string(&texts)?)?;
    eprintln!(
        "generated {} records into {}",
        texts.len() / 2,
        out.display()
    );
    Ok(())
}

/// Write `k` kartes (visit reports) of the companies and coordinators of a
/// generated site of `n` records into `internal/kartes/`: Korean text, one in
/// five with an English translation, each with a marker word of its own.
pub fn generate_kartes(internal: &Path, k: usize, n: usize, site: &Path) -> Result<()> {
    let dir = internal.join("kartes");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let v = vocab(&std::fs::read_to_string(
        site.join("content/taxonomies.yaml"),
    )?)?;
    let counts = proportions(n);
    let count = |kind: &str| {
        counts
            .iter()
            .find(|(c, _)| *c == kind)
            .map_or(1, |(_, n)| *n)
    };
    let mut rng = Rng::new(k as u64 ^ 0x004b_5254);
    let statuses = ["open", "in-progress", "resolved", "on-hold"];
    for i in 0..k {
        let (year, month, day) = (2024 + rng.below(3), 1 + rng.below(12), 1 + rng.below(28));
        let date = format!("{year}-{month:02}-{day:02}");
        let later = |months: usize| {
            let m = month - 1 + months;
            format!("{}-{:02}-{day:02}", year + m / 12, m % 12 + 1)
        };
        let company = format!("com-{:06}", rng.below(count("companies")));
        let coordinator = |rng: &mut Rng| format!("coo-{:06}", rng.below(count("coordinators")));
        let (a, b) = (coordinator(&mut rng), coordinator(&mut rng));
        let coordinators = if a == b || rng.chance(60) {
            a
        } else {
            format!("{a}, {b}")
        };
        let (problem, en_problem) = compound(&mut rng);
        let (cause, _) = compound(&mut rng);
        let (remedy, en_remedy) = compound(&mut rng);
        let slug = format!("{date}-{company}-{i:06}");
        let front = format!(
            "company: {company}\ncoordinators: [{coordinators}]\ndate: {date}\nsupport-areas: {}\ntechnologies: {}\nindustries: {}\nstatus: {}\nproblem: \"{problem} 공정에서 {cause} 불량이 늘어 납기가 밀린다.\"\nadvice: \"{remedy} 방식으로 바꾸고 시험 데이터를 모으자고 조언했다.\"\nfollow_up: \"{remedy} 시험 결과를 다음 방문 때 확인한다.\"\nfollow_up_due: {}\nnext_visit: {}\nfiled_by: \"사무국 담당자 {}\"\n",
            some(&mut rng, &v.support, 2),
            some(&mut rng, &v.technologies, 3),
            some(&mut rng, &v.industries, 2),
            rng.pick(&statuses),
            later(1),
            later(3),
            rng.below(20),
        );
        let words = 80 + rng.below(120);
        let body = body_ko(&mut rng, words);
        let marker = format!("KRT-BENCH-{i:06}");
        std::fs::write(
            dir.join(format!("{slug}.md")),
            format!("---\n{front}---\n{body}\n\n카르테 번호: {marker}\n"),
        )?;
        if rng.chance(20) {
            let words = 80 + rng.below(120);
            let en = body_en(&mut rng, words);
            let front = format!("problem: \"Rejects from {en_problem} delay deliveries.\"\nadvice: \"Switch to {en_remedy} and collect test data.\"\n");
            std::fs::write(
                dir.join(format!("{slug}.en.md")),
                format!("---\n{front}---\n{en}\n\nKarte no.: {marker}\n"),
            )?;
        }
    }
    eprintln!("generated {k} kartes into {}", dir.display());
    Ok(())
}

/// The term keys of each taxonomy in taxonomies.yaml.
fn vocab(taxonomies: &str) -> Result<Vocab> {
    let node = clusterpress::content::yaml::parse(taxonomies, 1)
        .map_err(|_| anyhow::anyhow!("the sample site's content/taxonomies.yaml does not parse"))?;
    let json = clusterpress::content::yaml::to_json(&node);
    let mut by_tax: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (tax, value) in json.as_object().into_iter().flatten() {
        let terms = value["terms"].as_object().into_iter().flatten();
        by_tax.insert(tax.clone(), terms.map(|(key, _)| key.clone()).collect());
    }
    let mut take = |k: &str| by_tax.remove(k).unwrap_or_default();
    Ok(Vocab {
        technologies: take("technologies"),
        industries: take("industries"),
        regions: take("regions"),
        categories: take("equipment-categories"),
        qualifications: take("qualifications"),
        support: take("support-areas"),
    })
}

fn some(rng: &mut Rng, items: &[String], max: usize) -> String {
    let k = 1 + rng.below(max);
    let mut chosen: Vec<&str> = (0..k).map(|_| rng.pick(items).as_str()).collect();
    chosen.sort();
    chosen.dedup();
    format!("[{}]", chosen.join(", "))
}

fn compound(rng: &mut Rng) -> (String, String) {
    let (a, ea) = *rng.pick(NOUNS);
    let (b, eb) = *rng.pick(NOUNS);
    (format!("{a}{b}"), format!("{ea} {eb}"))
}

type SlugFn = dyn Fn(&str, usize) -> String;

fn front_matter(
    kind: &str,
    i: usize,
    rng: &mut Rng,
    v: &Vocab,
    counts: &[(&'static str, usize); 8],
    slug: &SlugFn,
) -> (String, String, String) {
    let count = |k: &str| counts.iter().find(|(c, _)| *c == k).map_or(1, |(_, n)| *n);
    let mut f = String::new();
    let (ko_sum, en_sum) = compound(rng);
    let summary = format!(
        "summary: {{ ko: \"{ko_sum} 전문 {}\", en: \"Specialists in {en_sum}\" }}\n",
        rng.pick(KO_FILLERS)
    );
    let (ko, en) = match kind {
        "companies" => {
            let p = rng.below(KO_PLACES.len());
            let e = rng.below(KO_NAME_ENDS.len());
            let legal = rng.below(3);
            let ko = match legal {
                0 => format!("(주){}{}{i}", KO_PLACES[p], KO_NAME_ENDS[e]),
                1 => format!("주식회사 {}{}{i}", KO_PLACES[p], KO_NAME_ENDS[e]),
                _ => format!("{}{}{i}", KO_PLACES[p], KO_NAME_ENDS[e]),
            };
            let en = format!("{} {} {i} Co., Ltd.", EN_PLACES[p], EN_NAME_ENDS[e]);
            let _ = writeln!(f, "name: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(
                f,
                "kind: {}",
                if rng.chance(40) {
                    "product-developer"
                } else {
                    "base-technology"
                }
            );
            let _ = writeln!(
                f,
                "employees: {}\nfounded: {}",
                5 + rng.below(500),
                1950 + rng.below(75)
            );
            let _ = writeln!(
                f,
                "industries: {}\ntechnologies: {}\nregions: {}",
                some(rng, &v.industries, 3),
                some(rng, &v.technologies, 4),
                some(rng, &v.regions, 1)
            );
            let _ = writeln!(
                f,
                "membership: {}",
                rng.pick(&["general", "supporting", "cooperating"])
            );
            let _ = writeln!(f, "seeking: {}", some(rng, &v.support, 2));
            f.push_str("products:\n");
            for _ in 0..1 + rng.below(3) {
                let (pk, pe) = compound(rng);
                let _ = writeln!(f, "  - name: {{ ko: \"{pk} 유닛\", en: \"{pe} unit\" }}\n    summary: {{ ko: \"{} {pk}\", en: \"A {pe} for {}\" }}", rng.pick(KO_FILLERS), rng.pick(EN_FILLERS));
            }
            let _ = writeln!(f, "website: https://c{i}.example/\nemail: info@c{i}.example\nphone: \"+81 42 000 {:04}\"", i % 10000);
            (ko, en)
        }
        "institutions" => {
            let p = rng.below(KO_PLACES.len());
            let ko = format!(
                "{}{}연구소 {i}",
                KO_PLACES[p],
                rng.pick(&["공업", "재료", "전자", "생산기술"])
            );
            let en = format!("{} Research Institute {i}", EN_PLACES[p]);
            let _ = writeln!(f, "name: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(
                f,
                "kind: {}\nregions: {}",
                rng.pick(&["university", "research-institute", "public-lab"]),
                some(rng, &v.regions, 1)
            );
            (ko, en)
        }
        "research-themes" => {
            let (tk, te) = compound(rng);
            let ko = format!("{tk} 기술 연구 {i}");
            let en = format!("Research on {te} {i}");
            let _ = writeln!(f, "title: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(
                f,
                "institution: {}",
                slug("institutions", rng.below(count("institutions")))
            );
            let s = rng.below(KO_SURNAMES.len());
            let g = rng.below(KO_GIVEN.len());
            let _ = writeln!(
                f,
                "researcher: {{ name: {{ ko: \"{} {}\", en: \"{} {}\" }} }}",
                KO_SURNAMES[s], KO_GIVEN[g], EN_GIVEN[g], EN_SURNAMES[s]
            );
            let _ = writeln!(
                f,
                "technologies: {}\nindustries: {}\nseeking: [joint-research]",
                some(rng, &v.technologies, 3),
                some(rng, &v.industries, 2)
            );
            (ko, en)
        }
        "equipment" => {
            let (ek, ee) = compound(rng);
            let ko = format!("{ek} 장비 {i}");
            let en = format!("{ee} system {i}");
            let _ = writeln!(f, "name: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let owner = if rng.chance(70) {
                format!(
                    "institutions/{}",
                    slug("institutions", rng.below(count("institutions")))
                )
            } else {
                format!(
                    "companies/{}",
                    slug("companies", rng.below(count("companies")))
                )
            };
            let _ = writeln!(
                f,
                "owner: {owner}\ncategories: {}\ntechnologies: {}",
                some(rng, &v.categories, 2),
                some(rng, &v.technologies, 2)
            );
            let _ = writeln!(f, "open: {}\nbooking: booking{i}@bench.example.org\nfee: {{ ko: \"시간당 {}엔\", en: \"¥{} per hour\" }}", rng.chance(80), 1000 * (1 + i % 20), 1000 * (1 + i % 20));
            let _ = writeln!(
                f,
                "specs:\n  - {{ label: {{ ko: 출력, en: Power }}, value: \"{} W\" }}",
                10 * (1 + i % 100)
            );
            (ko, en)
        }
        "coordinators" => {
            let s = rng.below(KO_SURNAMES.len());
            let g = rng.below(KO_GIVEN.len());
            let ko = format!("{} {} {i}", KO_SURNAMES[s], KO_GIVEN[g]);
            let en = format!("{} {} {i}", EN_GIVEN[g], EN_SURNAMES[s]);
            let _ = writeln!(f, "name: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(
                f,
                "tier: {}\nqualifications: {}\nsupport-areas: {}\nindustries: {}",
                if i % 10 == 0 { "super" } else { "coordinator" },
                some(rng, &v.qualifications, 2),
                some(rng, &v.support, 2),
                some(rng, &v.industries, 2)
            );
            (ko, en)
        }
        "notices" => {
            let (nk, ne) = compound(rng);
            let category = rng.pick(clusterpress::content::config::NOTICE_CATEGORIES);
            let ko = format!("{nk} 지원 안내 {i}");
            let en = format!("{ne} programme {i}");
            let _ = writeln!(f, "title: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            // Dates spread over three years around the sample's "today".
            let month = 1 + i % 36;
            let (year, m) = (2025 + (month - 1) / 12, 1 + (month - 1) % 12);
            let _ = writeln!(
                f,
                "category: {category}\ndate: {year}-{m:02}-{:02}\nlocation: {{ ko: 하치오지 산업회관, en: Hachioji Industry Hall }}",
                1 + i % 28
            );
            if rng.chance(40) {
                let _ = writeln!(f, "deadline: {year}-{m:02}-28");
            }
            let _ = writeln!(
                f,
                "organizer: institutions/{}\ntechnologies: {}\nindustries: {}",
                slug("institutions", rng.below(count("institutions"))),
                some(rng, &v.technologies, 2),
                some(rng, &v.industries, 1)
            );
            (ko, en)
        }
        "pages" => {
            let (pk, pe) = compound(rng);
            let ko = format!("{pk} 안내 {i}");
            let en = format!("About {pe} {i}");
            let _ = writeln!(f, "title: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(f, "menu: {}", i + 1);
            (ko, en)
        }
        _ => {
            let (sk, se) = compound(rng);
            let ko = format!("{sk} 공동개발 성공 {i}");
            let en = format!("Joint {se} success {i}");
            let _ = writeln!(f, "title: {{ ko: \"{ko}\", en: \"{en}\" }}");
            f.push_str(&summary);
            let _ = writeln!(f, "year: {}\ntype: industry-academia", 2015 + i % 11);
            let _ = writeln!(
                f,
                "companies: [{}, {}]",
                slug("companies", rng.below(count("companies"))),
                slug("companies", rng.below(count("companies")))
            );
            let _ = writeln!(
                f,
                "research-themes: [{}]\ncoordinators: [{}]",
                slug("research-themes", rng.below(count("research-themes"))),
                slug("coordinators", rng.below(count("coordinators")))
            );
            let _ = writeln!(
                f,
                "equipment: [{}]\ntechnologies: {}",
                slug("equipment", rng.below(count("equipment"))),
                some(rng, &v.technologies, 3)
            );
            (ko, en)
        }
    };
    (f, ko, en)
}

/// Korean prose of about `words` words: compounds with particles, fillers and endings.
pub fn body_ko(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for w in 0..words {
        let word = match rng.below(10) {
            0..=4 => {
                let (c, _) = compound(rng);
                let c = if rng.chance(50) {
                    rng.pick(NOUNS).0.to_string()
                } else {
                    c
                };
                if rng.chance(70) {
                    format!("{c}{}", rng.pick(PARTICLES))
                } else {
                    c
                }
            }
            5..=7 => rng.pick(KO_FILLERS).to_string(),
            _ => rng.pick(KO_VERBS).to_string(),
        };
        out.push_str(&word);
        out.push(if w % 40 == 39 { '\n' } else { ' ' });
        if w % 40 == 39 {
            out.push('\n');
        }
    }
    out
}

pub fn body_en(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for w in 0..words {
        let word = match rng.below(10) {
            0..=4 => rng.pick(NOUNS).1.to_string(),
            5..=7 => rng.pick(EN_FILLERS).to_string(),
            _ => rng.pick(EN_VERBS).to_string(),
        };
        out.push_str(&word);
        out.push(if w % 40 == 39 { '.' } else { ' ' });
        if w % 40 == 39 {
            out.push_str("\n\n");
        }
    }
    out
}
