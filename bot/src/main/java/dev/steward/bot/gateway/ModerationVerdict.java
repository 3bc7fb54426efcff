package dev.steward.bot.gateway;

import dev.steward.safety.content.Category;
import dev.steward.safety.content.ContentModerator.Judgement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a moderation model's answer: Llama Guard's "safe" or "unsafe" with its category codes on the next line
 * ("unsafe\nS1,S10"), or ShieldGemma's "Yes" (a violation) and "No". Codes Steward has no category for (defamation,
 * elections, ...) still count as unsafe, with the classifier's category. Anything else is not a verdict: it throws,
 * and counts as a moderation model that did not answer.
 */
final class ModerationVerdict {
    // Llama Guard 3's hazard taxonomy, as far as Steward's categories go.
    private static final Map<String, Category> CODES = Map.of("S1", Category.VIOLENCE, "S3", Category.SEXUAL,
            "S4", Category.SEXUAL, "S9", Category.WEAPONS, "S10", Category.HATE, "S11", Category.SELF_HARM,
            "S12", Category.SEXUAL);

    private ModerationVerdict() {}

    static Judgement parse(String answer) {
        String[] lines = (answer == null ? "" : answer.strip()).split("\\R");
        String first = lines[0].strip().toLowerCase(Locale.ROOT);
        if (first.equals("safe") || first.equals("no")) {
            return new Judgement.Safe();
        }
        if (first.equals("unsafe") || first.equals("yes")) {
            EnumSet<Category> categories = EnumSet.noneOf(Category.class);
            if (lines.length > 1) {
                for (String code : lines[1].split("[,\\s]+")) {
                    Category category = CODES.get(code.strip().toUpperCase(Locale.ROOT));
                    if (category != null) {
                        categories.add(category);
                    }
                }
            }
            return new Judgement.Unsafe(categories);
        }
        throw new IllegalStateException("the moderation model's answer is not a verdict");
    }
}
