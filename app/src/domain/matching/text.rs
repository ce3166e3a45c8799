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

/// Each word of the offer that a topic could name, with what [`relevance`] would credit it, in
/// tenths (title 10, tags 6, body 3): the offer's rows in the matching engine's word index,
/// which finds research candidates by reading, per topic word, the offers that credit it most.
pub fn term_weights(offer: OfferText<'_>) -> Vec<(String, u8)> {
    let mut weights: Vec<(String, u8)> = Vec::new();
    for (field, worth) in [(offer.title, TITLE), (offer.keywords, KEYWORDS), (offer.body, BODY)] {
        let tenths = (worth * 10.0).round() as u8;
        for token in field.split_whitespace() {
            if token.chars().count() < 2 || STOPWORDS.contains(&token) {
                continue;
            }
            // Fields come best first: a word already seen keeps its better weight.
            if !weights.iter().any(|(t, _)| t == token) {
                weights.push((token.to_owned(), tenths));
            }
        }
    }
    weights
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

    #[test]
    fn term_weights_credit_each_word_as_relevance_does() {
        let offer = OfferText {
            title: "arsip digital arsip",
            keywords: "digital layanan di",
            body: "layanan data x arsip",
        };
        let weights = term_weights(offer);
        let weight = |term: &str| weights.iter().find(|(t, _)| t == term).map(|(_, w)| *w);
        assert_eq!(weight("arsip"), Some(10));
        assert_eq!(weight("digital"), Some(10));
        assert_eq!(weight("layanan"), Some(6));
        assert_eq!(weight("data"), Some(3));
        assert_eq!(weight("di"), None, "stopwords are never topic words");
        assert_eq!(weight("x"), None, "nor one-letter tokens");
        assert_eq!(weights.len(), 4, "each word once: {weights:?}");
        // Summed over a topic, the weights give the relevance.
        let topic = topic_terms("arsip layanan data statistik");
        let credited: u32 = topic.iter().filter_map(|t| weight(t)).map(u32::from).sum();
        let expected = credited as f32 / 10.0 / topic.len() as f32;
        assert!((relevance(&topic, offer) - expected).abs() < 1e-6);
    }
}
