package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs, grouped in fours or written together. commons-validator knows each country's length and format and checks
 * the mod-97 check digits, so a mistyped or invented IBAN is not flagged.
 */
final class IbanDetector implements Detector {
    // Groups of exactly four, then a short tail: each repetition has a fixed width, so no backtracking blow-up. The
    // lookbehind follows the first letter (see CardDetector) so that the matcher skips other characters cheaply.
    private static final Pattern CANDIDATE = Pattern.compile("[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\\d{2}"
            + "(?:[ \\u00A0]?[A-Z0-9]{4}){2,7}(?:[ \\u00A0]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])");
    private static final IBANValidator VALIDATOR = IBANValidator.getInstance();

    @Override
    public boolean mayMatch(TextShape shape) {
        // Every country's IBAN has a run of at least 8 digits (grouped or not) after its letters.
        return shape.clusterDigits() >= 8 && shape.upper() >= 2;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            int end = ibanEnd(text, matcher.start(), matcher.end());
            if (end > 0) {
                out.add(new Finding(PiiType.IBAN, matcher.start(), end));
            }
        }
    }

    /**
     * Where the IBAN starting at {@code start} ends, or -1 when there is none. The pattern may take a following group
     * ("DE89 3704 0044 0532 0130 00 BANK"), so the candidate is cut to the length its country prescribes.
     */
    private static int ibanEnd(String text, int start, int end) {
        IBANValidator.Validator country = VALIDATOR.getValidator(text.substring(start, start + 2));
        if (country == null) {
            return -1;
        }
        StringBuilder compact = new StringBuilder(34);
        int i = start;
        for (; i < end && compact.length() < country.getIbanLength(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\u00A0') {
                compact.append(c);
            }
        }
        if (i < end && Character.isLetterOrDigit(text.charAt(i))) {
            return -1; // the IBAN would end inside a group: a longer number, not an IBAN
        }
        return isValid(compact.toString()) ? i : -1;
    }

    /** Whether {@code compact} (no spaces, upper case) is a valid IBAN: country, length, format and check digits. */
    static boolean isValid(String compact) {
        return VALIDATOR.isValid(compact);
    }
}
