//! Korean text forms that make search find what a visitor types.
//!
//! Korean writes particles onto nouns (`가공을`) and builds compounds without
//! spaces (`정밀가공`, `집적회로`). Pagefind splits words on spaces, matches a
//! query as a word prefix, and loads only the one index chunk where the query
//! term would sit, so neither `가공` inside `정밀가공` nor the many words that
//! start with a common prefix are found reliably once a site is large.
//!
//! So every run of Hangul is also indexed as its syllables and syllable pairs
//! (`정밀가공` → `정`, `밀`, `가`, `공`, `정밀`, `밀가`, `가공`), each followed by
//! a sentinel letter so that it is a word of its own that nothing else extends.
//! The search page turns each Korean query word the same way into the pairs it
//! must contain (`현미경을` → particle off → `현미`, `미경`), which Pagefind
//! requires all of. Each query term is then an exact word, always in the chunk
//! Pagefind loads, and a noun is found wherever it stands inside a word.

use std::collections::HashSet;

/// Ends every indexed syllable form. A letter (Pagefind drops punctuation), and
/// one that does not follow Hangul in real text, so these forms only match each other.
pub const SENTINEL: char = 'q';

/// Particles and copulas that end a word, longest first (so `에서` goes before `에`).
pub const PARTICLES: &[&str] = &[
    "에서부터",
    "으로부터",
    "이라는",
    "에게서",
    "께서는",
    "에서는",
    "에서도",
    "으로는",
    "으로서",
    "으로써",
    "입니다",
    "로부터",
    "에서",
    "에게",
    "한테",
    "까지",
    "부터",
    "으로",
    "처럼",
    "보다",
    "께서",
    "이나",
    "이며",
    "이고",
    "이다",
    "라는",
    "로서",
    "로써",
    "와",
    "과",
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "의",
    "에",
    "로",
    "도",
    "만",
];

/// Precomposed Hangul syllables (text is NFC by the time it is indexed).
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The word without a trailing particle, if at least two letters remain.
pub fn strip_particle(word: &str) -> &str {
    strip_ending(word, PARTICLES)
}

/// The word without the first of `endings` it ends with, if at least two
/// letters remain and the last is Hangul.
fn strip_ending<'a>(word: &'a str, endings: &[&str]) -> &'a str {
    for e in endings {
        if let Some(stem) = word.strip_suffix(e) {
            if stem.chars().count() >= 2 && stem.chars().last().is_some_and(is_hangul) {
                return stem;
            }
        }
    }
    word
}

/// Endings of a verb made from a noun with 하다 or 되다 (`검토하고`,
/// `의존하려는데`, `정리되어`), longest first.
const VERB_ENDINGS: &[&str] = &[
    "하려는데",
    "하였는데",
    "되었는데",
    "하려고",
    "하는데",
    "하지만",
    "하면서",
    "하였다",
    "되었다",
    "했는데",
    "하고",
    "하지",
    "하다",
    "한다",
    "하여",
    "해서",
    "하며",
    "하는",
    "하기",
    "했다",
    "하게",
    "하면",
    "되어",
    "되고",
    "된다",
    "됐다",
    "되는",
    "되지",
];

/// The noun a word names: without its particle, and a verb made from a noun
/// (`검토하고`) as that noun (`검토`), if at least two letters remain.
pub fn noun_of(word: &str) -> &str {
    strip_ending(strip_particle(word), VERB_ENDINGS)
}

/// Last letters that end a verb or an adjective in running text (`늦어진다`,
/// `길고`, `못해`, `보내도록`, `두꺼운`) and few nouns: a noun that ends so
/// (재고, 손해) is told apart by being seen elsewhere with a particle (see
/// `matching::karte_nouns`).
const VERBAL_FINALS: &[&str] = &[
    "다", "고", "며", "해", "게", "도록", "데", "니", "면서", "지만", "려고", "자고", "에", "는",
    "운", "던", "된",
];

/// Whether a word, particle and ending taken off, still ends as verbs do.
pub fn ends_as_verb(word: &str) -> bool {
    word.chars().count() >= 2 && VERBAL_FINALS.iter().any(|e| word.ends_with(e))
}

/// The syllable forms to index for `text`: each syllable and each pair of
/// neighbouring syllables in a run of Hangul, once each, space-separated.
pub fn index_forms(text: &str) -> String {
    counted_forms(text, 1, &mut Taken::default())
}

/// A syllable form as two letters, the second `'\0'` for a single syllable:
/// forms are counted for every record of a site, so they are not made into
/// strings until they are written.
type Form = (char, char);

/// Forms already counted in a weightier part of a record.
pub type Taken = rustc_hash::FxHashSet<Form>;

/// A run's syllables, then its pairs of neighbouring syllables.
fn run_forms(run: &[char]) -> impl Iterator<Item = Form> + '_ {
    (run.iter().map(|c| (*c, '\0'))).chain(run.windows(2).map(|w| (w[0], w[1])))
}

/// Append a form's letters as an indexed word: with the sentinel, then a space.
fn push_form(out: &mut String, letters: impl IntoIterator<Item = char>) {
    out.extend(letters);
    out.push(SENTINEL);
    out.push(' ');
}

/// The syllable forms of `text` as indexed words that count: each form as
/// often as it occurs, up to `cap` times, so that Pagefind's term frequency
/// (with its saturation) sees how often a word stands in the text. Forms in
/// `taken` (those of a weightier part of the record) are left out, and the
/// forms given are added to it: a form counts in the weightiest part it is in.
/// The lead forms (`lead_forms`) come last, once each, in every part that
/// has them: `taken` holds syllable forms only.
pub fn counted_forms(text: &str, cap: usize, taken: &mut Taken) -> String {
    let mut counts: rustc_hash::FxHashMap<Form, usize> = Default::default();
    let mut out = String::new();
    for run in hangul_runs(text) {
        for form in run_forms(&run) {
            if taken.contains(&form) {
                continue;
            }
            let n = counts.entry(form).or_default();
            if *n < cap {
                *n += 1;
                push_form(
                    &mut out,
                    [form.0, form.1].into_iter().filter(|c| *c != '\0'),
                );
            }
        }
    }
    taken.extend(counts.into_keys());
    let mut leads: Vec<String> = lead_forms(text).collect();
    leads.sort_unstable();
    leads.dedup();
    for lead in leads {
        push_form(&mut out, lead.chars());
    }
    out.pop();
    out
}

/// For each run of Hangul written onto Latin letters or digits (`5축`,
/// `3D프린터`, `MEMS센서`), those letters, lower-cased, and the run's first
/// syllable (`5축`, `3d프`, `mems센`): with the sentinel, an exact word. Sent
/// apart, `5` or `3d` is matched as the start of a word, which a large index
/// loses (docs/SEARCH.md, Korean); and `5` starts far more words than `5축`.
fn lead_forms(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut lead = String::new();
    text.chars().filter_map(move |c| {
        if c.is_ascii_alphanumeric() {
            lead.push(c.to_ascii_lowercase());
            None
        } else {
            let form = (is_hangul(c) && !lead.is_empty()).then(|| format!("{lead}{c}"));
            lead.clear();
            form
        }
    })
}

/// The initial consonants (choseong) of the Hangul syllables, as compatibility
/// jamo, the letters a visitor types for them: `다치카와` → `ㄷㅊㅋㅇ`.
pub const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The longest run of initial consonants indexed as one word; longer queries
/// are split into overlapping runs of this length, all required.
pub const INITIALS_MAX: usize = 4;

/// The initial consonant of a Hangul syllable.
pub fn initial(c: char) -> Option<char> {
    is_hangul(c).then(|| CHOSEONG[(c as usize - 0xAC00) / 588])
}

/// The initial-consonant forms of a name: in each run of Hangul, every run of
/// 2 to [`INITIALS_MAX`] neighbouring syllables as its initial consonants,
/// with the sentinel, once each (`다치카와` → `ㄷㅊq ㄷㅊㅋq ㄷㅊㅋㅇq ㅊㅋq …`).
/// A visitor's `ㄷㅊㅋㅇ` is then an exact indexed word, found at any size.
pub fn initial_forms(name: &str) -> String {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = String::new();
    for run in hangul_runs(name) {
        let letters: Vec<char> = run.iter().filter_map(|c| initial(*c)).collect();
        for start in 0..letters.len() {
            for len in 2..=INITIALS_MAX {
                if start + len > letters.len() {
                    break;
                }
                let form: String = letters[start..start + len].iter().collect();
                if seen.insert(form.clone()) {
                    push_form(&mut out, form.chars());
                }
            }
        }
    }
    out.pop();
    out
}

/// What the search page sends for one query word: the particle stripped, each
/// Hangul run as its pairs (or its one syllable), Latin letters or digits
/// written onto Hangul as their lead form (`5축` → `5축q`), other letters as
/// they are.
pub fn query_forms(word: &str) -> Vec<String> {
    let word = strip_particle(word);
    let mut out: Vec<String> = lead_forms(word).map(|f| format!("{f}{SENTINEL}")).collect();
    let lead = word
        .find(is_hangul)
        .filter(|&at| at > 0 && word[..at].chars().all(|c| c.is_ascii_alphanumeric()));
    let mut rest = String::new();
    for c in word[lead.unwrap_or(0)..].chars() {
        if !is_hangul(c) {
            rest.push(c);
        }
    }
    for run in hangul_runs(word) {
        if run.len() == 1 {
            out.push(format!("{}{SENTINEL}", run[0]));
        }
        out.extend(
            run.windows(2)
                .map(|w| format!("{}{}{SENTINEL}", w[0], w[1])),
        );
    }
    if !rest.trim().is_empty() {
        out.push(rest);
    }
    out
}

fn hangul_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for c in text.chars() {
        if is_hangul(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        index_forms(text).split(' ').map(str::to_string).collect()
    }

    #[test]
    fn a_verb_made_from_a_noun_names_the_noun() {
        for (word, noun) in [
            ("검토하고", "검토"),
            ("공동연구하려는데", "공동연구"),
            ("정리되어", "정리"),
            ("정년을", "정년"),
            // Too short a stem, or no verb: as it is (less its particle).
            ("하고", "하고"),
            ("재고", "재고"),
            ("소프트웨어", "소프트웨어"),
        ] {
            assert_eq!(noun_of(word), noun, "{word}");
        }
    }

    #[test]
    fn every_query_pair_of_a_noun_inside_a_compound_is_indexed() {
        let indexed = forms("정밀가공을 맡는 집적회로, 전자현미경 절삭·연삭");
        for noun in ["가공", "회로", "현미경", "연삭", "전자현미경"] {
            for q in query_forms(noun) {
                assert!(indexed.contains(&q), "{q} of {noun} in {indexed:?}");
            }
        }
        // Latin words get no extra forms.
        assert_eq!(index_forms("laser processing"), "");
    }

    #[test]
    fn hangul_written_onto_letters_or_digits_is_indexed_with_them() {
        let indexed = forms("5축 가공기와 3D프린터, (주)MEMS센서 10 mm");
        for q in ["5축", "3D프린터", "MEMS센서를"]
            .iter()
            .flat_map(|w| query_forms(w))
        {
            assert!(indexed.contains(&q), "{q} in {indexed:?}");
        }
        // Apart from Hangul, letters and digits get no form: 10, mm are words already.
        assert!(!indexed
            .iter()
            .any(|f| f.starts_with("10") || f.starts_with("mm")));
    }

    #[test]
    fn query_words_lose_particles_and_become_syllable_pairs() {
        assert_eq!(query_forms("현미경을"), vec!["현미q", "미경q"]);
        assert_eq!(query_forms("회로를"), vec!["회로q"]);
        assert_eq!(query_forms("칩"), vec!["칩q"]);
        assert_eq!(query_forms("MEMS센서를"), vec!["mems센q", "센서q"]);
        assert_eq!(query_forms("5축"), vec!["5축q", "축q"]);
        assert_eq!(query_forms("3D프린터"), vec!["3d프q", "프린q", "린터q"]);
        // Letters after the Hangul, or apart from it, are sent as typed.
        assert_eq!(query_forms("센서MEMS"), vec!["센서q", "MEMS"]);
        assert_eq!(query_forms("laser"), vec!["laser"]);
    }

    #[test]
    fn a_query_form_never_prefix_matches_a_longer_indexed_word() {
        // Pagefind matches a query term as the prefix of indexed words (and loads
        // only the chunk where the term would sit). The sentinel makes each form a
        // word that nothing else extends, so a query form matches its own form
        // exactly or nothing: 기 must not reach the word 기업, nor 기술사 reach 기술상담.
        for (query, text) in [("기", "기업"), ("기술사", "기술상담을"), ("기어", "기업")]
        {
            // What Pagefind indexes for a record with this text: its words, plus
            // the forms src/search.rs adds with `index_forms`.
            let indexed: Vec<String> = text
                .split_whitespace()
                .map(str::to_string)
                .chain(forms(text))
                .collect();
            // What the search page sends (search.js mirrors `query_forms`).
            for q in query_forms(query) {
                for word in &indexed {
                    assert!(
                        word == &q || !word.starts_with(q.as_str()),
                        "the query form {q:?} of {query} prefix-matches {word:?}, indexed for {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn forms_count_how_often_a_word_occurs_up_to_the_cap() {
        let mut taken = Taken::default();
        let forms = counted_forms(
            "레이저 가공, 레이저 절단, 레이저 용접, 레이저",
            3,
            &mut taken,
        );
        let count = |f: &str| forms.split(' ').filter(|w| *w == f).count();
        assert_eq!(count("레이q"), 3);
        assert_eq!(count("가공q"), 1);
        // A form counted in a weightier part is not counted again.
        assert_eq!(counted_forms("가공 절삭", 3, &mut taken), "삭q 절삭q");
    }

    #[test]
    fn initial_consonants_of_every_short_run_of_a_name_are_words() {
        let forms = initial_forms("다치카와레이저테크");
        let words: Vec<&str> = forms.split(' ').collect();
        for w in ["ㄷㅊq", "ㄷㅊㅋㅇq", "ㄹㅇㅈq", "ㅇㄹㅇㅈq"] {
            assert!(words.contains(&w), "{w} in {forms}");
        }
        // Runs longer than the maximum are not words; a query that long is split.
        assert!(!words.contains(&"ㄷㅊㅋㅇㄹq"));
        assert_eq!(initial('한'), Some('ㅎ'));
        assert_eq!(initial_forms("Tachikawa"), "");
    }

    #[test]
    fn particles_are_stripped_from_queries() {
        assert_eq!(strip_particle("회로를"), "회로");
        assert_eq!(strip_particle("가공에서"), "가공");
        assert_eq!(strip_particle("레이저로"), "레이저");
        assert_eq!(strip_particle("대학의"), "대학");
        // Too short to be a noun plus a particle, or not Korean.
        assert_eq!(strip_particle("오이"), "오이");
        assert_eq!(strip_particle("laser"), "laser");
    }
}
