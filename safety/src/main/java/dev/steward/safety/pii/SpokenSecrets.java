package dev.steward.safety.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords and PINs introduced in words rather than as {@code key=value}: "my password is hunter22", "the PIN is
 * 4821", "mein Passwort ist Sommer2024!", "le mot de passe du wifi est Soleil25", "mi contraseña es Luna#7",
 * "I changed the password to mimi1234", "use Katze_Mia_09 as the password". Only the value is a finding.
 *
 * <p>What keeps it precise: a PIN must be 4 to 8 digits; a password must not be one of the words that follow
 * "password is" in talk about passwords ("too short", "the same", "geheim", "trop court", "demasiado corta"). Read
 * word by word from each key, which costs one comparison per word of the text.
 */
final class SpokenSecrets implements Detector {
    private enum Kind { PASSWORD, PIN, CODE }

    private record Key(List<String> words, Kind kind) {}

    private static final List<Key> KEYS = List.of(
            key(Kind.PASSWORD, "mot de passe"), key(Kind.PASSWORD, "password"), key(Kind.PASSWORD, "passwort"),
            key(Kind.PASSWORD, "kennwort"), key(Kind.PASSWORD, "passphrase"), key(Kind.PASSWORD, "contraseña"),
            key(Kind.PASSWORD, "contrasena"), key(Kind.PASSWORD, "clave"), key(Kind.PASSWORD, "mdp"),
            key(Kind.PASSWORD, "pw"), key(Kind.PASSWORD, "wlan-passwort"), key(Kind.PASSWORD, "wifi-passwort"),
            key(Kind.PIN, "pin code"), key(Kind.PIN, "code pin"), key(Kind.PIN, "pin"), key(Kind.PIN, "pincode"),
            key(Kind.PIN, "passcode"), key(Kind.PIN, "geheimzahl"), key(Kind.CODE, "code"));
    /** The verbs that introduce the value: "is", "ist", "est", "es" and their company. */
    private static final Set<String> VERBS = Set.of(
            "is", "was", "ist", "lautet", "war", "est", "cest", "était", "es", "era", "será", "sera", "are");
    /** Words that may stand between the verb and the value ("is now", "will be", "ist jetzt"). */
    private static final Set<String> FILLERS = Set.of(
            "now", "still", "just", "jetzt", "nun", "maintenant", "désormais", "ahora", ":", "-", "–", "be", "sein",
            "wird");
    private static final Set<String> CHANGES = Set.of(
            "changed", "set", "reset", "change", "changing", "geändert", "ändere", "gesetzt", "changé", "modifié",
            "cambiado", "cambié", "cambia", "puesto");
    private static final Set<String> TO = Set.of(
            "to", "auf", "en", "a", "por", "in", "zu");
    private static final Set<String> USE = Set.of(
            "use", "nimm", "nehmt", "utilise", "utilisez", "usa", "usad", "utiliza");
    private static final Set<String> AS = Set.of(
            "as", "als", "comme", "como");
    // Words that follow "password is" when someone talks about a password rather than giving it.
    private static final Set<String> NOT_VALUES = Set.of(
            "the", "a", "an", "my", "your", "our", "his", "her", "their", "this", "that", "it", "too", "so", "very",
            "not", "no", "never", "always", "still", "just", "also", "only", "in", "on", "at", "of", "for", "with",
            "from", "like", "same", "different", "wrong", "right", "correct", "incorrect", "invalid", "valid",
            "weak", "strong", "safe", "unsafe", "secure", "insecure", "short", "long", "easy", "hard", "simple",
            "secret", "private", "personal", "hidden", "encrypted", "blocked", "locked", "expired", "changed",
            "reset", "required", "needed", "missing", "empty", "lost", "forgotten", "stolen", "leaked", "hacked",
            "saved", "stored", "written", "here", "there", "below", "above", "attached", "sent", "new", "old", "ok",
            "okay", "fine", "good", "bad", "working", "broken", "case", "sensitive", "what", "which", "something",
            "nothing", "printed", "shown", "known", "mine", "yours", "one", "two", "three", "der", "die", "das",
            "ein", "eine", "mein", "meine", "dein", "deine", "zu", "sehr", "nicht", "kein", "keine", "noch", "schon",
            "auch", "nur", "im", "auf", "am", "bei", "mit", "von", "für", "gleich", "falsch", "richtig", "sicher",
            "unsicher", "kurz", "lang", "einfach", "schwer", "geheim", "gesperrt", "abgelaufen", "geändert",
            "vergessen", "weg", "neu", "alt", "gut", "schlecht", "irgendwas", "le", "la", "les", "un", "une", "mon",
            "ma", "ton", "ta", "trop", "très", "pas", "plus", "encore", "dans", "sur", "de", "du", "des", "même",
            "faux", "fausse", "bon", "bonne", "court", "courte", "longue", "facile", "difficile", "bloqué",
            "bloquée", "expiré", "oublié", "nouveau", "vieux", "el", "los", "las", "uno", "una", "mi", "tu", "su",
            "demasiado", "muy", "ya", "todavía", "en", "con", "igual", "misma", "mismo", "incorrecta", "correcta",
            "segura", "insegura", "corta", "larga", "fácil", "difícil", "secreta", "secreto", "bloqueada",
            "caducada", "olvidada", "nueva", "vieja", "buena", "mala", "que", "lo", "del", "al");
    private static final Set<String> NOT_CODES = Set.of(
            "postal", "post", "zip", "error", "status", "area", "country", "promo", "discount", "order", "tracking",
            "source", "qr", "bar", "dress", "morse", "exit", "fehler", "gutschein", "rabatt", "erreur", "código",
            "postale");
    private static final int MAX_GAP = 4;

    private static Key key(Kind kind, String words) {
        return new Key(List.of(words.split(" ")), kind);
    }

    @Override
    public boolean mayMatch(TextShape shape) {
        return true; // the gate is the word scan itself: most texts name no key
    }

    @Override
    public void find(String text, TextShape shape, List<Finding> out) {
        if (!mayNameAKey(text)) {
            return;
        }
        List<Word> words = Word.split(text);
        for (int i = 0; i < words.size(); i++) {
            for (Key key : KEYS) {
                if (startsWith(words, i, key.words())) {
                    int end = i + key.words().size();
                    Word value = introduced(words, i, end);
                    if (value != null && accepts(key.kind(), value, words, i)) {
                        out.add(new Finding(PiiType.SECRET, value.start(), value.end()));
                    }
                    break;
                }
            }
        }
    }

    /** The value this key introduces, or null: after a verb, after "changed ... to", or before "as the key". */
    private static Word introduced(List<Word> words, int keyStart, int keyEnd) {
        for (int j = keyEnd; j < words.size() && j <= keyEnd + MAX_GAP; j++) {
            if (VERBS.contains(words.get(j).lower())) {
                int v = j + 1;
                while (v < words.size() && v <= j + 2 && FILLERS.contains(words.get(v).lower())) {
                    v++;
                }
                return v < words.size() ? words.get(v) : null;
            }
        }
        if (keyEnd + 1 < words.size() && TO.contains(words.get(keyEnd).lower()) && changedNear(words, keyStart,
                keyEnd + 2)) {
            return words.get(keyEnd + 1);
        }
        // "use VALUE as (the) KEY"
        int as = keyStart >= 1 && AS.contains(words.get(keyStart - 1).lower()) ? keyStart - 1
                : keyStart >= 2 && AS.contains(words.get(keyStart - 2).lower()) ? keyStart - 2 : -1;
        return as >= 2 && USE.contains(words.get(as - 2).lower()) ? words.get(as - 1) : null;
    }

    private static boolean changedNear(List<Word> words, int keyStart, int afterValue) {
        for (int k = Math.max(0, keyStart - 4); k < keyStart; k++) {
            if (CHANGES.contains(words.get(k).lower())) {
                return true;
            }
        }
        return afterValue < words.size() && CHANGES.contains(words.get(afterValue).lower());
    }

    private static boolean accepts(Kind kind, Word value, List<Word> words, int keyStart) {
        String raw = value.text();
        String digits = raw.endsWith("!") ? raw.substring(0, raw.length() - 1) : raw;
        return switch (kind) {
            case PIN -> isDigits(digits, 4, 8);
            case CODE -> isDigits(digits, 4, 8)
                    && (keyStart == 0 || !NOT_CODES.contains(words.get(keyStart - 1).lower()))
                    && (keyStart + 1 >= words.size() || !NOT_CODES.contains(words.get(keyStart + 1).lower()));
            case PASSWORD -> raw.length() >= 4 && raw.length() <= 64 && !NOT_VALUES.contains(value.lower())
                    && !raw.startsWith("<") && !raw.startsWith("${") && !raw.startsWith("{{") && !raw.startsWith("*")
                    && !raw.chars().allMatch(c -> c == '*' || c == 'x' || c == '.' || c == '•');
        };
    }

    private static boolean isDigits(String text, int min, int max) {
        return text.length() >= min && text.length() <= max && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean startsWith(List<Word> words, int at, List<String> key) {
        if (at + key.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < key.size(); k++) {
            if (!words.get(at + k).lower().equals(key.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A cheap pass: does the text hold the first letters of a key at a word start at all? */
    private static boolean mayNameAKey(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if ((c == 'p' || c == 'c' || c == 'k' || c == 'm' || c == 'g' || c == 'w')
                    && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && (text.regionMatches(true, i, "pass", 0, 4) || text.regionMatches(true, i, "pin", 0, 3)
                    || text.regionMatches(true, i, "pw", 0, 2) || text.regionMatches(true, i, "code", 0, 4)
                    || text.regionMatches(true, i, "contras", 0, 7) || text.regionMatches(true, i, "clave", 0, 5)
                    || text.regionMatches(true, i, "kennw", 0, 5) || text.regionMatches(true, i, "mot de", 0, 6)
                    || text.regionMatches(true, i, "mdp", 0, 3) || text.regionMatches(true, i, "geheimz", 0, 7)
                    || text.regionMatches(true, i, "wlan-", 0, 5) || text.regionMatches(true, i, "wifi-", 0, 5))) {
                return true;
            }
        }
        return false;
    }

    /** A word between spaces, without the quotes and punctuation around it; {@code lower} for comparing. */
    private record Word(String text, String lower, int start, int end) {
        static List<Word> split(String text) {
            List<Word> words = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    add(words, text, start, i);
                }
            }
            return words;
        }

        private static void add(List<Word> words, String text, int start, int end) {
            if (text.startsWith(":", start) && end - start == 1) {
                words.add(new Word(":", ":", start, end)); // "le mot de passe est : ..."
                return;
            }
            while (start < end && "\"'“”‘’«»(".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            // A sentence may end right after the value ("... ist Sommer2024."); "!" may be part of a password.
            while (end > start && "\"'“”‘’«»).,;:?".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > start) {
                String word = text.substring(start, end);
                String lower = word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
                words.add(new Word(word, lower, start, end));
            }
        }
    }
}
