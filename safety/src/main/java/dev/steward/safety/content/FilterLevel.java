package dev.steward.safety.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much the content filter holds back for a member. Each level includes everything the one before it blocks:
 * {@code STANDARD} covers the categories a family or team chat needs blocked; {@code STRICT} adds profanity and the
 * wider, milder terms marked {@code strict} in the word lists. {@code OFF} never blocks.
 */
public enum FilterLevel {
    OFF,
    STANDARD,
    STRICT;

    /** True when a term or category needing {@code required} is active at this level. */
    public boolean includes(FilterLevel required) {
        return this != OFF && ordinal() >= required.ordinal();
    }

    /** The level named {@code key} as written in config and word lists ({@code off}, {@code standard}, {@code strict}). */
    public static FilterLevel fromKey(String key) {
        for (FilterLevel level : values()) {
            if (level.key().equals(key)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown filter level '" + key + "' (expected one of "
                + Arrays.stream(values()).map(FilterLevel::key).collect(Collectors.joining(", ")) + ")");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
