package dev.steward.safety.content;

import java.util.List;

/**
 * One word of normalised text and where it came from. A word may have several readings ("k1ll" is "kill" or
 * "klll"; "Mörder" is "moerder" or "morder"); the first is the canonical one, which word lists are compiled to.
 * Offsets point into the original text so a match can be shown to admins without guessing boundaries.
 */
public final class Token {
    final String[] variants;
    final int start;
    final int end;
    final int first;
    final int last;
    final boolean clauseEnd;

    Token(String[] variants, int start, int end, int first, int last, boolean clauseEnd) {
        this.variants = variants;
        this.start = start;
        this.end = end;
        this.first = first;
        this.last = last;
        this.clauseEnd = clauseEnd;
    }

    /** The canonical reading. */
    public String text() {
        return variants[0];
    }

    /** Every reading, canonical first. */
    public List<String> variants() {
        return List.of(variants);
    }

    /** Offset of the first original character (inclusive). */
    public int start() {
        return start;
    }

    /** Offset after the last original character (exclusive). */
    public int end() {
        return end;
    }

    /** True when sentence punctuation, a line break or the end of the text follows this word. */
    public boolean clauseEnd() {
        return clauseEnd;
    }

    @Override
    public String toString() {
        return variants.length == 1 ? variants[0] : String.join("|", variants);
    }
}
