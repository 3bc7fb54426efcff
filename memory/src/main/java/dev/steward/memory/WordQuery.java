package dev.steward.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 query for what a person typed. The text is analyzed like the memories and each word becomes an optional
 * term; no query syntax is parsed, so {@code AND OR ( " * ~} or an unbalanced quote are just characters (most are
 * dropped by the tokenizer) and can never make the search fail.
 */
final class WordQuery {
    /** Words beyond this many are ignored: a pasted page would otherwise make a query of thousands of clauses. */
    static final int MAX_TERMS = 64;

    private WordQuery() {}

    /** The query, or empty when the text has no searchable word (only stop words or punctuation). */
    static Optional<Query> of(Analyzer analyzer, String text, Query filter) {
        Set<String> words = words(analyzer, text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        for (String word : words) {
            anyWord.add(new TermQuery(new Term(MemoryDocuments.TEXT, word)), Occur.SHOULD);
        }
        return Optional.of(new BooleanQuery.Builder()
                .add(anyWord.build(), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build());
    }

    static Set<String> words(Analyzer analyzer, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(MemoryDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (words.size() < MAX_TERMS && tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // Analyzing a String reads no file: this cannot happen.
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
