package dev.steward.safety.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The labelled samples in {@code content/labelled.tsv}: text, categories at standard, categories at strict. */
record LabelledCorpus(List<Sample> samples) {
    static final String RESOURCE = "/content/labelled.tsv";

    record Sample(int line, String text, Set<Category> standard, Set<Category> strict) {
        Set<Category> expected(FilterLevel level) {
            return level == FilterLevel.STRICT ? strict : standard;
        }
    }

    static LabelledCorpus load() {
        try (InputStream in = LabelledCorpus.class.getResourceAsStream(RESOURCE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] fields = lines[i].split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 3 tab-separated fields");
                }
                samples.add(new Sample(i + 1, unescape(fields[0]), categories(fields[1]), categories(fields[2])));
            }
            return new LabelledCorpus(List.copyOf(samples));
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
