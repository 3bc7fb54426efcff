package dev.steward.memory;

import java.util.Arrays;
import java.util.Locale;

/** Where a memory came from; config and commands name the kinds {@code explicit}, {@code message}, {@code answer}. */
public enum MemoryKind {
    /** Someone asked Steward to remember it ({@code !remember}). */
    EXPLICIT,
    /** A room message captured because the room turned capture on. */
    MESSAGE,
    /** One of Steward's own answers, captured when the room keeps answers. */
    ANSWER;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} in config, case-insensitively. */
    public static MemoryKind fromConfig(String name) {
        for (MemoryKind kind : values()) {
            if (kind.configName().equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown memory kind '" + name + "', expected one of "
                + Arrays.stream(values()).map(MemoryKind::configName).toList());
    }
}
