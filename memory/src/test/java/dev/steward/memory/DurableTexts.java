package dev.steward.memory;

import java.util.List;

/** Distinct everyday texts for tests that store many memories and must tell each one apart. */
final class DurableTexts {
    private static final List<String> WHO = List.of("Alice", "Bob", "Grandma", "Uncle Tom", "The neighbour");
    private static final List<String> WHAT = List.of("borrowed the drill", "fixed the fence", "planted tomatoes",
            "booked the holiday flat", "paid the electricity bill", "lost the car keys", "painted the hallway",
            "called the insurance", "ordered new curtains", "cleaned the gutters");
    private static final List<String> WHEN = List.of("on Monday", "last weekend", "before Easter",
            "in the morning", "after dinner", "yesterday");

    private DurableTexts() {}

    /** The {@code i}-th text; each names its number, so a search by words finds exactly one. */
    static String text(int i) {
        return WHO.get(i % WHO.size()) + " " + WHAT.get(i / WHO.size() % WHAT.size()) + " "
                + WHEN.get(i / (WHO.size() * WHAT.size()) % WHEN.size()) + ", note n" + i;
    }
}
