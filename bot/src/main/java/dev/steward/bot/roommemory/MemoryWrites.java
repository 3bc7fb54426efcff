package dev.steward.bot.roommemory;

import dev.steward.commands.UserFacingException;
import dev.steward.safety.pii.Finding;
import dev.steward.safety.pii.PiiScanner;
import dev.steward.safety.pii.Redaction;
import dev.steward.safety.pii.ScanSummary;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.PolicyKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member's policy lets into memory: nothing when {@code memory_write} is off; personal data replaced by
 * placeholders under {@code pii: redact}, refused under {@code block}, kept under {@code local_only} and {@code allow}
 * (a memory holding personal data is then only ever sent to local models: the gateway checks every memory it adds).
 */
final class MemoryWrites {
    /**
     * The text to store, what the member should be told about it, and whether personal data was kept in it (the
     * memory then only ever goes to local models).
     */
    record Admitted(String text, String note, boolean personalDataKept) {}

    static final String NO_MEMORY_WRITES = "Your policy does not let me remember what you write.";

    private final PiiScanner scanner;

    MemoryWrites(PiiScanner scanner) {
        this.scanner = scanner;
    }

    /** The text as it may be stored, or empty when the policy keeps it out (for capture, which stays silent). */
    Optional<Admitted> admit(String text, EffectivePolicy policy) {
        try {
            return Optional.of(admitOrRefuse(text, policy));
        } catch (UserFacingException refused) {
            return Optional.empty();
        }
    }

    /** @throws UserFacingException saying why the text may not be stored */
    Admitted admitOrRefuse(String text, EffectivePolicy policy) {
        if (!policy.get(PolicyKey.MEMORY_WRITE)) {
            throw new UserFacingException(NO_MEMORY_WRITES);
        }
        List<Finding> findings = scanner.scan(text);
        if (findings.isEmpty()) {
            return new Admitted(text, "", false);
        }
        String types = types(ScanSummary.of(findings));
        return switch (policy.get(PolicyKey.PII)) {
            case "block" -> throw new UserFacingException("That contains personal data (" + types
                    + "), and your policy does not let me keep it. Please leave it out.");
            case "redact" -> new Admitted(Redaction.redact(text, findings).text(),
                    " Personal data (" + types + ") was replaced by placeholders.", false);
            default -> new Admitted(text, " It contains personal data (" + types
                    + "), so it will only ever be given to local models.", true);
        };
    }

    private static String types(ScanSummary summary) {
        return summary.types().stream().map(type -> type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
