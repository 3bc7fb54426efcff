package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses. IPv4 needs four octets of at most 255 without leading zeros, not glued to further dotted
 * numbers and not introduced as a version ("v1.2.3.4", "Version 10.0.0.1"), so version strings and dates are not
 * flagged. IPv6 candidates are confirmed by commons-validator.
 */
final class IpAddressDetector implements Detector {
    // The lookbehind follows the first digit (see CardDetector) so that the matcher skips other characters cheaply.
    private static final Pattern IPV4 = Pattern.compile(
            "\\d(?<![\\d.]\\d)\\d{0,2}\\.(?:\\d{1,3}\\.){2}\\d{1,3}(?!\\.?\\d)");
    private static final Pattern VERSION_BEFORE = Pattern.compile(
            "(?iu)(?:\\bv|version|versión|release|build|firmware|update|ver\\.)\\s?$");
    // Colon-separated hex groups (at least two colons), optionally ending in an embedded IPv4 address.
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\p{Alnum}:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\\.\\d{1,3}){3})?(?![\\p{Alnum}:])");
    private static final InetAddressValidator VALIDATOR = InetAddressValidator.getInstance();
    private static final int CONTEXT_BEFORE = 12;

    @Override
    public boolean mayMatch(TextShape shape) {
        return (shape.clusterDigits() >= 4 && shape.dots() >= 3) || shape.colons() >= 2;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        if (shape.clusterDigits() >= 4 && shape.dots() >= 3) {
            Matcher v4 = IPV4.matcher(text);
            while (v4.find()) {
                if (validOctets(v4.group()) && !versionBefore(text, v4.start())) {
                    out.add(new Finding(PiiType.IP_ADDRESS, v4.start(), v4.end()));
                }
            }
        }
        // A valid IPv6 address either compresses zeros ("::") or writes all eight groups (at least six colons).
        if (shape.colons() < 2 || (shape.colons() < 6 && !text.contains("::"))) {
            return;
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            String candidate = v6.group();
            if (candidate.length() >= 3 && hasHexDigit(candidate) && VALIDATOR.isValidInet6Address(candidate)) {
                out.add(new Finding(PiiType.IP_ADDRESS, v6.start(), v6.end()));
            }
        }
    }

    private static boolean validOctets(String address) {
        for (String octet : address.split("\\.")) {
            if ((octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean versionBefore(String text, int start) {
        Matcher matcher = VERSION_BEFORE.matcher(text);
        // Transparent, so that \b at the start of the window still sees the character before it.
        matcher.useTransparentBounds(true).region(Math.max(0, start - CONTEXT_BEFORE), start);
        return matcher.find();
    }

    private static boolean hasHexDigit(String candidate) {
        return candidate.chars().anyMatch(c -> Character.digit(c, 16) >= 0);
    }
}
