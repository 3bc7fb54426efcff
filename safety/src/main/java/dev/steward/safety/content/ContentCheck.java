package dev.steward.safety.content;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole content check on one text: the word lists (evasion spellings, exact phrases), the meaning classifier
 * (what the text is about, however it is phrased), and, for what the classifier is unsure about, a moderation model
 * where one is configured. Blocked when any of them says so; the categories are their union.
 *
 * <p>When the moderation model cannot answer (down, too slow), an unsure text is held back at {@code strict} (the
 * shipped child and guest roles: fail closed) and passes at {@code standard} (adults: the classifier was not sure
 * enough to block on its own). Thread-safe; blocking (embedding, the moderation call): use a worker thread.
 */
public final class ContentCheck {
    private static final Logger log = LoggerFactory.getLogger(ContentCheck.class);

    private final ContentFilter words;
    private final Optional<MeaningClassifier> meaning;
    private final Optional<ContentModerator> moderator;

    public ContentCheck(ContentFilter words, Optional<MeaningClassifier> meaning,
            Optional<ContentModerator> moderator) {
        this.words = Objects.requireNonNull(words, "words");
        this.meaning = meaning;
        this.moderator = moderator;
    }

    /** The word lists alone, for places without an embedding model (and tests of the lists themselves). */
    public static ContentCheck wordsOnly(ContentFilter words) {
        return new ContentCheck(words, Optional.empty(), Optional.empty());
    }

    /** Whether {@code text} is blocked at {@code level}, and in which categories. {@code OFF} never blocks. */
    public Verdict check(String text, FilterLevel level) {
        Verdict listed = words.check(text, level);
        if (meaning.isEmpty() || level == FilterLevel.OFF || text == null || text.isBlank()) {
            return listed;
        }
        MeaningClassifier.Reading reading = meaning.get().read(text, level);
        Verdict verdict = listed.and(Verdict.byMeaning(reading.blocked()));
        if (verdict.blocked() || reading.unsure().isEmpty()) {
            return verdict;
        }
        return Verdict.byMeaning(moderated(text, level, reading.unsure()));
    }

    /** A check for an answer that streams in, to run each time it grows (see {@link GrowingAnswer}). */
    public GrowingAnswer growing(FilterLevel level) {
        return new GrowingAnswer(this, level);
    }

    Verdict checkWords(String text, FilterLevel level) {
        return words.check(text, level);
    }

    MeaningClassifier.Reading read(String text, FilterLevel level) {
        return meaning.map(classifier -> classifier.read(text, level)).orElse(MeaningClassifier.Reading.NOTHING);
    }

    private Set<Category> moderated(String text, FilterLevel level, Set<Category> unsure) {
        if (moderator.isEmpty()) {
            return Set.of();
        }
        try {
            return switch (moderator.get().judge(text)) {
                case ContentModerator.Judgement.Safe safe -> Set.of();
                case ContentModerator.Judgement.Unsafe unsafe -> unsafe.categories().isEmpty()
                        ? unsure : onlyAt(level, unsafe.categories(), unsure);
            };
        } catch (RuntimeException e) {
            boolean failClosed = level == FilterLevel.STRICT;
            log.warn("the moderation model did not answer ({}); the unsure text is {}", e.getClass().getSimpleName(),
                    failClosed ? "held back (strict)" : "let through (standard)");
            return failClosed ? unsure : Set.of();
        }
    }

    // The model's own categories where this level checks them, else the classifier's guess.
    private static Set<Category> onlyAt(FilterLevel level, Set<Category> named, Set<Category> unsure) {
        EnumSet<Category> checked = EnumSet.noneOf(Category.class);
        named.stream().filter(category -> level.includes(category.minimumLevel())).forEach(checked::add);
        return checked.isEmpty() ? unsure : checked;
    }
}
