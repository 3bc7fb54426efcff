package dev.steward.safety.content;

/**
 * What the meaning classifier reads from a text: its sentence embedding, computed after spacing, dots and
 * leetspeak are undone ("h.u.r.t someone" is embedded as "hurt someone"), so that a hidden word means what it says.
 *
 * <p>Only the embedding: hashed words and letter n-grams were tried as extra features and, in five-fold
 * cross-validation over the train and validation splits, caught fewer of the requests the word lists miss at the
 * same false positive rate (they learn the training sentences' words rather than their meaning).
 */
record MeaningFeatures(float[] vector) {
    static MeaningFeatures of(String text, SentenceEmbedder embedder) {
        return new MeaningFeatures(embedder.embed(readable(text, Normalizer.normalize(text))));
    }

    /** The text with each hidden word (spaced, dotted, leet) replaced by its reading, other words as written. */
    static String readable(String text, NormalizedText normalized) {
        StringBuilder out = new StringBuilder(text.length());
        for (Token token : normalized.tokens()) {
            String raw = text.substring(token.start(), token.end());
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(raw.chars().allMatch(Character::isLetter) ? raw : token.text());
        }
        return out.isEmpty() ? text : out.toString();
    }
}
