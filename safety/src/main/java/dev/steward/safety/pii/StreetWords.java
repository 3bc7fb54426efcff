package dev.steward.safety.pii;

import java.util.List;

/**
 * Which languages' street words a text contains, found in one pass over its words. An address pattern only runs on a
 * text holding one of its street words; most chat has none, and this pass is several times cheaper than running the
 * four address patterns over every text that holds a digit.
 */
final class StreetWords {
    static final int ENGLISH = 1;
    static final int GERMAN = 2;
    static final int FRENCH = 4;
    static final int SPANISH = 8;
    /** A capitalised German preposition that may start a street name ("Am Markt 12", "An der Kirche 3"). */
    static final int GERMAN_PREPOSITION = 16;

    /** A street word and the languages it signals; {@code capitalised} when the pattern needs it capitalised. */
    private record Word(String lower, int languages, boolean capitalised) {}

    // Capitalised where the patterns need them so, which keeps English "way" and German "weg" (away) from waking a
    // pattern; French street words are lower case in running text.
    private static final List<Word> WORDS = List.of(
            new Word("street", ENGLISH, true), new Word("st", ENGLISH, true),
            new Word("avenue", ENGLISH | FRENCH, false), new Word("ave", ENGLISH, true), new Word("road", ENGLISH, true), new Word("rd", ENGLISH, true),
            new Word("boulevard", ENGLISH | FRENCH, false), new Word("blvd", ENGLISH, true),
            new Word("lane", ENGLISH, true), new Word("ln", ENGLISH, true), new Word("drive", ENGLISH, true),
            new Word("dr", ENGLISH, true), new Word("court", ENGLISH, true), new Word("ct", ENGLISH, true),
            new Word("place", ENGLISH | FRENCH, false), new Word("pl", ENGLISH, true),
            new Word("terrace", ENGLISH, true), new Word("way", ENGLISH, true), new Word("close", ENGLISH, true),
            new Word("crescent", ENGLISH, true), new Word("parkway", ENGLISH, true), new Word("pkwy", ENGLISH, true),
            new Word("highway", ENGLISH, true), new Word("hwy", ENGLISH, true), new Word("square", ENGLISH, true),
            new Word("sq", ENGLISH, true), new Word("gardens", ENGLISH, true), new Word("row", ENGLISH, true),
            new Word("straße", GERMAN, true), new Word("strasse", GERMAN, true), new Word("str", GERMAN, true),
            new Word("weg", GERMAN, true), new Word("gasse", GERMAN, true), new Word("allee", GERMAN, true),
            new Word("damm", GERMAN, true), new Word("ufer", GERMAN, true), new Word("platz", GERMAN, true),
            new Word("ring", GERMAN, true),
            new Word("rue", FRENCH, false), new Word("av", FRENCH, false), new Word("bd", FRENCH, false),
            new Word("chemin", FRENCH, false), new Word("allée", FRENCH, false), new Word("impasse", FRENCH, false),
            new Word("quai", FRENCH, false), new Word("cours", FRENCH, false), new Word("route", FRENCH, false),
            new Word("calle", SPANISH, false), new Word("c", SPANISH, true), new Word("avenida", SPANISH, false),
            new Word("avda", SPANISH, true), new Word("paseo", SPANISH, false), new Word("plaza", SPANISH, false),
            new Word("pza", SPANISH, true), new Word("camino", SPANISH, false), new Word("carrer", SPANISH, true),
            new Word("ronda", SPANISH, true), new Word("travesía", SPANISH, true),
            new Word("am", GERMAN_PREPOSITION, true), new Word("im", GERMAN_PREPOSITION, true),
            new Word("an", GERMAN_PREPOSITION, true), new Word("auf", GERMAN_PREPOSITION, true),
            new Word("zum", GERMAN_PREPOSITION, true), new Word("zur", GERMAN_PREPOSITION, true),
            new Word("beim", GERMAN_PREPOSITION, true), new Word("in", GERMAN_PREPOSITION, true),
            new Word("unter", GERMAN_PREPOSITION, true), new Word("hinter", GERMAN_PREPOSITION, true),
            new Word("vor", GERMAN_PREPOSITION, true));
    // German streets are compounds: the street word is the end of a capitalised word (Hauptstraße, Lindenweg).
    private static final List<String> GERMAN_ENDINGS = List.of("straße", "strasse", "str", "weg", "gasse", "allee",
            "damm", "ufer", "platz", "ring", "markt");

    private static final int LONGEST = 9;
    // The words by length, so that each word of the text is compared with the few of its own length only.
    private static final Word[][] BY_LENGTH = new Word[LONGEST + 1][];

    static {
        for (int length = 0; length <= LONGEST; length++) {
            int l = length;
            BY_LENGTH[length] = WORDS.stream().filter(word -> word.lower().length() == l).toArray(Word[]::new);
        }
    }

    private StreetWords() {}

    /** The languages (a bit set of the constants above) whose street words occur in {@code text}. */
    static int languagesIn(String text) {
        int languages = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isLetter(text.charAt(i))) {
                i++;
            }
            languages |= languagesOf(text, start, i);
        }
        return languages;
    }

    private static int languagesOf(String text, int start, int end) {
        int length = end - start;
        boolean capitalised = Character.isUpperCase(text.charAt(start));
        int languages = 0;
        if (length <= LONGEST) {
            for (Word word : BY_LENGTH[length]) {
                if ((capitalised || !word.capitalised()) && text.regionMatches(true, start, word.lower(), 0, length)) {
                    languages |= word.languages();
                }
            }
        }
        if (capitalised && length >= 5) {
            for (String ending : GERMAN_ENDINGS) {
                if (length >= ending.length() + 2
                        && text.regionMatches(true, end - ending.length(), ending, 0, ending.length())) {
                    languages |= GERMAN;
                }
            }
        }
        return languages;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.isLetter(c));
    }
}
