package dev.steward.safety.content;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each code point enters the normalised text: as letters (lower case, accents and compatibility forms folded,
 * look-alike letters from other scripts mapped to Latin), as a leet character that may stand for a letter, as a
 * separator, or not at all (zero-width and format characters, combining marks, apostrophes).
 *
 * <p>German umlauts stay as {@code ä ö ü} here; {@link Normalizer} expands them to both {@code ae} and {@code a},
 * because "Mörder" is usually typed "Moerder" by Germans but "fück" is an English word with a decoration.
 */
final class CharFolding {
    /** Invisible for matching: zero-width and format characters, combining marks, apostrophes. */
    static final byte SKIP = 0;
    /** Whitespace: ends a part and the chunk (the run of non-space characters). */
    static final byte SPACE = 1;
    /** Line break: like {@link #SPACE} and also ends a clause. */
    static final byte LINE = 2;
    /** Punctuation inside a chunk ("k-i-l-l", "e-mail"): ends a part, not the chunk. */
    static final byte PUNCT = 3;
    /** Sentence punctuation (. , ; : ?): ends a part and a clause. */
    static final byte STOP = 4;
    /** A letter; {@link #fold(int)} gives its folded lower-case form (one or more characters). */
    static final byte LETTER = 5;
    /** A digit or symbol kept as itself; in a word it may stand for a letter (see {@link #alternatives(char)}). */
    static final byte LEET = 6;

    static final int TABLE_SIZE = 0x500;
    private static final byte[] KINDS = new byte[TABLE_SIZE];
    private static final String[] FOLDS = new String[TABLE_SIZE];
    // The fold as one char where it is one char (nearly always), so the hot loop appends a char, not a String.
    private static final char[] SINGLE_FOLDS = new char[TABLE_SIZE];
    // Code points past the table are rare in chat (emoji, CJK, fullwidth); their folding is worked out once.
    private static final int SLOW_CACHE_LIMIT = 4096;
    private static final Map<Integer, Folded> SLOW = new ConcurrentHashMap<>();

    // Letters that look like Latin ones, written lower case. Cyrillic and Greek are the usual evasion; small
    // capitals and IPA letters have no compatibility decomposition, so NFKD alone would leave them alone.
    private static final Map<Integer, String> LOOK_ALIKES = new HashMap<>();

    private static final String[] UMLAUT_A = {"ae", "a"};
    private static final String[] UMLAUT_O = {"oe", "o"};
    private static final String[] UMLAUT_U = {"ue", "u"};
    private static final String[][] LEET_LETTERS = new String[128][];

    record Folded(byte kind, String fold) {}

    static {
        lookAlikes("аaвbеeёeіiїiјjкkмmнhоoпnрpсcтtуyхxшwьbѕsӏlԁd"); // Cyrillic
        lookAlikes("αaβbγyεeηnιiκkμuνvοoπnρpσoτtυuχxωw"); // Greek
        lookAlikes("ᴀaʙbᴄcᴅdᴇeɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzɑaɡgıi"); // small capitals, IPA, dotless i
        leet('0', "o");
        leet('1', "i", "l");
        leet('3', "e");
        leet('4', "a");
        leet('5', "s");
        leet('7', "t");
        leet('8', "b");
        leet('9', "g");
        leet('@', "a");
        leet('$', "s");
        leet('!', "i");
        leet('|', "l", "i");
        leet('+', "t");
        for (int cp = 0; cp < TABLE_SIZE; cp++) {
            Folded folded = compute(cp);
            KINDS[cp] = folded.kind();
            FOLDS[cp] = folded.fold();
            SINGLE_FOLDS[cp] = folded.fold() != null && folded.fold().length() == 1 ? folded.fold().charAt(0) : 0;
        }
    }

    private CharFolding() {}

    static byte kind(int cp) {
        return cp < TABLE_SIZE ? KINDS[cp] : slow(cp).kind();
    }

    /** The folded form of a {@link #LETTER} or {@link #LEET} code point. */
    static String fold(int cp) {
        return cp < TABLE_SIZE ? FOLDS[cp] : slow(cp).fold();
    }

    /** The fold of a table code point when it is a single char, else 0 (use {@link #fold(int)}). */
    static char singleFold(int cp) {
        return cp < TABLE_SIZE ? SINGLE_FOLDS[cp] : 0;
    }

    /** The letters a leet character or umlaut may stand for, the canonical one first; null for plain letters. */
    static String[] alternatives(char c) {
        if (c < 128) {
            return LEET_LETTERS[c];
        }
        return switch (c) {
            case 'ä' -> UMLAUT_A;
            case 'ö' -> UMLAUT_O;
            case 'ü' -> UMLAUT_U;
            default -> null;
        };
    }

    /** True when {@code c} is a digit or symbol that reads as a letter inside a word. */
    static boolean isLeet(char c) {
        return c < 128 && LEET_LETTERS[c] != null;
    }

    private static Folded slow(int cp) {
        Folded cached = SLOW.get(cp);
        if (cached != null) {
            return cached;
        }
        Folded folded = compute(cp);
        if (SLOW.size() < SLOW_CACHE_LIMIT) {
            SLOW.put(cp, folded);
        }
        return folded;
    }

    private static Folded compute(int cp) {
        if (cp < 128) {
            return ascii((char) cp);
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return new Folded(SKIP, null); // zero-width space/joiner, soft hyphen, BOM, accents typed separately
        }
        switch (cp) {
            case 0xB4, 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x02BB -> {
                return new Folded(SKIP, null); // apostrophe look-alikes: "don’t" is "dont"
            }
            case 0x85, 0x2028, 0x2029 -> {
                return new Folded(LINE, null);
            }
            case 0xA1, 0xBF, 0x2026, 0x037E, 0x0387, 0x3002 -> {
                return new Folded(STOP, null);
            }
            default -> { }
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return new Folded(SPACE, null);
        }
        String lookAlike = LOOK_ALIKES.get(Character.toLowerCase(cp));
        if (lookAlike != null) {
            return new Folded(LETTER, lookAlike);
        }
        switch (Character.toLowerCase(cp)) {
            case 'ä', 'ö', 'ü' -> {
                return new Folded(LETTER, String.valueOf((char) Character.toLowerCase(cp)));
            }
            case 'ß', 0x1E9E -> {
                return new Folded(LETTER, "ss");
            }
            case 'æ' -> {
                return new Folded(LETTER, "ae");
            }
            case 'œ' -> {
                return new Folded(LETTER, "oe");
            }
            case 'ø' -> {
                return new Folded(LETTER, "o");
            }
            case 'đ', 'ð' -> {
                return new Folded(LETTER, "d");
            }
            case 'ł' -> {
                return new Folded(LETTER, "l");
            }
            case 'þ' -> {
                return new Folded(LETTER, "th");
            }
            default -> { }
        }
        return decomposed(cp);
    }

    // Compatibility decomposition folds fullwidth, circled, mathematical and accented letters to their base; what
    // remains after dropping marks is classified by its own characters.
    private static Folded decomposed(int cp) {
        String original = new String(Character.toChars(cp));
        String plain = java.text.Normalizer.normalize(original, java.text.Normalizer.Form.NFKD);
        if (plain.equals(original)) {
            return own(cp);
        }
        StringBuilder letters = new StringBuilder(plain.length());
        Folded only = null;
        int visible = 0;
        for (int i = 0; i < plain.length(); ) {
            int part = plain.codePointAt(i);
            i += Character.charCount(part);
            Folded folded = compute(part); // already fully decomposed, so this ends in own() or ascii()
            if (folded.kind() == SKIP) {
                continue;
            }
            visible++;
            only = folded;
            if (folded.kind() == LETTER || folded.kind() == LEET) {
                letters.append(folded.fold());
            }
        }
        if (visible == 1) {
            return only;
        }
        return letters.isEmpty() ? new Folded(PUNCT, null) : new Folded(LETTER, letters.toString());
    }

    // A code point that does not decompose: letters and digits of any script stay (lower-cased); symbols separate.
    private static Folded own(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return new Folded(LETTER, new String(Character.toChars(Character.toLowerCase(cp))));
        }
        return new Folded(PUNCT, null);
    }

    private static Folded ascii(char c) {
        if (c >= 'a' && c <= 'z') {
            return new Folded(LETTER, String.valueOf(c));
        }
        if (c >= 'A' && c <= 'Z') {
            return new Folded(LETTER, String.valueOf((char) (c + ('a' - 'A'))));
        }
        if ((c >= '0' && c <= '9') || LEET_LETTERS[c] != null) {
            return new Folded(LEET, String.valueOf(c));
        }
        return switch (c) {
            case '\'', '`', 0x7F -> new Folded(SKIP, null);
            case '\n', '\r' -> new Folded(LINE, null);
            case ' ', '\t', '\f', 0x0B -> new Folded(SPACE, null);
            case '.', ',', ';', ':', '?' -> new Folded(STOP, null);
            default -> c < 0x20 ? new Folded(SPACE, null) : new Folded(PUNCT, null);
        };
    }

    private static void lookAlikes(String pairs) {
        for (int i = 0; i < pairs.length(); ) {
            int from = pairs.codePointAt(i);
            i += Character.charCount(from);
            int to = pairs.codePointAt(i);
            i += Character.charCount(to);
            LOOK_ALIKES.put(from, new String(Character.toChars(to)));
        }
    }

    private static void leet(char c, String... letters) {
        LEET_LETTERS[c] = letters;
    }
}
