package dev.steward.safety.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers, confirmed by libphonenumber at {@link Leniency#VALID}: the number must exist in the numbering plan of
 * its region, and a national number must carry its national prefix where one is written (the {@code 0} of
 * {@code 030 1234567}). International numbers are recognised whatever the region (in every region libphonenumber
 * knows, and at {@link Leniency#POSSIBLE} when written with a {@code +}); national ones for each configured region.
 */
final class PhoneDetector implements Detector {
    // Written without a trunk prefix (the 0 of 030 ...), a number is as often an order, invoice or ticket number as a
    // US or Spanish phone number. It counts when a word before it says it is a phone number, or when it is grouped
    // the way those countries write phone numbers: (415) 555-2671, 612 345 678, 91 123 45 67.
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?iu)\\b(?:phone|tel|call|cell|mobile|whatsapp|signal|sms|text me|reach me|fax|ruf|anruf|handy|mobil|"
                    + "erreichbar|appel|portable|joindre|llam|llám|móvil|movil|teléfono)");
    private static final Pattern PHONE_GROUPING = Pattern.compile(
            "(?:1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}"
                    + "|\\d{3} \\d{3} \\d{3}|\\d{3} \\d{2} \\d{2} \\d{2}|\\d{2} \\d{3} \\d{2} \\d{2}");
    // libphonenumber rejects slashed dates and timestamps but accepts 03.04.2024 as a German number, and a US SSN
    // shape as a German or Spanish one; neither is how anyone writes a phone number.
    private static final Pattern NOT_A_PHONE = Pattern.compile(
            "\\d{1,2}([./-])\\d{1,2}\\1\\d{2,4}|\\d{4}([./-])\\d{1,2}\\2\\d{1,2}|\\d{3}-\\d{2}-\\d{4}");
    private static final int CONTEXT_BEFORE = 30;
    private static final int MIN_DIGITS = 7;
    // Digits joined by the separators people write in phone numbers, as TextShape counts them.
    private static final int MAX_GAP = 3;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> regions;
    /** Regions whose national numbers start with a written trunk prefix 0 (DE 030 ..., GB 020 ..., FR 06 ...). */
    private final List<String> trunkZeroRegions;
    /** The others, where a national number is written without one (US 415 ..., ES 612 ...). */
    private final List<String> bareRegions;

    PhoneDetector(List<String> regions) {
        for (String region : regions) {
            if (!util.getSupportedRegions().contains(region)) {
                throw new IllegalArgumentException("unknown phone region " + region);
            }
        }
        this.regions = List.copyOf(regions);
        this.trunkZeroRegions = regions.stream().filter(r -> "0".equals(util.getNddPrefixForRegion(r, true))).toList();
        this.bareRegions = regions.stream().filter(r -> !trunkZeroRegions.contains(r)).toList();
    }

    @Override
    public boolean mayMatch(TextShape shape) {
        return shape.clusterDigits() >= MIN_DIGITS;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        int othersFound = out.size();
        // libphonenumber's own matcher costs far more than this loop, so it only ever sees the short windows of
        // digit clusters (digits and the separators of phone numbers), never the whole text.
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int digits = 0;
            for (int gap = 0; i < n && gap <= MAX_GAP; i++) {
                char c = text.charAt(i);
                if (isDigit(c)) {
                    digits++;
                    end = i + 1;
                    gap = 0;
                } else if (" \u00A0()./-".indexOf(c) >= 0) {
                    gap++;
                } else {
                    break;
                }
            }
            i = end;
            if (start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '(')) {
                start--;
            } else if (start > 1 && text.charAt(start - 1) == ' ' && text.charAt(start - 2) == '(') {
                start -= 2;
            }
            if (digits < MIN_DIGITS || NOT_A_PHONE.matcher(text).region(start, end).matches()
                    || inside(out, othersFound, start, end)) {
                continue;
            }
            // One character either side, so libphonenumber still sees a letter glued to the number and rejects it.
            int from = Math.max(0, start - 1);
            String window = text.substring(from, Math.min(text.length(), end + 1));
            int before = out.size();
            for (String region : regionsFor(text, start, end)) {
                boolean covered = false;
                for (PhoneNumberMatch match : util.findNumbers(window, region, Leniency.VALID, Long.MAX_VALUE)) {
                    int matchStart = from + match.start();
                    int matchEnd = from + match.end();
                    covered |= digitsIn(text, start, matchStart) == 0 && digitsIn(text, matchEnd, end) == 0;
                    if (!alreadyFound(out, before, matchStart, matchEnd)
                            && plausible(text, match.rawString(), matchStart)) {
                        out.add(new Finding(PiiType.PHONE, matchStart, matchEnd));
                    }
                }
                if (covered) {
                    break; // one region read the whole cluster as a number; the others cannot add to it
                }
            }
            if (out.size() == before && text.charAt(start) == '+') {
                addPossibleInternational(text, from, window, out);
            }
        }
    }

    /**
     * A number written internationally that its plan does not list as assigned (the UK's +44 7700 900xxx drama range,
     * a range opened after this libphonenumber release) is still a phone number to whoever wrote it: with its
     * {@code +}, a country code and a possible length, nothing else in chat looks like that.
     */
    private void addPossibleInternational(String text, int from, String window, List<Finding> out) {
        for (PhoneNumberMatch match : util.findNumbers(window, regions.get(0), Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (match.rawString().startsWith("+") && match.number().getNationalNumber() >= 1_000_000L) {
                out.add(new Finding(PiiType.PHONE, from + match.start(), from + match.end()));
            }
        }
    }

    /**
     * The regions worth asking about the cluster {@code [start, end)}, likeliest first: each libphonenumber call costs
     * tens of microseconds. An international number ({@code +44 ...}) is read by any region; a group starting with 0
     * ({@code 030 ...}, {@code 0044 ...}) only by trunk-zero regions; a bare national number only when grouped like
     * one or named as one, as {@link #plausible} would reject it otherwise.
     */
    private List<String> regionsFor(String text, int start, int end) {
        if (text.charAt(start) == '+') {
            return regions.subList(0, 1);
        }
        boolean zeroGroup = false;
        for (int i = start; i < end; i++) {
            // A group starting with 0 after a space or bracket: 030 ..., (0)30 ...; not the cents of 12345.00.
            if (text.charAt(i) == '0' && (i == start || " (/\u00A0".indexOf(text.charAt(i - 1)) >= 0)) {
                zeroGroup = true;
                break;
            }
        }
        boolean bare = !bareRegions.isEmpty() && (PHONE_GROUPING.matcher(text).region(start, end).find()
                || phoneWordBefore(text, start));
        List<String> chosen = new ArrayList<>(regions.size());
        if (zeroGroup && text.charAt(start) == '0') {
            chosen.addAll(trunkZeroRegions);
        }
        if (bare) {
            chosen.addAll(bareRegions);
        }
        if (zeroGroup && text.charAt(start) != '0') {
            chosen.addAll(trunkZeroRegions);
        }
        if (chosen.isEmpty() && text.indexOf('+', start) >= 0 && text.indexOf('+', start) < end) {
            chosen.add(regions.get(0));
        }
        return chosen;
    }

    // A cluster inside another detector's finding (the digits of an IBAN or a card number) would lose to it anyway.
    private static boolean inside(List<Finding> out, int count, int start, int end) {
        for (int i = 0; i < count; i++) {
            if (out.get(i).start() <= start && out.get(i).end() >= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean plausible(String text, String raw, int start) {
        if (NOT_A_PHONE.matcher(raw).matches()) {
            return false;
        }
        char first = raw.charAt(0);
        if (first == '+' || first == '0' || raw.startsWith("(0") || raw.startsWith("(+")) {
            return true; // international, or national with its trunk prefix
        }
        return PHONE_GROUPING.matcher(raw).matches() || phoneWordBefore(text, start);
    }

    private static boolean phoneWordBefore(String text, int start) {
        // Transparent, so that \b at the start of the window still sees the character before it ("hotel" is no "tel").
        return PHONE_WORD.matcher(text).useTransparentBounds(true).region(Math.max(0, start - CONTEXT_BEFORE), start)
                .find();
    }

    // International numbers are found once per region; keep the first.
    private static boolean alreadyFound(List<Finding> out, int from, int start, int end) {
        for (int i = from; i < out.size(); i++) {
            if (out.get(i).start() == start && out.get(i).end() == end) {
                return true;
            }
        }
        return false;
    }

    private static int digitsIn(String text, int start, int end) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
