package dev.steward.safety.pii;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One split of the labelled PII samples ({@code pii/labelled/<split>.tsv}): language, text, and the expected findings
 * per type, tab-separated. The rules are tuned on {@code train} and {@code validation}; the figures come from
 * {@code test}.
 */
record LabelledCorpus(List<LabelledCorpus.Sample> samples) {
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    /** One line of the corpus; {@code line} names it in failure output. */
    record Sample(int line, String language, String text, Map<PiiType, Integer> expected) {}

    static LabelledCorpus split(String name) throws IOException {
        return load("/pii/labelled/" + name + ".tsv");
    }

    static LabelledCorpus load(String resource) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = LabelledCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int first = line.indexOf('\t');
                int tab = line.lastIndexOf('\t');
                if (first < 0 || tab == first || !LANGUAGES.contains(line.substring(0, first))) {
                    throw new IOException(resource + ":" + (i + 1) + ": expected language, text and labels");
                }
                samples.add(new Sample(i + 1, line.substring(0, first),
                        line.substring(first + 1, tab).replace("\\n", "\n"),
                        labels(line.substring(tab + 1).trim(), resource + ":" + (i + 1))));
            }
        }
        return new LabelledCorpus(List.copyOf(samples));
    }

    // "-" or "EMAIL PHONE:2"
    private static Map<PiiType, Integer> labels(String field, String where) throws IOException {
        Map<PiiType, Integer> expected = new EnumMap<>(PiiType.class);
        if (field.equals("-")) {
            return expected;
        }
        for (String label : field.split(" +")) {
            String[] parts = label.split(":");
            try {
                expected.merge(PiiType.valueOf(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                        Integer::sum);
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": bad label " + label, e);
            }
        }
        return expected;
    }
}
