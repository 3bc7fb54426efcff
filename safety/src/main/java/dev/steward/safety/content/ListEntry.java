package dev.steward.safety.content;

import java.util.Locale;

/**
 * One line of a word list or one entry from config. The term syntax, shared by both:
 * <ul>
 *   <li>{@code word} matches that whole word; {@code word*} any word starting with it; {@code *word} any word ending
 *       with it (German compounds: "Kinderporno"); {@code *word*} any word containing it. Wildcards only ever extend
 *       a word, never cross a space.
 *   <li>{@code several words} match those words in a row; only the last may end in {@code *}.
 *   <li>{@code ..} between words stands for up to two other words in the same clause ("will .. nicht mehr leben"
 *       also finds "ich will echt nicht mehr leben"), for languages that put adverbs inside a phrase.
 *   <li>A final {@code $} requires the phrase to end a clause (punctuation, line end or end of text): "bring mich um"
 *       is a threat, "bring mich um 8 zur Schule" is a lift.
 * </ul>
 */
public sealed interface ListEntry {
    String term();

    /** Text in {@code category} to block at {@code level} and above. */
    record Block(Category category, FilterLevel level, String term) implements ListEntry {
        public Block {
            if (level == FilterLevel.OFF) {
                throw new IllegalArgumentException("a term's level must be standard or strict, not off");
            }
            if (!level.includes(category.minimumLevel())) {
                throw new IllegalArgumentException(category.key() + " terms apply only at "
                        + category.minimumLevel().key() + ", not " + level.key());
            }
            term = checkedTerm(term);
        }
    }

    /** Text that is never blocked, even where a blocked term lies inside it ("shoot you a message", "glue gun"). */
    record Allow(String term) implements ListEntry {
        public Allow {
            term = checkedTerm(term);
        }
    }

    /**
     * Parses {@code <category> <level> <term>} or {@code allow <term>}, the format of the bundled lists
     * ({@code content/en.txt}) and of extra terms in config.
     */
    static ListEntry parse(String line) {
        String trimmed = line.strip();
        String[] fields = trimmed.split("\\s+", 3);
        if (fields[0].toLowerCase(Locale.ROOT).equals("allow")) {
            if (fields.length < 2) {
                throw new IllegalArgumentException("'allow' needs a term after it");
            }
            return new Allow(trimmed.substring(fields[0].length()).strip());
        }
        if (fields.length < 3) {
            throw new IllegalArgumentException(
                    "expected '<category> <level> <term>' or 'allow <term>', got '" + trimmed + "'");
        }
        return new Block(Category.fromKey(fields[0]), FilterLevel.fromKey(fields[1].toLowerCase(Locale.ROOT)),
                fields[2]);
    }

    private static String checkedTerm(String term) {
        String stripped = term == null ? "" : term.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("a term must not be empty");
        }
        return stripped;
    }
}
