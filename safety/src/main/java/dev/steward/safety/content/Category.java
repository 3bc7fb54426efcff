package dev.steward.safety.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of content a term belongs to. The category decides the reply (self-harm also gets a supportive line
 * and tells the admins) and the lowest level at which it is checked at all: profanity is a matter of tone, not of
 * safety, so only {@link FilterLevel#STRICT} looks for it.
 */
public enum Category {
    SEXUAL(FilterLevel.STANDARD),
    SELF_HARM(FilterLevel.STANDARD),
    VIOLENCE(FilterLevel.STANDARD),
    HATE(FilterLevel.STANDARD),
    DRUGS(FilterLevel.STANDARD),
    WEAPONS(FilterLevel.STANDARD),
    PROFANITY(FilterLevel.STRICT);

    private final FilterLevel minimumLevel;

    Category(FilterLevel minimumLevel) {
        this.minimumLevel = minimumLevel;
    }

    /** The lowest filter level that checks this category. */
    public FilterLevel minimumLevel() {
        return minimumLevel;
    }

    /** The category named {@code key} in word lists and config: {@code self_harm} (or {@code self-harm}), etc. */
    public static Category fromKey(String key) {
        String wanted = key.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Category category : values()) {
            if (category.key().equals(wanted)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + key + "' (expected one of "
                + Arrays.stream(values()).map(Category::key).collect(Collectors.joining(", ")) + ")");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
