package dev.steward.safety.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets: API keys and tokens whose prefix names the issuer (OpenAI, Anthropic, GitHub, Slack, AWS, Google, Matrix),
 * JWTs, bearer tokens, PEM private key blocks, and values given to keys such as {@code password} or {@code api_key}
 * (see {@link KeyValueSecrets}). Prefixed keys need no further check: the prefix and length are the evidence.
 */
final class SecretDetector implements Detector {
    // The shortest prefixed key (a Slack token) is 15 characters of [A-Za-z0-9_-] without a break.
    private static final int SHORTEST_KEY = 15;

    private static final Pattern PREFIXED = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + "sk-ant-[A-Za-z0-9_-]{20,}"
            + "|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"
            + "|gh[pousr]_[A-Za-z0-9]{36,}"
            + "|github_pat_[A-Za-z0-9_]{22,}"
            + "|xox[abpr]-[A-Za-z0-9-]{10,}"
            + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
            + "|AIza[0-9A-Za-z_-]{35}"
            + "|syt_[A-Za-z0-9]{2,}_[A-Za-z0-9]{10,}_[A-Za-z0-9]{4,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{10,}"
            + ")(?![A-Za-z0-9_-])");
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
                i = Math.max(i, matcher.end());
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
