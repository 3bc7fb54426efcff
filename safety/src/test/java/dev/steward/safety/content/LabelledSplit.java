package dev.steward.safety.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One split of the labelled content samples ({@code content/labelled/<split>.tsv}): language, text, categories at
 * standard, categories at strict. {@code train} teaches the meaning model, {@code validation} chooses its thresholds,
 * {@code test} gives the figures and is read by nothing else.
 */
record LabelledSplit(String name, List<Sample> samples) {
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    record Sample(int line, String language, String text, Set<Category> standard, Set<Category> strict) {
        Set<Category> expected(FilterLevel level) {
            return level == FilterLevel.STRICT ? strict : standard;
        }

        boolean benign() {
            return strict.isEmpty();
        }
    }

    static LabelledSplit load(String name) {
        String resource = "/content/labelled/" + name + ".tsv";
        try (InputStream in = LabelledSplit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] fields = lines[i].split("\t");
                if (fields.length != 4 || !LANGUAGES.contains(fields[0])) {
                    throw new IllegalStateException(resource + ":" + (i + 1)
                            + ": expected language, text, standard, strict separated by tabs");
                }
                samples.add(new Sample(i + 1, fields[0], unescape(fields[1]), categories(fields[2]),
                        categories(fields[3])));
            }
            return new LabelledSplit(name, List.copyOf(samples));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Category> categories(String field) {
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        if (!field.equals("-")) {
            for (String key : field.split(",")) {
                categories.add(Category.fromKey(key.strip()));
            }
        }
        return categories;
    }

    // \\uXXXX keeps invisible and look-alike characters visible in the file.
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i) && i + 6 <= text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
