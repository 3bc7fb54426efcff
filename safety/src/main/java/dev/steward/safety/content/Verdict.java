package dev.steward.safety.content;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the content filter decided about one text: whether it is blocked and in which categories. The terms that
 * matched are kept for the admins' audit log only ({@link #auditMatches()}); {@link #toString()} leaves them out so
 * a log line can never repeat the word.
 */
public final class Verdict {
    /** Nothing matched. */
    public static final Verdict CLEAN = new Verdict(List.of());

    private final Set<Category> categories;
    private final List<Match> matches;

    Verdict(List<Match> matches) {
        EnumSet<Category> found = EnumSet.noneOf(Category.class);
        matches.forEach(match -> found.add(match.category()));
        this.categories = Collections.unmodifiableSet(found);
        this.matches = List.copyOf(matches);
    }

    public boolean blocked() {
        return !categories.isEmpty();
    }

    /** The categories that matched, in declaration order; empty when the text may pass. */
    public Set<Category> categories() {
        return categories;
    }

    /** True when a self-harm term matched: the reply adds a supportive line and the admins are told. */
    public boolean selfHarm() {
        return categories.contains(Category.SELF_HARM);
    }

    /** For the admins' audit log only: each term that matched and where. Not for replies or ordinary logs. */
    public List<Match> auditMatches() {
        return matches;
    }

    @Override
    public String toString() {
        return blocked() ? "Verdict[blocked, categories=" + categories + "]" : "Verdict[clean]";
    }

    /**
     * One term that matched: its category, the term as written in the word list or config (which may differ from
     * the text: "k1ll myself" matches "kill myself"), and the offsets of the matching words in the checked text.
     */
    public record Match(Category category, String term, int start, int end) {
        @Override
        public String toString() {
            return "Match[" + category + " at " + start + ".." + end + "]"; // the term stays out of logs
        }
    }
}
