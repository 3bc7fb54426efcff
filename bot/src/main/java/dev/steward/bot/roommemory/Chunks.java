package dev.steward.bot.roommemory;

import java.util.ArrayList;
import java.util.List;

/**
 * A captured message cut into memories: whole paragraphs, joined while they fit, split at sentence ends when one
 * paragraph is too long. The embedding model reads about 250 words, so a longer memory would be found by its start
 * only.
 */
final class Chunks {
    static final int MAX_CHARS = 1_000;

    private Chunks() {}

    static List<String> of(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            for (String piece : pieces(paragraph.strip())) {
                if (!current.isEmpty() && current.length() + 2 + piece.length() > MAX_CHARS) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append("\n\n");
                }
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** A paragraph that fits, or its sentences grouped to fit (a sentence longer than that is cut). */
    private static List<String> pieces(String paragraph) {
        if (paragraph.length() <= MAX_CHARS) {
            return paragraph.isEmpty() ? List.of() : List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            while (sentence.length() > MAX_CHARS) {
                pieces.add(sentence.substring(0, MAX_CHARS));
                sentence = sentence.substring(MAX_CHARS);
            }
            if (!piece.isEmpty() && piece.length() + 1 + sentence.length() > MAX_CHARS) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(sentence);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
