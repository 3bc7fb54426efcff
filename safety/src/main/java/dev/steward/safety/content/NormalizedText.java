package dev.steward.safety.content;

import java.util.Collections;
import java.util.List;

/**
 * Text after {@link Normalizer}: its words in order, and the joined forms of words split only by punctuation
 * ("ki.ll", "e-mail"), which are matched as single words but never start a phrase.
 */
public record NormalizedText(List<Token> tokens, List<Token> joins) {
    public NormalizedText {
        tokens = Collections.unmodifiableList(tokens); // a view, not a copy: this runs once per checked text
        joins = Collections.unmodifiableList(joins);
    }

    /** The canonical reading of each word, in order. */
    public List<String> words() {
        return tokens.stream().map(Token::text).toList();
    }

    /** The canonical reading of each joined form. */
    public List<String> joinedWords() {
        return joins.stream().map(Token::text).toList();
    }
}
