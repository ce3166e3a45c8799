//! Text relevance of an offer to a need, from the stems the search index stores: the share of
//! the need's topic words that the offer's title, tags or body carry. Computed here rather than
//! by either database's ranking function, so that SQLite and PostgreSQL rank alike; the full-text
//! index only finds the candidates.

/// Words that say nothing about a topic (stems, as the analyser leaves them).
const STOPWORDS: &[&str] = &[
    "dan",
    "atau",
    "untuk",
    "bagi",
    "di",
    "ke",
    "dari",
    "yang",
    "dengan",
    "pada",
    "dalam",
    "oleh",
    "ini",
    "itu",
    "para",
    "agar",
    "serta",
    "sebagai",
    "tingkat",
    "kabupaten",
    "kota",
    "daerah",
    "provinsi",
    "lampung",
    "asn",
    "the",
    "of",
    "and",
    "for",
    "in",
    "to",
    "a",
    "an",
];

/// The most topic words of a need taken into account: its title and summary's worth.
pub const MAX_TOPIC_TERMS: usize = 16;

/// What an offer found in a field is worth: its title says what it is about, its tags
/// (summary, competencies) what it covers, its body what it mentions.
const TITLE: f32 = 1.0;
const KEYWORDS: f32 = 0.6;
const BODY: f32 = 0.3;

/// The distinct topic words of a need's stemmed text (the analyser's output), in order, at most
/// [`MAX_TOPIC_TERMS`]; stopwords and one-letter tokens dropped.
pub fn topic_terms(analysed: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for token in analysed.split_whitespace() {
        if terms.len() == MAX_TOPIC_TERMS {
            break;
        }
        if token.chars().count() > 1
            && !STOPWORDS.contains(&token)
            && !terms.iter().any(|t| t == token)
        {
            terms.push(token.to_owned());
        }
    }
    terms
}

/// The offer's stemmed fields, as stored for the search index.
#[derive(Debug, Clone, Copy)]
pub struct OfferText<'a> {
    pub title: &'a str,
    pub keywords: &'a str,
    pub body: &'a str,
}

/// 0.0–1.0: each topic word counts what the best field that carries it is worth, averaged over
/// the words. No topic words: 0.
pub fn relevance(topic: &[String], offer: OfferText<'_>) -> f32 {
    if topic.is_empty() {
        return 0.0;
    }
    let has = |field: &str, term: &str| field.split_whitespace().any(|token| token == term);
    let earned: f32 = topic
        .iter()
        .map(|term| {
            if has(offer.title, term) {
                TITLE
            } else if has(offer.keywords, term) {
                KEYWORDS
            } else if has(offer.body, term) {
                BODY
            } else {
                0.0
            }
        })
        .sum();
    earned / topic.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_terms_drop_stopwords_and_repeats() {
        let terms = topic_terms("kaji efektivitas layanan adu di kabupaten dan layanan x");
        assert_eq!(terms, ["kaji", "efektivitas", "layanan", "adu"]);
        let many: String = (0..40).map(|i| format!("w{i} ")).collect();
        assert_eq!(topic_terms(&many).len(), MAX_TOPIC_TERMS);
    }

    #[test]
    fn the_title_counts_more_than_tags_and_tags_more_than_the_body() {
        let topic = topic_terms("arsip digital");
        let in_title = OfferText { title: "kelola arsip digital", keywords: "", body: "" };
        let in_tags = OfferText { title: "kursus", keywords: "arsip digital", body: "" };
        let in_body = OfferText { title: "kursus", keywords: "", body: "arsip digital" };
        let half = OfferText { title: "arsip", keywords: "", body: "" };
        let none = OfferText { title: "statistik", keywords: "data", body: "sektoral" };
        assert_eq!(relevance(&topic, in_title), 1.0);
        assert!(relevance(&topic, in_title) > relevance(&topic, in_tags));
        assert!(relevance(&topic, in_tags) > relevance(&topic, in_body));
        assert_eq!(relevance(&topic, half), 0.5);
        assert_eq!(relevance(&topic, none), 0.0);
        assert_eq!(relevance(&[], in_title), 0.0);
    }

    #[test]
    fn only_whole_tokens_count() {
        let topic = topic_terms("data");
        let prefix_only = OfferText { title: "database", keywords: "", body: "" };
        assert_eq!(relevance(&topic, prefix_only), 0.0);
    }
}
