package dev.steward.safety.content;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the content checks decided about one text: whether it is blocked and in which categories. Categories come
 * from the word lists (each with the term that matched, kept for the admins' audit log only: {@link #auditMatches()})
 * or from the meaning of the text ({@link #byMeaning()}: the classifier or a moderation model). {@link #toString()}
 * leaves the terms out so a log line can never repeat the word.
 */
public final class Verdict {
    /** Nothing matched. */
    public static final Verdict CLEAN = new Verdict(List.of(), Set.of());

    private final Set<Category> categories;
    private final Set<Category> byMeaning;
    private final List<Match> matches;

    Verdict(List<Match> matches) {
        this(matches, Set.of());
    }

    private Verdict(List<Match> matches, Set<Category> byMeaning) {
        EnumSet<Category> found = EnumSet.noneOf(Category.class);
        matches.forEach(match -> found.add(match.category()));
        found.addAll(byMeaning);
        this.categories = Collections.unmodifiableSet(found);
        this.byMeaning = byMeaning.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(byMeaning));
        this.matches = List.copyOf(matches);
    }

    /** A verdict from meaning alone: blocked in {@code categories}, with no term to show. */
    public static Verdict byMeaning(Set<Category> categories) {
        return categories.isEmpty() ? CLEAN : new Verdict(List.of(), categories);
    }

    /** This verdict with {@code other}'s categories and matches added. */
    public Verdict and(Verdict other) {
        if (!other.blocked()) {
            return this;
        }
        if (!blocked()) {
            return other;
        }
        EnumSet<Category> meaning = EnumSet.noneOf(Category.class);
        meaning.addAll(byMeaning);
        meaning.addAll(other.byMeaning);
        List<Match> all = new java.util.ArrayList<>(matches);
        all.addAll(other.matches);
        return new Verdict(all, meaning);
    }

    public boolean blocked() {
        return !categories.isEmpty();
    }

    /** The categories that matched, in declaration order; empty when the text may pass. */
    public Set<Category> categories() {
        return categories;
    }

    /** The categories found by meaning rather than by a listed term (possibly also by a term). */
    public Set<Category> byMeaning() {
        return byMeaning;
    }

    /** True when self-harm matched: the reply adds a supportive line and the admins are told. */
    public boolean selfHarm() {
        return categories.contains(Category.SELF_HARM);
    }

    /** For the admins' audit log only: each term that matched and where. Not for replies or ordinary logs. */
    public List<Match> auditMatches() {
        return matches;
    }

    /** For the audit log: the categories, and which of them were found by meaning. Never a term. */
    public String auditSummary() {
        return byMeaning.isEmpty() ? categories.toString() : categories + " by meaning " + byMeaning;
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
