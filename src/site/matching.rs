//! Matching: for every record, the records of other kinds that fit it best.
//!
//! Two records fit when they share facet terms: technologies, industries,
//! regions, and a company's `seeking` support areas against a coordinator's
//! support areas. A shared term counts by how rare it is (inverse document
//! frequency), times a weight for its facet, so one rare shared technology
//! outranks two common industries. Candidates come from an inverted index
//! (term → records), so a record is only compared with records it shares
//! something with. Ties are broken by slug, so the result is deterministic.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::content::model::{Details, Kind, Record};
use crate::site::Site;
use crate::site::{Match, Partners};
use crate::text::hangul::{ends_as_verb, is_hangul, noun_of, strip_particle};

/// How many partners of each kind a record shows.
pub const PER_KIND: usize = 3;

/// How much a shared term of each facet counts, before its rarity.
const FACET_WEIGHTS: &[(&str, f64)] = &[
    ("technologies", 1.0),
    ("support-areas", 1.0),
    ("industries", 0.6),
    ("regions", 0.3),
];

/// Kartes are matched with kartes only, on features of their own (named apart,
/// so that the directory's partners are scored the same in either edition):
/// their facets, and the words of their problems.
const KARTE_WEIGHTS: &[(&str, &str, f64)] = &[
    ("support-areas", "karte-support-areas", 1.0),
    ("technologies", "karte-technologies", 1.0),
    ("industries", "karte-industries", 0.6),
];
/// A word (a Latin word, or two Hangul syllables side by side) of a karte's problem.
pub const KARTE_WORD: &str = "karte-word";
const KARTE_WORD_WEIGHT: f64 = 0.5;

/// Which kinds are suggested as partners on a record of each kind.
pub fn partner_kinds(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Companies => &[
            Kind::ResearchThemes,
            Kind::Equipment,
            Kind::Coordinators,
            Kind::Companies,
        ],
        Kind::ResearchThemes => &[Kind::Companies, Kind::Equipment, Kind::Coordinators],
        Kind::Equipment => &[Kind::Companies, Kind::ResearchThemes],
        Kind::Coordinators => &[Kind::Companies, Kind::ResearchThemes],
        Kind::Institutions => &[Kind::Companies],
        // Similar cases: kartes of other companies with the same kind of problem.
        Kind::Kartes => &[Kind::Kartes],
        Kind::SuccessStories | Kind::Notices | Kind::Pages => &[],
    }
}

type Feature = (&'static str, String);

pub fn partners(site: &Site) -> Partners {
    let n = site.records.len();
    let kartes = site.of_kind(Kind::Kartes).count();
    // Intern the features: records hold sorted feature ids, postings list records per id.
    let mut ids: HashMap<Feature, usize> = HashMap::new();
    let mut names: Vec<Feature> = Vec::new();
    let features: Vec<Vec<usize>> = site
        .records
        .iter()
        .map(|r| {
            let mut fs: Vec<usize> = features(site, r)
                .into_iter()
                .map(|f| {
                    *ids.entry(f.clone()).or_insert_with(|| {
                        names.push(f);
                        names.len() - 1
                    })
                })
                .collect();
            fs.sort_unstable();
            fs
        })
        .collect();
    // Each feature's records, kind by kind: a record is compared only with the
    // kinds it is matched with, without reading the records it is not.
    let kind_of: Vec<Kind> = site.records.iter().map(|r| r.id.kind).collect();
    // Ties are broken by slug, which is unique within a kind: its rank orders
    // records of one kind the same way, without comparing strings.
    let mut by_slug: Vec<usize> = (0..n).collect();
    by_slug.sort_by(|&a, &b| site.records[a].id.slug.cmp(&site.records[b].id.slug));
    let mut slug_rank = vec![0usize; n];
    for (rank, &i) in by_slug.iter().enumerate() {
        slug_rank[i] = rank;
    }
    let mut postings: Vec<Vec<(Kind, Vec<usize>)>> = vec![Vec::new(); names.len()];
    for (i, fs) in features.iter().enumerate() {
        for &f in fs {
            let lists = &mut postings[f];
            match lists.iter_mut().find(|(k, _)| *k == kind_of[i]) {
                Some((_, list)) => list.push(i),
                None => lists.push((kind_of[i], vec![i])),
            }
        }
    }
    let held: Vec<usize> = (postings.iter())
        .map(|lists| lists.iter().map(|(_, l)| l.len()).sum())
        .collect();
    let weight: Vec<f64> = names
        .iter()
        .enumerate()
        .map(|(id, f)| {
            // Rarity among the records that can have the feature.
            let of = if f.0.starts_with("karte-") {
                kartes
            } else {
                n - kartes
            };
            facet_weight(f.0) * (of as f64 / held[id] as f64).ln().max(0.05)
        })
        .collect();
    // A karte feature most kartes have (a common support area, a word of every
    // report) finds no telling candidate and would compare each karte with
    // nearly all: it counts only for candidates found through rarer ones.
    let cap = (kartes / 20).max(200);
    let common = |f: usize| names[f].0.starts_with("karte-") && held[f] > cap;
    // A word two reports share tells a reader why they are alike only when
    // few others have it: most shared pairs of syllables are in words every
    // report uses (있다, 관리하고). The others still count in the score.
    let named: Vec<bool> = (0..names.len())
        .map(|f| names[f].0 != KARTE_WORD || held[f] <= (kartes / 50).max(2))
        .collect();
    (0..n)
        .into_par_iter()
        // One dense score buffer per worker thread, cleared through the list of touched records.
        .map_init(
            || (vec![0.0f64; n], Vec::new()),
            |(scores, touched), i| {
                let kind_i = site.records[i].id.kind;
                let kinds = partner_kinds(kind_i);
                if kinds.is_empty() {
                    return Vec::new();
                }
                for &f in features[i].iter().filter(|&&f| !common(f)) {
                    for (kind_j, list) in &postings[f] {
                        if !kinds.contains(kind_j) || !counts(&names[f], kind_i, *kind_j) {
                            continue;
                        }
                        for &j in list.iter().filter(|&&j| j != i) {
                            if scores[j] == 0.0 {
                                touched.push(j);
                            }
                            scores[j] += weight[f];
                        }
                    }
                }
                let common_i: Vec<usize> =
                    features[i].iter().copied().filter(|&f| common(f)).collect();
                for &j in touched.iter() {
                    for &f in &common_i {
                        if features[j].binary_search(&f).is_ok() {
                            scores[j] += weight[f];
                        }
                    }
                }
                // Records already linked to this one are shown elsewhere on its page.
                let linked = site.linked(&site.records[i]);
                // The best few of each kind, kept in order as they come: sorting
                // every candidate cost most of the time when a common term makes
                // most of the site a candidate.
                let mut best: Vec<Vec<(usize, f64)>> = vec![Vec::new(); kinds.len()];
                for &j in touched.iter() {
                    let Some(k) = kinds.iter().position(|&k| k == kind_of[j]) else {
                        continue;
                    };
                    // Most candidates score below the best few already kept.
                    if best[k].len() == PER_KIND && scores[j] < best[k][PER_KIND - 1].1 {
                        continue;
                    }
                    if !linked.contains(&j) && !same_company(&site.records[i], &site.records[j]) {
                        keep_best(&mut best[k], (j, scores[j]), |a, b| {
                            b.1.total_cmp(&a.1)
                                .then_with(|| slug_rank[a.0].cmp(&slug_rank[b.0]))
                        });
                    }
                }
                for &j in touched.iter() {
                    scores[j] = 0.0;
                }
                touched.clear();
                kinds
                    .iter()
                    .zip(best)
                    .map(|(&kind, best)| {
                        let matches = best
                            .into_iter()
                            .map(|(j, score)| Match {
                                record: j,
                                score,
                                shared: shared(
                                    &features[i],
                                    &features[j],
                                    &weight,
                                    (&names, &named),
                                    kind_i,
                                    kind,
                                ),
                            })
                            .collect();
                        (kind, matches)
                    })
                    .collect()
            },
        )
        .collect()
}

/// Put `item` into `best` (at most [`PER_KIND`] items, in `order`) if it belongs there.
fn keep_best<T: Copy>(best: &mut Vec<T>, item: T, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    let at = best.partition_point(|x| order(x, &item).is_lt());
    if at < PER_KIND {
        best.insert(at, item);
        best.truncate(PER_KIND);
    }
}

/// Support areas are what a company seeks and what a coordinator offers: they
/// match a company with a coordinator, not two companies that both need help.
fn counts(f: &Feature, a: Kind, b: Kind) -> bool {
    f.0 != "support-areas" || a == Kind::Coordinators || b == Kind::Coordinators
}

/// Similar cases come from other companies: a company's own kartes are its timeline.
fn same_company(a: &Record, b: &Record) -> bool {
    match (&a.details, &b.details) {
        (Details::Karte(x), Details::Karte(y)) => x.company.slug == y.company.slug,
        _ => false,
    }
}

fn facet_weight(facet: &str) -> f64 {
    if facet == KARTE_WORD {
        return KARTE_WORD_WEIGHT;
    }
    FACET_WEIGHTS
        .iter()
        .map(|&(f, w)| (f, w))
        .chain(KARTE_WEIGHTS.iter().map(|&(_, f, w)| (f, w)))
        .find(|(f, _)| *f == facet)
        .map_or(0.0, |(_, w)| w)
}

/// What a karte is matched on: its facets, and the words of its problem in
/// every language. Korean runs together what other languages write apart
/// (금형냉각), so Hangul counts by pairs of syllables.
fn karte_features(record: &Record) -> Vec<Feature> {
    let mut out: Vec<Feature> = Vec::new();
    for &(taxonomy, name, _) in KARTE_WEIGHTS {
        out.extend(record.terms(taxonomy).iter().map(|t| (name, t.clone())));
    }
    // A karte's problem is its summary (see `name_kartes`).
    let problem = record.summary.as_ref().unwrap_or(&record.title);
    for text in problem.texts() {
        for word in words_of(text) {
            out.extend(word_features(word).into_iter().map(|w| (KARTE_WORD, w)));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What a word of a karte's problem is matched on: its pairs of Hangul
/// syllables (its particle off), or the word itself if it is a long enough
/// word in another script.
fn word_features(word: &str) -> Vec<String> {
    let chars: Vec<char> = strip_particle(word).chars().collect();
    if chars.iter().any(|c| is_hangul(*c)) {
        return (chars.windows(2))
            .filter(|w| w.iter().all(|c| is_hangul(*c)))
            .map(|w| w.iter().collect())
            .collect();
    }
    if chars.len() >= 4 && !chars.iter().all(char::is_ascii_digit) {
        return vec![word.to_lowercase()];
    }
    Vec::new()
}

/// The words of `problem` that two kartes share (`shared` as a [`Match`]
/// has it, rarest first), in that order, each once and as the noun it names:
/// what a reader recognises of the pairs of syllables they were matched on.
/// A Korean word that ends as verbs do is named only if it is one of the
/// kartes' `nouns`: two reports that both say 길고 (long and) or 못해
/// (cannot) share a pair of syllables, not a subject.
pub fn shared_words(
    problem: &str,
    shared: &[(&str, String)],
    nouns: &HashSet<String>,
) -> Vec<String> {
    let features: Vec<&String> = (shared.iter())
        .filter(|(f, _)| *f == KARTE_WORD)
        .map(|(_, w)| w)
        .collect();
    if features.is_empty() {
        return Vec::new();
    }
    let words: Vec<(&str, Vec<String>)> = words_of(problem)
        .map(|w| (noun_of(w), word_features(w)))
        .filter(|(noun, _)| !ends_as_verb(noun) || nouns.contains(*noun))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for feature in features {
        for (word, _) in words.iter().filter(|(_, fs)| fs.contains(feature)) {
            if !out.iter().any(|w| w == word) {
                out.push(word.to_string());
            }
        }
    }
    out
}

/// The words the kartes use as nouns, of those [`shared_words`] asks about
/// (a problem's words that end as verbs do): each seen at least once in a
/// karte's texts (problem, advice, follow-up, notes) with a particle or a
/// verb ending taken off (재고를 → 재고). A verb or an adjective (길고,
/// 늦어진다) never takes a particle.
pub fn karte_nouns(site: &Site) -> HashSet<String> {
    let kartes: Vec<&Record> = site.of_kind(Kind::Kartes).collect();
    let asked: HashSet<&str> = (kartes.iter())
        .filter_map(|r| r.summary.as_ref())
        .flat_map(|problem| problem.texts())
        .flat_map(words_of)
        .map(noun_of)
        .filter(|noun| ends_as_verb(noun))
        .collect();
    if asked.is_empty() {
        return HashSet::new();
    }
    // On every core: 20,000 kartes are millions of words.
    (kartes.par_iter())
        .map(|r| nouns_in(karte_texts(r).into_iter(), &asked))
        .reduce(HashSet::new, |mut all, some| {
            all.extend(some);
            all
        })
}

/// The words of `asked` seen in `texts` with a particle or an ending taken off.
fn nouns_in<'a>(texts: impl Iterator<Item = &'a str>, asked: &HashSet<&str>) -> HashSet<String> {
    // A word can only be an asked noun with an ending if it starts as one does:
    // one lookup a word instead of stripping every ending from every word.
    let first_two = |w: &str| -> Option<(char, char)> {
        let mut chars = w.chars();
        Some((chars.next()?, chars.next()?))
    };
    let starts: HashSet<(char, char)> = asked.iter().filter_map(|w| first_two(w)).collect();
    let mut nouns = HashSet::new();
    for text in texts {
        for word in words_of(text) {
            if !first_two(word).is_some_and(|s| starts.contains(&s)) {
                continue;
            }
            let noun = noun_of(word);
            if noun.len() < word.len() && asked.contains(noun) {
                nouns.insert(noun.to_string());
            }
        }
    }
    nouns
}

/// The words of a karte's text, split at anything but letters and digits.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
}

/// A karte's texts in every language: problem, advice, follow-up and notes.
fn karte_texts(record: &Record) -> Vec<&str> {
    let Details::Karte(k) = &record.details else {
        return Vec::new();
    };
    let fields = [
        record.summary.as_ref(),
        Some(&k.advice),
        k.follow_up.as_ref(),
    ];
    let mut out: Vec<&str> = (fields.into_iter().flatten())
        .flat_map(|v| v.texts())
        .collect();
    out.extend(record.body.values().map(String::as_str));
    out
}

/// The terms a record is matched on. An institution also stands for the
/// technologies and industries of its research themes and equipment.
fn features(site: &Site, record: &Record) -> Vec<Feature> {
    if record.id.kind == Kind::Kartes {
        return karte_features(record);
    }
    let mut out: Vec<Feature> = Vec::new();
    let mut add = |r: &Record| {
        for &(facet, _) in FACET_WEIGHTS {
            out.extend(r.terms(facet).iter().map(|t| (facet, t.clone())));
        }
    };
    add(record);
    if record.id.kind == Kind::Institutions {
        for kind in [Kind::ResearchThemes, Kind::Equipment] {
            site.referrers(record, kind).into_iter().for_each(&mut add);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The shared terms that count between the two kinds and are `named`,
/// heaviest first (then by facet and key, for stable output).
fn shared(
    a: &[usize],
    b: &[usize],
    weight: &[f64],
    (names, named): (&[Feature], &[bool]),
    ka: Kind,
    kb: Kind,
) -> Vec<Feature> {
    let mut common: Vec<usize> = a
        .iter()
        .copied()
        .filter(|f| named[*f] && b.binary_search(f).is_ok() && counts(&names[*f], ka, kb))
        .collect();
    common.sort_by(|x, y| {
        weight[*y]
            .total_cmp(&weight[*x])
            .then_with(|| names[*x].cmp(&names[*y]))
    });
    common.into_iter().map(|f| names[f].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_word_that_ends_as_verbs_do_is_named_only_if_seen_as_a_noun() {
        let problem = "재고 관리가 길고 손이 많이 가서 재고표가 늦어진다";
        let shared: Vec<(&str, String)> = ["재고", "길고", "어진"]
            .iter()
            .map(|w| (KARTE_WORD, w.to_string()))
            .collect();
        let asked: HashSet<&str> = ["재고", "길고"].into();
        let seen_as_nouns = nouns_in(["재고를 줄이고 길고 긴 검토하고"].into_iter(), &asked);
        let expected: HashSet<String> = ["재고".to_string()].into();
        assert_eq!(seen_as_nouns, expected);
        assert_eq!(
            shared_words(problem, &shared, &seen_as_nouns),
            ["재고", "재고표"]
        );
        // Never seen with a particle, 재고 reads like the verbs: left out too.
        assert!(shared_words(problem, &shared, &HashSet::new()).contains(&"재고표".to_string()));
        assert!(!shared_words(problem, &shared, &HashSet::new()).contains(&"재고".to_string()));
    }
}
