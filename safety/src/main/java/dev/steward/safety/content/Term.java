package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link ListEntry} compiled to normalised word patterns, ready for {@link TermIndex}. */
final class Term {
    /** How many words a {@code ..} in a phrase may stand for ("ich will echt nicht mehr leben"). */
    static final int MAX_GAP = 2;
    private static final String GAP = "..";

    final ListEntry entry;
    final WordPattern[] words;
    /** For each word, how many words may come between it and the one before (0, or {@link #MAX_GAP} after ".."). */
    final int[] gaps;
    final boolean clauseEnd;

    private Term(ListEntry entry, WordPattern[] words, int[] gaps, boolean clauseEnd) {
        this.entry = entry;
        this.words = words;
        this.gaps = gaps;
        this.clauseEnd = clauseEnd;
    }

    boolean allow() {
        return entry instanceof ListEntry.Allow;
    }

    /** Whether a blocking term applies at {@code level}; allow terms always apply. */
    boolean activeAt(FilterLevel level) {
        return !(entry instanceof ListEntry.Block block)
                || (level.includes(block.level()) && level.includes(block.category().minimumLevel()));
    }

    /**
     * Compiles an entry. A phrase without {@code $} or {@code ..} also yields its words run together as one word,
     * which is how "#killmyself" and "k i l l m y s e l f" are written.
     */
    static List<Term> compile(ListEntry entry) {
        try {
            return compileTerm(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("term '" + entry.term() + "': " + e.getMessage(), e);
        }
    }

    private static List<Term> compileTerm(ListEntry entry) {
        List<String> words = new ArrayList<>(Arrays.asList(entry.term().split("\\s+")));
        boolean clauseEnd = words.size() > 1 && words.get(words.size() - 1).equals("$");
        if (clauseEnd) {
            words.remove(words.size() - 1);
        }
        if (words.contains("$")) {
            throw new IllegalArgumentException("'$' may only end a phrase");
        }
        if (words.size() == 1) {
            return List.of(new Term(entry, new WordPattern[] {singleWord(words.get(0))}, new int[1], clauseEnd));
        }
        return phrase(entry, words, clauseEnd);
    }

    private static WordPattern singleWord(String word) {
        boolean openStart = word.startsWith("*");
        boolean openEnd = word.length() > 1 && word.endsWith("*");
        String core = word.substring(openStart ? 1 : 0, word.length() - (openEnd ? 1 : 0));
        if (core.contains("*")) {
            throw new IllegalArgumentException("'*' may only start or end a word");
        }
        return WordPattern.of(oneWord(core), openStart, openEnd);
    }

    private static List<Term> phrase(ListEntry entry, List<String> words, boolean clauseEnd) {
        String last = words.get(words.size() - 1);
        boolean openEnd = last.length() > 1 && last.endsWith("*");
        if (openEnd) {
            words.set(words.size() - 1, last.substring(0, last.length() - 1));
        }
        if (words.get(0).equals(GAP) || words.get(words.size() - 1).equals(GAP)) {
            throw new IllegalArgumentException("'..' may only stand between words");
        }
        // Each stretch between gaps is normalised as the text would be, so "don't" and "want 2 die" line up.
        List<String> normalised = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        int gapBefore = 0;
        StringBuilder stretch = new StringBuilder();
        for (String word : words) {
            if (word.contains("*")) {
                throw new IllegalArgumentException("in a phrase only the last word may end in '*'");
            }
            if (word.equals(GAP)) {
                if (stretch.isEmpty()) {
                    throw new IllegalArgumentException("'..' may only stand between words");
                }
                addStretch(stretch, gapBefore, normalised, gaps);
                gapBefore = MAX_GAP;
            } else {
                stretch.append(word).append(' ');
            }
        }
        addStretch(stretch, gapBefore, normalised, gaps);
        WordPattern[] patterns = new WordPattern[normalised.size()];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = WordPattern.of(normalised.get(i), false, openEnd && i == patterns.length - 1);
        }
        int[] gapArray = gaps.stream().mapToInt(Integer::intValue).toArray();
        List<Term> terms = new ArrayList<>(2);
        terms.add(new Term(entry, patterns, gapArray, clauseEnd));
        if (!clauseEnd && patterns.length > 1 && gaps.stream().allMatch(gap -> gap == 0)) {
            WordPattern together = WordPattern.of(String.join("", normalised), false, openEnd);
            terms.add(new Term(entry, new WordPattern[] {together}, new int[1], false));
        }
        return terms;
    }

    private static void addStretch(StringBuilder stretch, int gapBefore, List<String> words, List<Integer> gaps) {
        List<String> normalised = Normalizer.normalize(stretch.toString()).words();
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("no letters left after normalising");
        }
        for (int i = 0; i < normalised.size(); i++) {
            words.add(normalised.get(i));
            gaps.add(i == 0 ? gapBefore : 0);
        }
        stretch.setLength(0);
    }

    // A single-word term may be written with punctuation ("ak-47", "self-harm"); it matches the joined form.
    private static String oneWord(String word) {
        NormalizedText text = Normalizer.normalize(word);
        if (text.tokens().size() == 1) {
            return text.tokens().get(0).text();
        }
        if (text.joins().size() == 1 && text.joins().get(0).first == 0
                && text.joins().get(0).last == text.tokens().size() - 1) {
            return text.joins().get(0).text();
        }
        throw new IllegalArgumentException(text.tokens().isEmpty()
                ? "no letters left after normalising"
                : "more than one word after normalising; write it as a phrase");
    }
}
