package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Email addresses: a dot-atom local part, {@code @}, and a domain whose last label is a real top-level domain.
 * The pattern finds the candidate; commons-validator checks the RFC 5322 subset and the IANA list of top-level domains,
 * which is what keeps {@code notes@meeting.txt} or a Matrix id such as {@code @alice:example.org} out.
 */
final class EmailDetector implements Detector {
    // Each domain label ends in a dot, so the repetition cannot split the same characters two ways (no backtracking
    // blow-up); the lookbehind starts a candidate only where a local part can start.
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}"
                    + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}"
                    + "(?![\\p{L}\\p{N}-])");
    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

    @Override
    public boolean mayMatch(TextShape shape) {
        return shape.hasAt();
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            if (!inUrlAuthority(text, matcher.start()) && VALIDATOR.isValid(matcher.group())) {
                out.add(new Finding(PiiType.EMAIL, matcher.start(), matcher.end()));
            }
        }
    }

    /**
     * Whether the candidate is the user part of a URL ({@code https://TOKEN@github.com/...}): that is a credential,
     * which {@link SecretDetector} reports, not an address. An address in a query string ({@code ?to=a@b.de}) is one.
     */
    private static boolean inUrlAuthority(String text, int start) {
        for (int i = start - 1; i >= 2 && start - i < 300; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '/' && text.charAt(i - 1) != '/' || c == '?' || c == '#') {
                return false;
            }
            if (c == '/' && text.charAt(i - 2) == ':') {
                return true;
            }
        }
        return false;
    }
}
