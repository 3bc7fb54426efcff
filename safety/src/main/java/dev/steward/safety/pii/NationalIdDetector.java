package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National identifiers where a reliable shape or check exists: US SSN (numbering rules), German Steuer-ID (check
 * digit and digit-repetition rule), UK National Insurance number (letter rules), Spanish DNI/NIE (check letter) and
 * French NIR (mod-97 key). Ids without a check (a German Personalausweis number, a passport number) are left out
 * rather than guessed.
 */
final class NationalIdDetector implements Detector {
    // Lookbehinds follow the first character where they can (see CardDetector): the matcher skips others cheaply.
    private static final Pattern SSN_DASHED = Pattern.compile("(\\d(?<![\\d-]\\d)\\d{2})-(\\d{2})-(\\d{4})(?![\\d-])");
    // Written with spaces or not at all, nine digits are as likely a phone or order number; only with a word for it.
    private static final Pattern SSN_PLAIN = Pattern.compile("(\\d(?<![\\d-]\\d)\\d{2}) ?(\\d{2}) ?(\\d{4})(?![\\d-])");
    private static final Pattern SSN_WORD = Pattern.compile("(?i)\\b(?:ssn|social security|soc\\.? ?sec|ss#)");
    // Not part of a longer or decimal number ("1.234 567 890 12"), but a sentence may go on after it.
    private static final Pattern STEUER_ID = Pattern.compile(
            "\\d(?<!\\d\\d)(?<!\\d[.,/-]\\d)\\d ?\\d{3} ?\\d{3} ?\\d{3}(?!\\d|[.,/-]\\d)");
    // Prefixes BG, GB, NK, KN, TN, NT and ZZ are never issued; checked in code rather than as a lookahead tried at
    // every position.
    private static final Pattern NINO = Pattern.compile("[A-CEGHJ-PR-TW-Z](?<![A-Za-z0-9][A-Z])[A-CEGHJ-NPR-TW-Z]"
            + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");
    private static final Set<String> NINO_NEVER_ISSUED = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");
    private static final Pattern DNI = Pattern.compile("(?:\\d(?<![A-Za-z0-9-]\\d)\\d{7}"
            + "|[XYZ](?<![A-Za-z0-9-][XYZ])-?\\d{7})-?[A-Z](?![A-Za-z0-9])");
    private static final Pattern NIR = Pattern.compile(
            "[12](?<!\\d[12]) ?\\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\\d) ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}(?![\\d])");
    private static final int CONTEXT_BEFORE = 30;
    private static final int MAX_GAP = 3;
    private static final int WIDEN = 4;

    @Override
    public boolean mayMatch(TextShape shape) {
        return shape.clusterDigits() >= 6;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        // Each pattern only where the text has the digits and capitals it needs; most texts have neither. And only
        // around the runs of digits, not over the whole text: a regex pass over a long message costs more than the
        // few windows where an id can be.
        List<int[]> windows = digitWindows(text);
        if (windows.isEmpty()) {
            return;
        }
        int digits = shape.clusterDigits();
        if (digits >= 9 && text.indexOf('-') >= 0) {
            for (int[] window : windows) {
                Matcher ssn = within(SSN_DASHED.matcher(text), window);
                while (ssn.find()) {
                    if (Checksums.ssn(ssn.group(1), ssn.group(2), ssn.group(3))) {
                        out.add(new Finding(PiiType.NATIONAL_ID, ssn.start(), ssn.end()));
                    }
                }
            }
        }
        if (digits >= 9 && SSN_WORD.matcher(text).find()) {
            Matcher plain = SSN_PLAIN.matcher(text);
            while (plain.find()) {
                if (Checksums.ssn(plain.group(1), plain.group(2), plain.group(3))
                        && saidBefore(SSN_WORD, text, plain.start())) {
                    out.add(new Finding(PiiType.NATIONAL_ID, plain.start(), plain.end()));
                }
            }
        }
        if (digits >= 11) {
            addChecked(STEUER_ID, text, windows, out, Checksums::steuerId);
        }
        // Not the cluster: a Corsican NIR has "2A" amid its 13 digits.
        if (shape.digits() >= 13) {
            addChecked(NIR, text, windows, out, Checksums::nir);
        }
        if (digits >= 6 && shape.upper() >= 3) {
            addChecked(NINO, text, windows, out, compact -> !NINO_NEVER_ISSUED.contains(compact.substring(0, 2)));
        }
        if (shape.digitRun() >= 7 && shape.upper() >= 1) {
            addChecked(DNI, text, windows, out, Checksums::dniOrNie);
        }
    }

    private static void addChecked(Pattern pattern, String text, List<int[]> windows, List<Finding> out,
            Predicate<String> check) {
        for (int[] window : windows) {
            Matcher matcher = within(pattern.matcher(text), window);
            while (matcher.find()) {
                String compact = matcher.group().replace(" ", "").replace("-", "");
                if (check.test(compact)) {
                    out.add(new Finding(PiiType.NATIONAL_ID, matcher.start(), matcher.end()));
                }
            }
        }
    }

    /** Transparent bounds: look-arounds still see the text outside the window, so boundaries hold as before. */
    private static Matcher within(Matcher matcher, int[] window) {
        return matcher.useTransparentBounds(true).useAnchoringBounds(false).region(window[0], window[1]);
    }

    /**
     * Windows around each cluster of at least 6 digits (digits with at most 3 other characters between them), widened
     * by the letters an id may carry before and after its digits (NINO: 2 before, 1 after; NIE: a letter and a dash).
     */
    static List<int[]> digitWindows(String text) {
        List<int[]> windows = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            int count = 1;
            int j = i + 1;
            while (j < n && j - end <= MAX_GAP) {
                if (Character.isDigit(text.charAt(j))) {
                    count++;
                    end = j + 1;
                }
                j++;
            }
            if (count >= 6) {
                windows.add(new int[] {Math.max(0, start - WIDEN), Math.min(n, end + WIDEN)});
            }
            i = end;
        }
        return windows;
    }

    private static boolean saidBefore(Pattern word, String text, int start) {
        Matcher matcher = word.matcher(text);
        // Transparent, so that \b at the start of the window still sees the character before it.
        matcher.useTransparentBounds(true).region(Math.max(0, start - CONTEXT_BEFORE), start);
        return matcher.find();
    }
}
