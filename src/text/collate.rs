//! Sorting names the way each language's readers expect, and the initial-letter index.
//!
//! Precomposed Hangul syllables are in 가나다 order in Unicode, so after NFC a
//! code-point comparison of the folded key gives dictionary order for Korean;
//! Latin names are compared case-insensitively. Legal-form markers ((주),
//! 주식회사, 株式会社, Co., Ltd., Inc.) are ignored, as directories and phone
//! books do.

use unicode_normalization::UnicodeNormalization;

use crate::text::hangul::is_hangul;

/// Words that mark a legal form, not a name. Longest first, so "Co., Ltd." goes before "Ltd.".
/// The search page gets them too, to tell a query word in a name from one in its legal form.
pub const LEGAL_FORMS: &[&str] = &[
    "주식회사",
    "유한회사",
    "재단법인",
    "사단법인",
    "(주)",
    "㈜",
    "(유)",
    "(재)",
    "(사)",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "株式会社",
    "有限会社",
    "合同会社",
    "(株)",
    "（株）",
    "㈱",
    "(有)",
    "（有）",
    "co., ltd.",
    "co.,ltd.",
    "co. ltd.",
    "corporation",
    "company limited",
    "limited",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "corp.",
    "llc",
    "gmbh",
    "k.k.",
    "co.",
];

/// The key a name sorts by: legal forms removed, letters folded, composed.
pub fn sort_key(name: &str) -> String {
    let mut s: String = name.nfc().collect::<String>().to_lowercase();
    for form in LEGAL_FORMS {
        s = remove_word(&s, form);
    }
    let s = s
        .trim()
        .trim_start_matches("the ")
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    s.chars()
        .filter(|c| !matches!(c, '"' | '\'' | '“' | '”' | '「' | '」'))
        .map(hiragana)
        .collect()
}

/// Katakana as the hiragana of the same sound, so that kana names sort
/// together in the order of the Japanese syllabary (アルファ among あ…).
fn hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// The row of the Japanese syllabary a hiragana letter is in, as the row's
/// first letter (が → か, ぽ → は): how Japanese directories index names.
fn kana_row(c: char) -> Option<char> {
    let row = match c {
        '\u{3041}'..='\u{304A}' | 'ゔ' => 'あ',
        '\u{304B}'..='\u{3054}' | 'ゕ' | 'ゖ' => 'か',
        '\u{3055}'..='\u{305E}' => 'さ',
        '\u{305F}'..='\u{3069}' => 'た',
        '\u{306A}'..='\u{306E}' => 'な',
        '\u{306F}'..='\u{307D}' => 'は',
        '\u{307E}'..='\u{3082}' => 'ま',
        '\u{3083}'..='\u{3088}' => 'や',
        '\u{3089}'..='\u{308D}' => 'ら',
        '\u{308E}'..='\u{3093}' | '\u{30F7}'..='\u{30FA}' => 'わ',
        _ => return None,
    };
    Some(row)
}

/// Remove `form` where it stands as its own word (not inside another word).
fn remove_word(s: &str, form: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(form) {
        let after = &rest[i + form.len()..];
        // Korean and Japanese write a legal form onto the name it ends
        // (昭島電子工業株式会社), so one that ends the name goes too.
        let before_ok = rest[..i]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric() || is_hangul(c) && form.starts_with('('))
            || out.is_empty() && i == 0
            || after.is_empty() && !form.is_ascii();
        let after_ok = after
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphanumeric())
            || !form.is_ascii();
        out.push_str(&rest[..i]);
        if !(before_ok && after_ok) {
            out.push_str(form);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The heading a name is listed under: ㄱ…ㅎ for Hangul (tense consonants with their
/// plain ones, as Korean dictionaries do), あ…わ for kana (the syllabary's rows),
/// A–Z for Latin, `0–9` for digits, `#` otherwise.
pub fn initial(key: &str) -> String {
    let Some(c) = key.chars().find(|c| c.is_alphanumeric()) else {
        return "#".into();
    };
    if is_hangul(c) {
        let index = (c as u32 - 0xAC00) / 588;
        let plain = match CHOSEONG[index as usize] {
            'ㄲ' => 'ㄱ',
            'ㄸ' => 'ㄷ',
            'ㅃ' => 'ㅂ',
            'ㅆ' => 'ㅅ',
            'ㅉ' => 'ㅈ',
            other => other,
        };
        return plain.to_string();
    }
    if let Some(row) = kana_row(c) {
        return row.to_string();
    }
    if c.is_ascii_digit() {
        return "0–9".into();
    }
    // Strip accents: É → E.
    let base = c.to_string().nfd().next().unwrap_or(c);
    base.to_uppercase().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_order_ignores_legal_forms() {
        let mut names = vec![
            "주식회사 오메프레스공업",
            "(주)한빛정밀",
            "가나전자",
            "다마정밀 주식회사",
            "㈜나라기공",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "가나전자",
                "㈜나라기공",
                "다마정밀 주식회사",
                "주식회사 오메프레스공업",
                "(주)한빛정밀"
            ]
        );
    }

    #[test]
    fn japanese_order_ignores_legal_forms_before_and_after_the_name() {
        for (name, key) in [
            ("株式会社日野精密", "日野精密"),
            ("昭島電子工業株式会社", "昭島電子工業"),
            ("㈱青梅製作所", "青梅製作所"),
            ("一般社団法人多摩産業協会", "多摩産業協会"),
            ("다마정밀주식회사", "다마정밀"),
            // Inside a name it stays: it is not a legal form there.
            ("日野株式会社研究所", "日野株式会社研究所"),
        ] {
            assert_eq!(sort_key(name), key);
        }
    }

    #[test]
    fn kana_names_sort_and_index_by_the_syllabary() {
        let mut names = vec!["ミドリ工機", "あおば電子", "株式会社カワセミ", "さくら精工"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec!["あおば電子", "株式会社カワセミ", "さくら精工", "ミドリ工機"]
        );
        let rows: Vec<String> = names.iter().map(|n| initial(&sort_key(n))).collect();
        assert_eq!(rows, vec!["あ", "か", "さ", "ま"]);
        assert_eq!(initial(&sort_key("ガイア")), "か");
        assert_eq!(initial(&sort_key("ポラリス")), "は");
    }

    #[test]
    fn english_order_ignores_legal_forms_and_case() {
        let mut names = vec![
            "Zeta Inc.",
            "alpha Co., Ltd.",
            "The Beta Corporation",
            "Incubator Hub",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec![
                "alpha Co., Ltd.",
                "The Beta Corporation",
                "Incubator Hub",
                "Zeta Inc."
            ]
        );
        assert_eq!(sort_key("Incubator Hub"), "incubator hub");
    }

    #[test]
    fn initials() {
        assert_eq!(initial(&sort_key("(주)한빛정밀")), "ㅎ");
        assert_eq!(initial(&sort_key("까치전자")), "ㄱ");
        assert_eq!(initial(&sort_key("Élan")), "E");
        assert_eq!(initial("3d lab"), "0–9");
    }
}
