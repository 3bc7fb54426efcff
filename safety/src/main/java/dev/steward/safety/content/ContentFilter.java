package dev.steward.safety.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Checks text against word lists by category: the bundled lists ({@code content/en.txt}, {@code content/de.txt})
 * plus terms and allowed phrases from config. Applied to a member's request and to the model's answer.
 *
 * <p>Text is normalised first ({@link Normalizer}) and matched on whole words and phrases, never inside other
 * words unless a term says so with {@code *}. Ops idioms stay clean on purpose: the lists never hold a bare "kill",
 * "shoot", "bomb", "execute" or "abort", only phrases aimed at people ("kill you", "kill myself", "build a bomb").
 *
 * <p>Built once, then immutable and safe to share between threads; a check allocates only per call and compiles
 * nothing. The bundled lists take about half a second to compile and index, so that happens on a background thread
 * from the moment a filter is built (while Steward opens its database), and the first check waits for it; entries
 * from config are compiled at once, so their errors still point at the entry.
 */
public final class ContentFilter {
    private final CompletableFuture<TermIndex> index;

    private ContentFilter(boolean bundled, List<Term> extra) {
        this.index = CompletableFuture.supplyAsync(() -> {
            List<Term> terms = new ArrayList<>(bundled ? Bundled.TERMS : List.of());
            terms.addAll(extra);
            return new TermIndex(terms);
        });
    }

    /** The bundled lists alone. */
    public static ContentFilter bundled() {
        return BundledFilter.FILTER;
    }

    /**
     * The bundled lists plus entries from config: {@code terms} in the form {@code <category> <level> <term>}
     * ({@code "drugs standard spice"}), {@code allowed} as plain terms or phrases ({@code "glue gun"}). Errors name
     * the list and index ({@code terms[2]: unknown category 'drug' ...}).
     */
    public static ContentFilter withExtraTerms(List<String> terms, List<String> allowed) {
        Builder builder = builder().bundledLists();
        for (int i = 0; i < terms.size(); i++) {
            builder.term(terms.get(i), "terms[" + i + "]");
        }
        for (int i = 0; i < allowed.size(); i++) {
            builder.allow(allowed.get(i), "allowed[" + i + "]");
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code text} is blocked at {@code level}, and in which categories. {@code OFF} never blocks. */
    public Verdict check(String text, FilterLevel level) {
        Objects.requireNonNull(level, "level");
        if (level == FilterLevel.OFF || text == null || text.isEmpty()) {
            return Verdict.CLEAN;
        }
        return index.join().scan(Normalizer.normalize(text), level);
    }

    /** Collects entries and compiles each as it comes, so an error points at the entry that caused it. */
    public static final class Builder {
        private final List<Term> terms = new ArrayList<>();
        private boolean bundled;

        private Builder() {}

        /** Adds the bundled lists of every language. */
        public Builder bundledLists() {
            bundled = true;
            return this;
        }

        /** Adds a whole list in the bundled format; {@code source} names it in errors. */
        public Builder list(String source, String content) {
            terms.addAll(WordLists.compile(source, content));
            return this;
        }

        public Builder term(Category category, FilterLevel level, String term) {
            return add(() -> new ListEntry.Block(category, level, term), "term");
        }

        /** Adds {@code <category> <level> <term>}, as written in config. */
        public Builder term(String line) {
            return term(line, "term");
        }

        /** Adds a term or phrase that is never blocked, even where a blocked term lies inside it. */
        public Builder allow(String term) {
            return allow(term, "allowed term");
        }

        public ContentFilter build() {
            return new ContentFilter(bundled, List.copyOf(terms));
        }

        private Builder term(String line, String where) {
            return add(() -> {
                if (ListEntry.parse(line) instanceof ListEntry.Block block) {
                    return block;
                }
                throw new IllegalArgumentException("expected '<category> <level> <term>', got '" + line.strip() + "'");
            }, where);
        }

        private Builder allow(String term, String where) {
            return add(() -> new ListEntry.Allow(term), where);
        }

        private Builder add(Supplier<ListEntry> entry, String where) {
            try {
                terms.addAll(Term.compile(entry.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            return this;
        }
    }

    // Compiled once per JVM, on first use: every filter built with bundledLists() shares these terms.
    private static final class Bundled {
        static final List<Term> TERMS = WordLists.BUNDLED_LANGUAGES.stream()
                .flatMap(language -> WordLists.bundled(language).stream())
                .toList();
    }

    // Apart from Bundled, so that building the shared filter does not compile the lists on the caller's thread.
    private static final class BundledFilter {
        static final ContentFilter FILTER = new ContentFilter(true, List.of());
    }
}
