package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check and start
 * with the issuer identification number of a card network with a matching length. The issuer table is what keeps a
 * Luhn-valid order number (one in ten random numbers passes Luhn) from counting as a card.
 */
final class CardDetector implements Detector {
    // Each repetition consumes exactly one digit, so the optional separator cannot make the match ambiguous. The
    // lookbehind ("not preceded by a digit or dash") comes after the first digit: a character test first lets the
    // matcher skip non-digits cheaply, which makes the pattern several times faster than with the lookbehind first.
    private static final Pattern CANDIDATE = Pattern.compile("\\d(?<![\\d-]\\d)(?:[ -]?\\d){12,18}(?!\\d)");

    /** Card numbers starting with a prefix in {@code [low, high]} (both {@code digits} long) have these lengths. */
    private record Issuer(int low, int high, int minLength, int maxLength) {
        int digits() {
            return Integer.toString(low).length();
        }
    }

    private static final List<Issuer> ISSUERS = List.of(
            new Issuer(4, 4, 13, 19), // Visa (13 and 16 in use, 19 for some debit cards)
            new Issuer(51, 55, 16, 16), // Mastercard
            new Issuer(2221, 2720, 16, 16), // Mastercard 2-series
            new Issuer(34, 34, 15, 15), // American Express
            new Issuer(37, 37, 15, 15),
            new Issuer(6011, 6011, 16, 19), // Discover
            new Issuer(644, 649, 16, 19),
            new Issuer(65, 65, 16, 19),
            new Issuer(300, 305, 14, 19), // Diners Club
            new Issuer(36, 36, 14, 19),
            new Issuer(38, 39, 16, 19),
            new Issuer(3528, 3589, 16, 19), // JCB
            new Issuer(62, 62, 16, 19), // UnionPay
            new Issuer(2200, 2204, 16, 19), // Mir
            new Issuer(5018, 5018, 13, 19), // Maestro
            new Issuer(5020, 5020, 13, 19),
            new Issuer(5038, 5038, 13, 19),
            new Issuer(5893, 5893, 13, 19),
            new Issuer(6304, 6304, 13, 19),
            new Issuer(6759, 6759, 13, 19),
            new Issuer(6761, 6763, 13, 19));

    @Override
    public boolean mayMatch(TextShape shape) {
        return shape.clusterDigits() >= 13;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = Checksums.digitsOnly(matcher.group());
            if (Checksums.luhn(digits) && knownIssuer(digits)) {
                out.add(new Finding(PiiType.CREDIT_CARD, matcher.start(), matcher.end()));
            }
        }
    }

    static boolean knownIssuer(String digits) {
        for (Issuer issuer : ISSUERS) {
            int prefix = Integer.parseInt(digits.substring(0, issuer.digits()));
            if (prefix >= issuer.low() && prefix <= issuer.high()
                    && digits.length() >= issuer.minLength() && digits.length() <= issuer.maxLength()) {
                return true;
            }
        }
        return false;
    }
}
