package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns chat text into the words the content filter matches, undoing the usual ways of hiding a word:
 * <ul>
 *   <li>case (Locale.ROOT), accents, fullwidth and other compatibility forms, look-alike Cyrillic and Greek letters;
 *   <li>zero-width and format characters, which vanish, and apostrophes, which join ("don't" is "dont");
 *   <li>leetspeak inside words ("k1ll", "$h!t", "pr0n"), never in plain numbers ("kill -9", "$5", "404");
 *   <li>letters spaced or dotted apart ("k i l l", "k.i.l.l", "k-i-l-l": three or more single letters join);
 *   <li>words split by punctuation ("ki.ll", "fu_ck"), which are also offered joined;
 *   <li>text speak that turns a phrase into another ("u" is "you", a lone "2" is "to", a lone "4" is "for").
 * </ul>
 * Repeated letters ("kiiiill") are left in the words: matching compares runs of letters (see
 * {@link #collapseRuns(String)}), so "ass" can tell "as" from "asss" and "shiitake" is not "shit".
 *
 * <p>German: ß becomes ss; ä, ö, ü give two readings, "ae" (canonical, what word lists are written as) and "a",
 * so both "Mörder"/"Moerder" and the decorated English "fück" are found. Word lists go through the same code, so the
 * two sides always agree.
 *
 * <p>Matching works on whole words from here on, which is what keeps "Scunthorpe", "class" and "therapist" clean.
 */
public final class Normalizer {
    private static final int MAX_VARIANTS = 8;
    private static final int MIN_SPACED_LETTERS = 3;
    private static final int MAX_JOIN_PARTS = 6;
    private static final int MAX_JOIN_LENGTH = 40;

    private Normalizer() {}

    public static NormalizedText normalize(String text) {
        List<Part> parts = split(text);
        List<Token> tokens = new ArrayList<>(parts.size());
        int[] tokenOfPart = new int[parts.size()];
        int i = 0;
        while (i < parts.size()) {
            int j = i;
            boolean letter = false;
            while (j < parts.size() && parts.get(j).isSingle()) {
                letter |= parts.get(j).letter;
                j++;
            }
            if (j - i >= MIN_SPACED_LETTERS && letter) {
                StringBuilder joined = new StringBuilder(j - i);
                for (int k = i; k < j; k++) {
                    joined.append(parts.get(k).raw);
                    tokenOfPart[k] = tokens.size();
                }
                Part first = parts.get(i);
                Part last = parts.get(j - 1);
                tokens.add(token(expand(joined.toString()), first.start, last.end, tokens.size(), last.clauseAfter));
                i = j;
                continue;
            }
            tokenOfPart[i] = tokens.size();
            Part part = parts.get(i);
            tokens.add(token(part.readings(), part.start, part.end, tokens.size(), part.clauseAfter));
            i++;
        }
        return new NormalizedText(tokens, joins(parts, tokenOfPart));
    }

    /**
     * A word with each run of repeated letters reduced to one ("kiiiill" to "kil"): the skeleton that matching
     * compares before it checks the run lengths.
     */
    public static String collapseRuns(String word) {
        char[] skeleton = new char[word.length()];
        int length = runs(word, skeleton, new int[word.length()]);
        return new String(skeleton, 0, length);
    }

    /** Fills {@code skeleton} and {@code runs} (sized at least {@code word.length()}); returns the skeleton length. */
    static int runs(String word, char[] skeleton, int[] runs) {
        int length = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (length > 0 && skeleton[length - 1] == c) {
                runs[length - 1]++;
            } else {
                skeleton[length] = c;
                runs[length] = 1;
                length++;
            }
        }
        return length;
    }

    private static Token token(String[] readings, int start, int end, int index, boolean clauseEnd) {
        return new Token(readings, start, end, index, index, clauseEnd);
    }

    // Words split only by punctuation inside one chunk ("ki.ll", "fu-ck", "ak-47") are also offered joined.
    private static List<Token> joins(List<Part> parts, int[] tokenOfPart) {
        List<Token> joins = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            int j = i + 1;
            while (j < parts.size() && parts.get(j).chunk == parts.get(i).chunk) {
                j++;
            }
            int count = j - i;
            if (count >= 2 && count <= MAX_JOIN_PARTS && tokenOfPart[i] != tokenOfPart[j - 1]) {
                StringBuilder joined = new StringBuilder();
                boolean letter = false;
                for (int k = i; k < j; k++) {
                    joined.append(parts.get(k).raw);
                    letter |= parts.get(k).letter;
                }
                if (letter && joined.length() <= MAX_JOIN_LENGTH) {
                    Part last = parts.get(j - 1);
                    joins.add(new Token(expand(joined.toString()), parts.get(i).start, last.end,
                            tokenOfPart[i], tokenOfPart[j - 1], last.clauseAfter));
                }
            }
            i = j;
        }
        return joins;
    }

    private static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        PartBuilder current = new PartBuilder();
        int chunk = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            switch (CharFolding.kind(cp)) {
                case CharFolding.LETTER -> current.add(cp, true, i, next);
                case CharFolding.LEET -> current.add(cp, false, i, next);
                case CharFolding.PUNCT -> current.flush(parts, chunk);
                case CharFolding.STOP -> {
                    current.flush(parts, chunk);
                    markClause(parts);
                }
                case CharFolding.SPACE -> {
                    current.flush(parts, chunk);
                    chunk++;
                }
                case CharFolding.LINE -> {
                    current.flush(parts, chunk);
                    markClause(parts);
                    chunk++;
                }
                default -> { } // SKIP: zero-width characters and apostrophes vanish without splitting the word
            }
            i = next;
        }
        current.flush(parts, chunk);
        markClause(parts);
        return parts;
    }

    private static void markClause(List<Part> parts) {
        if (!parts.isEmpty()) {
            parts.get(parts.size() - 1).clauseAfter = true;
        }
    }

    /** Every reading of a word: leet characters and umlauts multiply, up to {@value #MAX_VARIANTS} readings. */
    static String[] expand(String raw) {
        boolean plain = true;
        for (int i = 0; i < raw.length() && plain; i++) {
            plain = CharFolding.alternatives(raw.charAt(i)) == null;
        }
        if (plain) {
            return new String[] {raw};
        }
        List<StringBuilder> readings = new ArrayList<>();
        readings.add(new StringBuilder(raw.length() + 4));
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String[] alternatives = CharFolding.alternatives(c);
            if (alternatives == null) {
                readings.forEach(reading -> reading.append(c));
            } else if (alternatives.length == 1 || readings.size() * alternatives.length > MAX_VARIANTS) {
                readings.forEach(reading -> reading.append(alternatives[0]));
            } else {
                List<StringBuilder> more = new ArrayList<>(readings.size() * alternatives.length);
                for (StringBuilder reading : readings) {
                    for (String alternative : alternatives) {
                        more.add(new StringBuilder(reading).append(alternative));
                    }
                }
                readings = more;
            }
        }
        return readings.stream().map(StringBuilder::toString).toArray(String[]::new);
    }

    /** A run of characters between separators, before leet and umlaut readings are worked out. */
    private static final class Part {
        final String raw;
        final boolean letter;
        final int start;
        final int end;
        final int chunk;
        boolean clauseAfter;

        Part(String raw, boolean letter, int start, int end, int chunk) {
            this.raw = raw;
            this.letter = letter;
            this.start = start;
            this.end = end;
            this.chunk = chunk;
        }

        // One letter, or one character that reads as a letter: a candidate for "k i l l" and "k 1 l l".
        boolean isSingle() {
            return raw.length() == 1 && (letter || CharFolding.isLeet(raw.charAt(0)));
        }

        String[] readings() {
            // Text speak first; the length test keeps the string switch (a hash) off the common path.
            if (raw.length() <= 2) {
                switch (raw) {
                    case "u" -> {
                        return new String[] {"you"};
                    }
                    case "ur" -> {
                        return new String[] {"your"};
                    }
                    case "2" -> {
                        return new String[] {"to"};
                    }
                    case "4" -> {
                        return new String[] {"for"};
                    }
                    default -> { }
                }
            }
            // Without a letter, numbers and symbols stay as they are ("kill -9", "$5").
            return letter ? expand(raw) : new String[] {raw};
        }
    }

    private static final class PartBuilder {
        private final StringBuilder raw = new StringBuilder(32);
        private boolean letter;
        private int start = -1;
        private int end;

        void add(int cp, boolean isLetter, int from, int to) {
            if (start < 0) {
                start = from;
            }
            char single = CharFolding.singleFold(cp);
            if (single != 0) {
                raw.append(single);
            } else {
                raw.append(CharFolding.fold(cp));
            }
            letter |= isLetter;
            end = to;
        }

        void flush(List<Part> parts, int chunk) {
            if (start < 0) {
                return;
            }
            // '!', '|' and '+' at either end are punctuation ("hi!", "c++"), inside a word they are letters ("sh!t").
            int from = 0;
            int to = raw.length();
            while (from < to && isEdgePunctuation(raw.charAt(from))) {
                from++;
            }
            boolean exclaimed = false;
            while (to > from && isEdgePunctuation(raw.charAt(to - 1))) {
                exclaimed |= raw.charAt(to - 1) == '!';
                to--;
            }
            if (from < to) {
                // Leet and edge characters are single UTF-16 units, so offsets shift by the trimmed count.
                Part part = new Part(raw.substring(from, to), letter, start + from, end - (raw.length() - to), chunk);
                part.clauseAfter = exclaimed;
                parts.add(part);
            } else if (exclaimed) {
                markClause(parts);
            }
            raw.setLength(0);
            letter = false;
            start = -1;
        }

        private static boolean isEdgePunctuation(char c) {
            return c == '!' || c == '|' || c == '+';
        }
    }
}
