package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets: API keys and tokens whose prefix names the issuer (OpenAI, Anthropic, GitHub, Slack, Stripe, AWS, Google,
 * Matrix), an AWS secret access key written near its key id, JWTs, bearer tokens, PEM private key blocks, and values
 * given to keys such as {@code password} or {@code api_key} (see {@link KeyValueSecrets}). Prefixed keys need no
 * further check: the prefix and length are the evidence.
 */
final class SecretDetector implements Detector {
    // The shortest prefixed key (a Slack token) is 15 characters of [A-Za-z0-9_-] without a break.
    private static final int SHORTEST_KEY = 15;

    private static final Pattern PREFIXED = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + "sk-ant-[A-Za-z0-9_-]{20,}"
            + "|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"
            + "|gh[pousr]_[A-Za-z0-9]{36,}"
            + "|github_pat_[A-Za-z0-9_]{22,}"
            + "|xox[abeoprs]-[A-Za-z0-9-]{10,}"
            + "|xapp-\\d-[A-Za-z0-9-]{10,}"
            + "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}"
            + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
            + "|AIza[0-9A-Za-z_-]{35}"
            + "|syt_[A-Za-z0-9]{2,}_[A-Za-z0-9]{10,}_[A-Za-z0-9]{4,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{10,}"
            + ")(?![A-Za-z0-9_-])");
    // An AWS secret access key: 40 characters of base64 standing alone. Only taken near a key id (AKIA/ASIA ...),
    // since a lone 40-character token may be a hash or an id.
    private static final Pattern AWS_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final int AWS_PAIR_DISTANCE = 200;
    // The password of a URL's user info: https://user:PASSWORD@host/.
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^\\s/?#@:]+:([^\\s/?#@]+)@");
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9._~+/-]{20,}=*)");
    // Lazy up to the END line; a pasted key cut off before its END line is taken up to the end of its base64 lines.
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
                    + "(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
                    + "|[A-Za-z0-9+/=\\s]*[A-Za-z0-9+/=])",
            Pattern.DOTALL);

    @Override
    public boolean mayMatch(TextShape shape) {
        // "-----BEGIN" is a word of 10 characters; a key=value secret needs its separator.
        return shape.longestWord() >= 10 || shape.hasAssign();
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        if (shape.longestWord() >= SHORTEST_KEY) {
            addPrefixed(text, out);
            if (text.contains("earer") || text.contains("EARER")) {
                addAll(BEARER, 1, text, out);
            }
        }
        if (shape.hasAssign() && text.contains("://")) {
            addAll(URL_PASSWORD, 1, text, out);
        }
        if (shape.longestWord() >= 10 && text.contains("PRIVATE KEY")) {
            addAll(PRIVATE_KEY, 0, text, out);
        }
        if (shape.hasAssign()) {
            KeyValueSecrets.find(text, out);
        }
    }

    /**
     * Tries {@link #PREFIXED} only where a word of at least {@link #SHORTEST_KEY} key characters starts: far cheaper
     * than letting the matcher try its nine alternatives at every position of the text.
     */
    private static void addPrefixed(String text, List<Finding> out) {
        Matcher matcher = PREFIXED.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isKeyChar(text.charAt(i))) {
                i++;
            }
            if (i - start >= SHORTEST_KEY && matcher.region(start, n).lookingAt()) {
                out.add(new Finding(PiiType.SECRET, start, matcher.end()));
                if (text.startsWith("AKIA", start) || text.startsWith("ASIA", start)) {
                    addAwsSecret(text, start, matcher.end(), out);
                }
                i = Math.max(i, matcher.end());
            }
        }
    }

    /** The secret access key written within {@value #AWS_PAIR_DISTANCE} characters of the key id at [from, to). */
    private static void addAwsSecret(String text, int from, int to, List<Finding> out) {
        Matcher secret = AWS_SECRET.matcher(text).region(Math.max(0, from - AWS_PAIR_DISTANCE),
                Math.min(text.length(), to + AWS_PAIR_DISTANCE)).useTransparentBounds(true);
        while (secret.find()) {
            String value = secret.group();
            // A key id is upper case and digits; a secret mixes cases, as base64 of random bytes does.
            if (!value.equals(value.toUpperCase(java.util.Locale.ROOT)) && value.chars().anyMatch(Character::isDigit)) {
                out.add(new Finding(PiiType.SECRET, secret.start(), secret.end()));
            }
        }
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static void addAll(Pattern pattern, int group, String text, List<Finding> out) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            out.add(new Finding(PiiType.SECRET, matcher.start(group), matcher.end(group)));
        }
    }
}
