package dev.steward.safety.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses, only in the forms that can be told apart from ordinary text: a house number and a capitalised
 * street name ending in a street word (English "221B Baker Street", German "Hauptstraße 12" or "Berliner Str. 5",
 * French "12 rue de la Paix", Spanish "Calle de Alcalá 42"; German "Am Markt 12" and "An der Kirche 3" mid-sentence or
 * before a postal code), extended by a postal code and town when they follow.
 * Deliberately conservative: "Marktplatz 3" could be a seat or a ranking, and an address without a street word
 * cannot be recognised reliably at all, so both are missed rather than guessed.
 */
final class StreetAddressDetector implements Detector {
    private static final String WORD = "\\p{Lu}\\p{Ll}+";

    private static final Pattern ENGLISH = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?"
            + " (?:(?:North|South|East|West|[NSEW]\\.?) )?(?:(?:" + WORD + "|\\d{1,3}(?:st|nd|rd|th))\\.? ){1,3}"
            + "(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Boulevard|Blvd\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Court|Ct\\.?"
            + "|Place|Pl\\.?|Terrace|Way|Close|Crescent|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Square|Sq\\.?|Gardens|Row)"
            + "(?![\\p{L}\\p{N}])"
            + "(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat)\\.? ?#?[\\dA-Z]{1,5})?"
            + "(?:, (?:" + WORD + " ){0,2}" + WORD + ")?"
            // A US state and ZIP code, or a UK postcode.
            + "(?:,? (?:[A-Z]{2} \\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}))?");

    // A German street is a capitalised word or two before a house number; whether they name a street is checked in
    // code (germanStreetStart), so the pattern never backtracks through a word looking for a suffix, and costs one
    // attempt per capitalised word of the text.
    private static final Pattern GERMAN = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}-]*+\\.?)"
            + "(?: (\\p{Lu}[\\p{L}-]*+\\.?))? ?\\d{1,4}(?: ?[a-h])?(?![\\p{L}\\p{N}])"
            + "(,? \\d{5} \\p{Lu}[\\p{Ll}ß]+(?:[ -](?:am|an der|im) \\p{Lu}[\\p{Ll}ß]+)?)?");
    // Squares and rings are streets too, but "Marktplatz 3" may be a seat or a ranking: only with a postal code.
    private static final List<String> GERMAN_SUFFIXES_WITH_POSTCODE = List.of("platz", "ring", "markt");
    private static final List<String> GERMAN_SUFFIXES = List.of("straße", "strasse", "str.", "weg", "gasse", "allee",
            "damm", "ufer");
    private static final Set<String> GERMAN_STREET_WORDS = Set.of("Straße", "Strasse", "Str.", "Weg", "Gasse",
            "Allee", "Platz", "Ring", "Damm", "Ufer");

    // German streets named with a preposition: "Am Markt 12", "An der Kirche 3", "Zum Sportplatz 3", "Auf dem Berg 14".
    // Capitalised mid-sentence only a street name is ("wohnt Am Hang 6"); at a sentence start the same words are
    // everyday German ("An der Kasse 5 bitte"), so there a postal code must follow.
    private static final Pattern GERMAN_PREPOSITION = Pattern.compile("(?<![\\p{L}\\p{N}])"
            + "(?:Am|Im|Beim|Zum|Zur|An der|An den|An dem|Auf dem|Auf der|Auf den|In der|In den|Unter den|Hinter der"
            + "|Vor dem) \\p{Lu}[\\p{L}-]+ \\d{1,4}(?: ?[a-h])?(?![\\p{L}\\p{N}])"
            + "(,? \\d{5} \\p{Lu}[\\p{Ll}ß]+(?:[ -](?:am|an der|im) \\p{Lu}[\\p{Ll}ß]+)?)?");

    private static final Pattern FRENCH = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,4}(?: ?(?:bis|ter))?,? "
            + "(?i:rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|cours|route) "
            + "(?:(?:de la|de l'|du|des|de|d'|la|le|les|l') ?)?\\p{Lu}[\\p{L}'-]+"
            + "(?: (?:\\p{Lu}[\\p{L}'-]+|de|du|des|la|le|l'|d'|et)){0,4}"
            + "(?:,? \\d{5} \\p{Lu}[\\p{L}-]+)?");

    private static final Pattern SPANISH = Pattern.compile("(?<![\\p{L}\\p{N}])"
            + "(?:[Cc]alle|C/|[Aa]venida|Avda\\.|[Pp]aseo|[Pp]laza|Pza\\.|[Cc]amino|Carrer|Ronda|Travesía) ?"
            + "(?:(?:de la|de los|de las|del|de) )?\\p{Lu}[\\p{L}-]+"
            + "(?: (?:\\p{Lu}[\\p{L}-]+|de|del|la|los|las|y)){0,4}"
            + ",? (?:n[º°o]\\.? ?)?\\d{1,4}(?![\\p{L}\\p{N}])"
            + "(?:,? (?:\\d{1,2}[º°ª]? ?[A-Z]?,? )?\\d{5} \\p{Lu}[\\p{L}-]+)?");

    // Compounds in "-weg" that are ways of doing something, not streets; a child's "Lösungsweg 2" is homework.
    private static final Set<String> NOT_STREETS = Set.of("lösungsweg", "rechenweg", "rückweg", "heimweg", "schulweg",
            "ausweg", "umweg", "lebensweg", "arbeitsweg", "lernweg", "königsweg", "mittelweg");

    @Override
    public boolean mayMatch(TextShape shape) {
        return shape.digits() >= 1;
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        int languages = StreetWords.languagesIn(text);
        if ((languages & StreetWords.GERMAN) != 0) {
            Matcher german = GERMAN.matcher(text);
            while (german.find()) {
                int start = germanStreetStart(german);
                if (start >= 0) {
                    out.add(new Finding(PiiType.STREET_ADDRESS, start, german.end()));
                }
            }
        }
        if ((languages & StreetWords.GERMAN_PREPOSITION) != 0) {
            Matcher german = GERMAN_PREPOSITION.matcher(text);
            while (german.find()) {
                if (german.group(1) != null || !startsSentence(text, german.start())) {
                    out.add(new Finding(PiiType.STREET_ADDRESS, german.start(), german.end()));
                }
            }
        }
        addAll(ENGLISH, languages & StreetWords.ENGLISH, text, out);
        addAll(FRENCH, languages & StreetWords.FRENCH, text, out);
        addAll(SPANISH, languages & StreetWords.SPANISH, text, out);
    }

    // At the start of the text or after a sentence end; a colon or comma introduces, it does not end a sentence.
    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    private static void addAll(Pattern pattern, int present, String text, List<Finding> out) {
        if (present == 0) {
            return;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            out.add(new Finding(PiiType.STREET_ADDRESS, matcher.start(), matcher.end()));
        }
    }

    /**
     * Where the street of a German candidate starts, or -1 when its words do not name one. A street is one word
     * ending in a street word (Hauptstraße, Theodor-Heuss-Allee, Kurfürstendamm), or an adjective or "Am"/"Im" before
     * a street word (Berliner Straße, Am Ring); of two words where only the second is a street ("Treffpunkt
     * Lindenweg 3"), the street is the second.
     */
    private static int germanStreetStart(Matcher candidate) {
        String first = candidate.group(1);
        String second = candidate.group(2);
        boolean postcode = candidate.group(3) != null;
        if (second == null) {
            return isGermanStreet(first) || postcode && isSquare(first) ? candidate.start(1) : -1;
        }
        if (GERMAN_STREET_WORDS.contains(second)
                && (first.endsWith("er") || first.endsWith("e") || first.equals("Am") || first.equals("Im"))) {
            return candidate.start(1);
        }
        return isGermanStreet(second) || postcode && isSquare(second) ? candidate.start(2) : -1;
    }

    private static boolean isSquare(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return GERMAN_SUFFIXES_WITH_POSTCODE.stream()
                .anyMatch(suffix -> lower.endsWith(suffix) && lower.length() >= suffix.length() + 3);
    }

    private static boolean isGermanStreet(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (NOT_STREETS.contains(lower)) {
            return false;
        }
        for (String suffix : GERMAN_SUFFIXES) {
            // At least two letters before the suffix: "Weg 3" alone is a way, not a street.
            if (lower.endsWith(suffix) && lower.length() >= suffix.length() + 2) {
                return true;
            }
        }
        return false;
    }
}
