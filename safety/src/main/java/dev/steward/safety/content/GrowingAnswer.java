package dev.steward.safety.content;

import java.util.Optional;

/**
 * The content check on an answer that arrives in pieces (a streaming model): each time the text grows, the word
 * lists look at all of it and the meaning classifier at the sentences completed since it last looked (with the one
 * before them for context), so the cost stays proportional to the answer rather than to its square. Once something
 * would be withheld, nothing more is shown; the final text is then checked whole by {@link ContentCheck#check}.
 *
 * <p>At {@code strict}, a piece the classifier is unsure about is not shown while streaming either: the moderation
 * model, if any, decides on the whole answer at the end. One instance per answer; safe to call from the streaming
 * client's thread while another thread reads it.
 */
public final class GrowingAnswer {
    private final ContentCheck check;
    private final FilterLevel level;
    private int readUpTo;
    private int previousSentence;
    private boolean withheld;

    GrowingAnswer(ContentCheck check, FilterLevel level) {
        this.check = check;
        this.level = level;
    }

    /** {@code soFar} when it may be shown now, else empty (and empty for every later call). */
    public synchronized Optional<String> shown(String soFar) {
        if (withheld || level == FilterLevel.OFF) {
            return withheld ? Optional.empty() : Optional.of(soFar);
        }
        if (check.checkWords(soFar, level).blocked()) {
            withheld = true;
            return Optional.empty();
        }
        int end = lastSentenceEnd(soFar);
        if (end > readUpTo) {
            MeaningClassifier.Reading reading = check.read(soFar.substring(previousSentence, end), level);
            previousSentence = readUpTo;
            readUpTo = end;
            if (!reading.blocked().isEmpty() || (level == FilterLevel.STRICT && !reading.unsure().isEmpty())) {
                withheld = true;
                return Optional.empty();
            }
        }
        return Optional.of(soFar);
    }

    private static int lastSentenceEnd(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
