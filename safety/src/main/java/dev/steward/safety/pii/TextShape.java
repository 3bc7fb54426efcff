package dev.steward.safety.pii;

/**
 * A few counts over a text, gathered in one pass over its characters, that tell each {@link Detector} (and each
 * pattern inside one) whether it needs to run: a card number needs 13 digits, an IPv4 address three dots, an email
 * an {@code @}, an API key a long unbroken word. Most chat lines fail these tests, and that is what keeps scanning
 * fast: the patterns, and libphonenumber above all, cost far more than this pass.
 *
 * @param digits ASCII digits
 * @param clusterDigits the most digits in one cluster, digits separated by at most three of {@code " -./()+"}
 *     ({@code 089 / 1234 5678} is one cluster of 11 digits): the size of the longest number in the text
 * @param digitRun the longest run of digits without separators
 * @param upper ASCII upper-case letters
 * @param dots full stops
 * @param colons colons
 * @param longestWord the longest run of {@code [A-Za-z0-9_-]}, the alphabet of API keys and tokens
 * @param hasAt whether the text holds an {@code @}
 * @param hasAssign whether the text holds {@code :} or {@code =}, which {@code key=value} secrets need
 */
record TextShape(int digits, int clusterDigits, int digitRun, int upper, int dots, int colons, int longestWord,
        boolean hasAt, boolean hasAssign) {
    private static final int MAX_GAP = 3;

    static TextShape of(String text) {
        int digits = 0;
        int clusterDigits = 0;
        int cluster = 0;
        int gap = 0;
        int digitRun = 0;
        int run = 0;
        int upper = 0;
        int dots = 0;
        int colons = 0;
        int longestWord = 0;
        int word = 0;
        boolean hasAt = false;
        boolean hasAssign = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                word++;
                cluster = gap > MAX_GAP ? 1 : cluster + 1;
                clusterDigits = Math.max(clusterDigits, cluster);
                gap = 0;
                digitRun = Math.max(digitRun, ++run);
                continue;
            }
            run = 0;
            if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '+' || c == '\u00A0') {
                gap++;
            } else {
                cluster = 0;
            }
            if (c >= 'A' && c <= 'Z') {
                upper++;
                word++;
            } else if ((c >= 'a' && c <= 'z') || c == '_' || c == '-') {
                word++;
            } else {
                longestWord = Math.max(longestWord, word);
                word = 0;
                switch (c) {
                    case '.' -> dots++;
                    case ':' -> {
                        colons++;
                        hasAssign = true;
                    }
                    case '=' -> hasAssign = true;
                    case '@' -> hasAt = true;
                    default -> { }
                }
            }
        }
        return new TextShape(digits, clusterDigits, digitRun, upper, dots, colons, Math.max(longestWord, word), hasAt,
                hasAssign);
    }
}
