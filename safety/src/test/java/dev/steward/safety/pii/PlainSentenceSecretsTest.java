package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The forms issue 10 names, each with the value that must be found, and the look-alikes that must stay untouched:
 * passwords and PINs in sentences, provider keys, an AWS secret beside its key id, international numbers, German
 * street names with a preposition.
 */
class PlainSentenceSecretsTest {
    private final PiiScanner scanner = new PiiScanner();

    static final List<Arguments> FOUND = List.of(
            found("my password is", "my password is Rabbit#42 don't tell", PiiType.SECRET, "Rabbit#42"),
            found("a plain word as password", "My password is sunflower.", PiiType.SECRET, "sunflower"),
            found("mein Passwort ist", "mein Passwort ist Sommer2024!", PiiType.SECRET, "Sommer2024!"),
            found("mon mot de passe est", "mon mot de passe est Soleil-25", PiiType.SECRET, "Soleil-25"),
            found("mi contraseña es", "mi contraseña es Luna#7 ok?", PiiType.SECRET, "Luna#7"),
            found("the PIN is", "the PIN is 4821", PiiType.SECRET, "4821"),
            found("die PIN ist", "Die PIN von der Bankkarte ist 365392", PiiType.SECRET, "365392"),
            found("changed to", "I changed the password to mimi1234 yesterday", PiiType.SECRET, "mimi1234"),
            found("use as the password", "use Katze_Mia_09 as the password", PiiType.SECRET, "Katze_Mia_09"),
            found("Stripe live key", "key sk_live_51Hx8k2LmQpR7sT0uV3wXyZa9 is live", PiiType.SECRET,
                    "sk_live_51Hx8k2LmQpR7sT0uV3wXyZa9"),
            found("Stripe restricted key", "rk_live_9aB8cD7eF6gH5iJ4kL3mN2oP", PiiType.SECRET,
                    "rk_live_9aB8cD7eF6gH5iJ4kL3mN2oP"),
            found("GitHub token", "token ghp_16C7e42F292c6912E7710c838347Ae178B4a ok", PiiType.SECRET,
                    "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
            found("Slack app token", "xapp-1-A0123456789-1234567890123-abcdef0123456789", PiiType.SECRET,
                    "xapp-1-A0123456789-1234567890123-abcdef0123456789"),
            found("UK mobile, drama range", "text me on +44 7700 900123 tonight", PiiType.PHONE, "+44 7700 900123"),
            found("Kenya", "call +254 712 345678", PiiType.PHONE, "+254 712 345678"),
            found("Am ...", "Mein Opa wohnt Am Mühlbach 2a", PiiType.STREET_ADDRESS, "Am Mühlbach 2a"),
            found("An der ...", "Oma wohnt An der Kirche 3", PiiType.STREET_ADDRESS, "An der Kirche 3"),
            found("An der ... at a sentence start with a postal code", "An der Alster 45, 20099 Hamburg",
                    PiiType.STREET_ADDRESS, "An der Alster 45, 20099 Hamburg"),
            found("calle in lower case", "vivo en la calle Mayor 15", PiiType.STREET_ADDRESS, "calle Mayor 15"));

    static final List<Arguments> UNTOUCHED = List.of(
            argumentSet("talk about a password", "my password is too short, the site says"),
            argumentSet("a secret kept", "Mein Passwort ist geheim, das sag ich dir nicht"),
            argumentSet("where the PIN is", "the PIN is on the back of the letter"),
            argumentSet("a PIN pad", "the PIN pad at the shop is broken"),
            argumentSet("an error code", "the error code is 4040"),
            argumentSet("a postal code", "le code postal est 75011"),
            argumentSet("docs about keys", "stripe docs say sk_live_ keys are secret"),
            argumentSet("an order number", "order number 4411 2298 7765 is late"),
            argumentSet("a version", "update to 3.14.159 tonight"),
            argumentSet("a date", "my birthday is 12/07/2011"),
            argumentSet("a checkout", "An der Kasse 5 bitte"),
            argumentSet("a day", "Am Montag gehen wir ins Kino, um 3"),
            argumentSet("a sum", "score +12 345"),
            argumentSet("a commit hash alone", "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 for the empty string"));

    private static Arguments found(String name, String text, PiiType type, String value) {
        return argumentSet(name, text, type, value);
    }

    @ParameterizedTest
    @FieldSource("FOUND")
    void theValueIsFound(String text, PiiType type, String value) {
        assertThat(scanner.scan(text)).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(type);
            assertThat(finding.valueIn(text)).isEqualTo(value);
        });
    }

    @ParameterizedTest
    @FieldSource("UNTOUCHED")
    void lookAlikesAreLeftAlone(String text) {
        assertThat(scanner.scan(text)).isEmpty();
    }

    @Test
    void anAwsSecretBesideItsKeyIdIsASecretToo() {
        String text = "access key AKIAIOSFODNN7EXAMPLE and the secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertThat(scanner.scan(text)).extracting(finding -> finding.valueIn(text))
                .containsExactly("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        String alone = "the key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertThat(scanner.scan(alone)).isEmpty();
    }

    @Test
    void aRedactedSentenceKeepsItsWordsAndLosesTheValue() {
        String text = "the wifi password is Blaubeere#7 btw";
        Redacted redacted = Redaction.redact(text, scanner.scan(text));
        assertThat(redacted.text()).isEqualTo("the wifi password is [SECRET_1] btw");
    }
}
