//! Korean text forms that make search find what a visitor types.
//!
//! Korean writes particles onto nouns (`가공을`) and builds compounds without
//! spaces (`정밀가공`, `집적회로`). Pagefind splits words on spaces and matches a
//! query as a word *prefix*, so `가공` would never find `정밀가공`. At build time
//! we therefore index every suffix of each word that contains Hangul (`밀가공`,
//! `가공`, `공`): a query then matches wherever it starts inside a word, which is
//! substring search for Korean. At query time the page strips a trailing
//! particle from each word (`회로를` → `회로`), so the query matches the word
//! however it is inflected in the text.

use std::collections::HashSet;

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

pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{1100}'..='\u{11FF}').contains(&c)
        || ('\u{3130}'..='\u{318F}').contains(&c)
}

/// The word without a trailing particle, if at least two letters remain.
pub fn strip_particle(word: &str) -> &str {
    for p in PARTICLES {
        if let Some(stem) = word.strip_suffix(p) {
            if stem.chars().count() >= 2 && stem.chars().last().is_some_and(is_hangul) {
                return stem;
            }
        }
    }
    word
}

/// The extra forms to index for `text`: every proper suffix of each
/// whitespace-separated token that contains Hangul, starting at a letter, once
/// each. Tokens are taken as Pagefind takes them, so `절삭·연삭` also yields
/// `연삭`. Returns them space-separated.
pub fn suffix_forms(text: &str) -> String {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = String::new();
    for token in text.split_whitespace() {
        if !token.chars().any(is_hangul) {
            continue;
        }
        for (i, c) in token.char_indices().skip(1) {
            let suffix = token[i..].trim_end_matches(|c: char| !c.is_alphanumeric());
            // A particle alone is not worth a token: it would match every noun it follows.
            if !c.is_alphanumeric()
                || suffix.is_empty()
                || PARTICLES.contains(&suffix)
                || !seen.insert(suffix)
            {
                continue;
            }
            out.push_str(suffix);
            out.push(' ');
        }
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_let_a_prefix_match_find_nouns_inside_words() {
        let forms = suffix_forms("정밀가공을 맡는 집적회로, 전자현미경");
        for wanted in ["가공을", "밀가공을", "회로", "현미경"] {
            assert!(forms.split(' ').any(|f| f == wanted), "{wanted} in {forms}");
        }
        // A particle on its own is not indexed.
        assert!(!forms.split(' ').any(|f| f == "을"));
        // Latin words get no extra forms.
        assert_eq!(suffix_forms("laser processing"), "");
        // Words joined by a middle dot are one token to Pagefind: each part is reachable.
        let forms = suffix_forms("절삭·연삭 현장, 열처리·도금·주조");
        for wanted in ["연삭", "도금·주조", "주조"] {
            assert!(forms.split(' ').any(|f| f == wanted), "{wanted} in {forms}");
        }
    }

    #[test]
    fn mixed_script_words_index_their_korean_part() {
        let forms = suffix_forms("MEMS센서를");
        assert!(forms.split(' ').any(|f| f == "센서를"), "{forms}");
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
