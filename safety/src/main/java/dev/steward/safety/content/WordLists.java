package dev.steward.safety.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads word lists: one {@link ListEntry} per line ({@code <category> <level> <term>} or {@code allow <term>}),
 * blank lines and lines starting with {@code #} ignored. Errors name the list and line, so a bad line in config or
 * in a bundled list is found at start, not on the first message that happens to reach it.
 */
final class WordLists {
    /** Languages with a bundled list in {@code content/<language>.txt}. */
    static final List<String> BUNDLED_LANGUAGES = List.of("en", "de", "fr", "es");

    private WordLists() {}

    /** The compiled terms of the bundled list for {@code language}. */
    static List<Term> bundled(String language) {
        String resource = "/content/" + language + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list " + resource + " is missing");
            }
            return compile("content/" + language + ".txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled word list " + resource, e);
        }
    }

    /** Parses and compiles every entry of a list; {@code source} names the list in errors. */
    static List<Term> compile(String source, String content) {
        List<Term> terms = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                terms.addAll(Term.compile(ListEntry.parse(line)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return terms;
    }
}
