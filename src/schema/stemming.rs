//! The `en_stem` analyzer the index registers in place of tantivy's own: the same steps
//! (simple tokenizer, words over 40 bytes dropped, lower case, English Snowball stemmer) and
//! the same terms, but each analyzer remembers the stems it has computed. Letters repeat a
//! small vocabulary, and stemming every word again was a third of the indexing threads'
//! time (see BENCHMARKS.md); a lookup costs a hash of the word.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// The name text fields give their tokenizer in the schema.
pub const EN_STEM: &str = "en_stem";

/// Longest token kept, in bytes, as in tantivy's `en_stem`.
const LONGEST_TOKEN: usize = 40;

/// Stems one analyzer remembers at most; past this, words are stemmed without being kept,
/// so the memory of a cache stays under a few MB however varied the text.
const CACHED_STEMS: usize = 50_000;

/// The `en_stem` analyzer: tantivy's, with a cache of stems.
pub fn en_stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(CachedStemmer)
        .build()
}

/// A token filter that stems lower-cased English words, remembering each stem.
#[derive(Clone, Copy)]
struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
struct CachedStemmerFilter<T> {
    inner: T,
    stems: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            stems: &mut self.stems,
        }
    }
}

struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    stems: &'a mut FxHashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = match self.stemmer.stem(&token.text) {
            Cow::Borrowed(stem) => stem.to_string(),
            Cow::Owned(stem) => stem,
        };
        if self.stems.len() < CACHED_STEMS {
            self.stems
                .insert(std::mem::take(&mut token.text), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, Stemmer};

    fn tantivy_en_stem() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push((
                token.text.clone(),
                token.position,
                token.offset_from,
                token.offset_to,
            ));
        }
        tokens
    }

    const TEXT: &str = "Epidural steroid injections: the injured worker's INJECTIONS were \
        repeated; repeated injection of Tramadol 50mg, re-injected. Überprüfung naïve \
        supercalifragilisticexpialidociousandthensomemorethanforty short";

    #[test]
    fn terms_and_positions_are_tantivys_on_first_and_cached_passes() {
        let mut ours = en_stem_analyzer();
        let mut theirs = tantivy_en_stem();
        let expected = tokens(&mut theirs, TEXT);
        assert!(expected.iter().any(|(term, ..)| term == "inject"));
        assert_eq!(tokens(&mut ours, TEXT), expected, "first pass");
        assert_eq!(tokens(&mut ours, TEXT), expected, "from the cache");
    }

    #[test]
    fn a_full_cache_still_stems() {
        let mut ours = en_stem_analyzer();
        let filler: String = (0..CACHED_STEMS + 10)
            .map(|n| format!("w{n}ing "))
            .collect();
        tokens(&mut ours, &filler);
        let mut theirs = tantivy_en_stem();
        assert_eq!(tokens(&mut ours, TEXT), tokens(&mut theirs, TEXT));
    }
}
