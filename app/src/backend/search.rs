//! Indonesian full-text search, the same on both databases: the application splits and stems
//! text (Snowball's Indonesian stemmer, the one PostgreSQL's `indonesian` configuration uses),
//! the database indexes the stems (SQLite FTS5, PostgreSQL `tsvector`), and queries are stemmed
//! the same way. So "pelayanan", "layanan" and "dilayani" find each other on either database.

use std::sync::LazyLock;

use snowball_stemmers_rs::{Algorithm, Stemmer};

static INDONESIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Indonesian));

/// The most terms a query is taken with: enough for any real search, a bound on the work.
pub const MAX_QUERY_TERMS: usize = 8;

/// The lower-case words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The stem of one lower-case word.
fn stem(word: &str) -> String {
    INDONESIAN.stem(word).into_owned()
}

/// The text as the index stores it: each word's stem, and the word itself when it differs
/// (so that a word still being typed matches by prefix even where its stem does not).
pub fn analyse(text: &str) -> String {
    let mut tokens = Vec::new();
    for word in words(text) {
        let stemmed = stem(&word);
        if stemmed != word {
            tokens.push(word);
        }
        tokens.push(stemmed);
    }
    tokens.join(" ")
}

/// One word of a query: its stem and the word as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    pub word: String,
}

/// The words of a search query, each once, at most [`MAX_QUERY_TERMS`]. Only letters and digits
/// survive, so the terms are safe inside either database's query syntax.
pub fn query_terms(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    // Bounded work whatever the caller sends: the words looked at, and the terms kept.
    for word in words(query).take(4 * MAX_QUERY_TERMS) {
        if terms.len() == MAX_QUERY_TERMS {
            break;
        }
        let term = Term { stem: stem(&word), word };
        if !terms.iter().any(|t| t.stem == term.stem) {
            terms.push(term);
        }
    }
    terms
}

/// An FTS5 query: every word must match, by its stem or as typed, each as a prefix.
pub fn sqlite_match(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| format!("(\"{}\"* OR \"{}\"*)", t.stem, t.word))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A `to_tsquery('simple', …)` argument with the same meaning as [`sqlite_match`].
pub fn postgres_tsquery(terms: &[Term]) -> String {
    terms.iter().map(|t| format!("({}:* | {}:*)", t.stem, t.word)).collect::<Vec<_>>().join(" & ")
}

/// The `to_tsquery('simple', …)` argument for `term` among the lexemes of one weight (`A`: the
/// title, `B`: the keywords, `C`: the body — the weights the `search` column gives them).
pub fn postgres_weighted_tsquery(term: &Term, weight: char) -> String {
    format!("({}:*{weight} | {}:*{weight})", term.stem, term.word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        query_terms(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn affixes_are_stripped_so_word_forms_meet() {
        assert_eq!(stems("Pelayanan"), stems("layanan"));
        assert_eq!(stems("pelatihan dilatih"), ["latih"]);
        assert_eq!(stems("PENGADUAN"), stems("mengadu"));
        assert_eq!(analyse("data-statistik, 2027"), "data statistik 2027");
        // The word itself is kept beside its stem: typing "kepemimpin…" finds "Kepemimpinan".
        assert_eq!(analyse("Kepemimpinan"), "kepemimpinan mimpin");
    }

    #[test]
    fn queries_keep_only_safe_distinct_terms() {
        let terms = query_terms("\"arsip\" OR arsip* NEAR(x) -- ; DROP");
        let safe = |s: &str| s.chars().all(char::is_alphanumeric);
        assert!(terms.iter().all(|t| safe(&t.stem) && safe(&t.word)), "{terms:?}");
        assert_eq!(terms.iter().filter(|t| t.word == "arsip").count(), 1);
        assert_eq!(query_terms("a b c d e f g h i j k").len(), MAX_QUERY_TERMS);
        let terms = query_terms("pelatihan arsip");
        assert_eq!(
            sqlite_match(&terms),
            "(\"latih\"* OR \"pelatihan\"*) AND (\"arsip\"* OR \"arsip\"*)"
        );
        assert_eq!(postgres_tsquery(&terms), "(latih:* | pelatihan:*) & (arsip:* | arsip:*)");
        assert_eq!(postgres_weighted_tsquery(&terms[0], 'A'), "(latih:*A | pelatihan:*A)");
    }
}
