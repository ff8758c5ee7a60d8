//! How often a text names something: how much a record is about one of the
//! terms it is filed under, told by how often its own text writes the term.

use super::hangul::is_hangul;

/// A text prepared for counting names in it.
pub struct Mentions {
    /// Lower case, each run of other characters than letters and digits one
    /// space, with a space at either end: a word is found as ` word `.
    words: String,
    /// The same without the spaces, where Hangul names are looked for.
    squashed: String,
}

impl Mentions {
    pub fn new(text: &str) -> Self {
        let words = spaced(text);
        let squashed = words.replace(' ', "");
        Mentions { words, squashed }
    }

    /// How often `name` is written in the text. A name with Hangul in it is
    /// found anywhere, spaces left out (용접 in 용접을 and 레이저용접, 비파괴검사 in
    /// 비파괴 검사): Korean writes particles and compounds onto words. Other names
    /// are found as whole words, case aside, so that `AI` is not found in `maintain`.
    pub fn count(&self, name: &str) -> usize {
        let name = spaced(name);
        if name.trim().is_empty() {
            return 0;
        }
        if name.chars().any(is_hangul) {
            let name = name.replace(' ', "");
            // One syllable is part of too many words to tell anything.
            if name.chars().count() < 2 {
                return 0;
            }
            return occurrences(&self.squashed, &name);
        }
        occurrences(&self.words, &name)
    }
}

/// How often `name` stands in `text`, not overlapping (memchr's vectorised
/// search: this runs for every term with search words of every record).
fn occurrences(text: &str, name: &str) -> usize {
    memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()).count()
}

/// ` lower case words `, the runs between them one space each.
fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if is_hangul(c) {
            // Most of a Korean text, and looking it up in Unicode's tables is slow.
            out.push(c);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_names_are_found_inside_words_and_across_spaces() {
        let m = Mentions::new("레이저용접과 용접을 합니다. 비파괴 검사까지.");
        assert_eq!(m.count("용접"), 2);
        assert_eq!(m.count("비파괴검사"), 1);
        assert_eq!(m.count("검"), 0);
    }

    #[test]
    fn other_names_are_whole_words() {
        let m =
            Mentions::new("AI inspection; we maintain AI-based tools. Non-destructive testing.");
        assert_eq!(m.count("AI"), 2);
        assert_eq!(m.count("non-destructive testing"), 1);
        assert_eq!(m.count("test"), 0);
        assert_eq!(m.count(" "), 0);
    }
}
