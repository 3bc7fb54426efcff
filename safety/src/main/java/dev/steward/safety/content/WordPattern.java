package dev.steward.safety.content;

import java.util.Arrays;

/**
 * One word of a compiled term: its skeleton (repeated letters collapsed) and how long each run of letters is, plus
 * whether the word may continue before or after ({@code *word}, {@code word*}).
 *
 * <p>Runs are what let stretched spellings through without merging different words: a run in the text matches a
 * run of the term when it has the same length, or when it is stretched to three or more ("kiiiill", "asss"). So
 * "as" never reads as "ass" and "shiitake" never as "shit". Where the word is open, the edge run may be longer
 * ("shit*" matches "shitty").
 */
final class WordPattern {
    private static final int STRETCHED = 3;

    final char[] skeleton;
    final int[] runs;
    final boolean openStart;
    final boolean openEnd;

    private WordPattern(char[] skeleton, int[] runs, boolean openStart, boolean openEnd) {
        this.skeleton = skeleton;
        this.runs = runs;
        this.openStart = openStart;
        this.openEnd = openEnd;
    }

    static WordPattern of(String word, boolean openStart, boolean openEnd) {
        char[] skeleton = new char[word.length()];
        int[] runs = new int[word.length()];
        int length = Normalizer.runs(word, skeleton, runs);
        return new WordPattern(Arrays.copyOf(skeleton, length), Arrays.copyOf(runs, length), openStart, openEnd);
    }

    /** Whether the text's runs, from skeleton position {@code from} on, fit this word's runs. */
    boolean runsMatch(int[] textRuns, int from) {
        int last = runs.length - 1;
        for (int k = 0; k <= last; k++) {
            int wanted = runs[k];
            int found = textRuns[from + k];
            boolean open = (k == 0 && openStart) || (k == last && openEnd);
            boolean fits = open ? found >= wanted : found == wanted || (found >= STRETCHED && found >= wanted);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole word in {@code text} is this word (or starts with it, when open at the end). */
    boolean matchesWhole(Scratch text) {
        int length = text.length;
        if (openStart || (openEnd ? length < skeleton.length : length != skeleton.length)) {
            return false;
        }
        for (int i = 0; i < skeleton.length; i++) {
            if (text.skeleton[i] != skeleton[i]) {
                return false;
            }
        }
        return runsMatch(text.runs, 0);
    }

    /** Skeleton and runs of one reading of a word in the text; reused across words to keep scanning cheap. */
    static final class Scratch {
        char[] skeleton = new char[64];
        int[] runs = new int[64];
        int length;

        Scratch load(String word) {
            if (skeleton.length < word.length()) {
                skeleton = new char[word.length()];
                runs = new int[word.length()];
            }
            length = Normalizer.runs(word, skeleton, runs);
            return this;
        }
    }
}
