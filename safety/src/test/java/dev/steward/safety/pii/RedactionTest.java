package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What leaves Steward after redaction, and what the member sees once the answer is restored. */
class RedactionTest {
    private static final String EMAIL = "maria.keller@posteo.de";
    private static final String PHONE = "0170 1234567";
    private static final String OTHER_PHONE = "+44 161 496 0000";
    private final PiiScanner scanner = new PiiScanner();

    private Redacted redact(String text) {
        return Redaction.redact(text, scanner.scan(text));
    }

    @Test
    void eachFindingIsReplacedByATypedNumberedPlaceholder() {
        Redacted redacted = redact("Mail " + EMAIL + ", call " + PHONE + " or " + OTHER_PHONE + ".");

        assertThat(redacted.text()).isEqualTo("Mail [EMAIL_1], call [PHONE_1] or [PHONE_2].");
    }

    @Test
    void theSameValueGetsTheSamePlaceholder() {
        Redacted redacted = redact(PHONE + " is home, " + OTHER_PHONE + " is work, again: " + PHONE);

        assertThat(redacted.text()).isEqualTo("[PHONE_1] is home, [PHONE_2] is work, again: [PHONE_1]");
        assertThat(redacted.summary().count(PiiType.PHONE)).isEqualTo(3);
    }

    @Test
    void restorePutsTheOriginalsBackWhereverAndHoweverOftenTheModelUsedThem() {
        Redacted redacted = redact("Write to " + EMAIL + " and call " + PHONE);

        String answer = "I wrote to [EMAIL_1]. [PHONE_1] did not answer; try [PHONE_1] again later, or [EMAIL_1].";

        assertThat(redacted.restore(answer)).isEqualTo("I wrote to " + EMAIL + ". " + PHONE
                + " did not answer; try " + PHONE + " again later, or " + EMAIL + ".");
    }

    @Test
    void placeholdersTheRedactionDidNotMakeStayAsTheyAre() {
        Redacted redacted = redact("call " + PHONE);

        assertThat(redacted.restore("[PHONE_2] and [EMAIL_1] and [PHONE_1] and [not a placeholder]"))
                .isEqualTo("[PHONE_2] and [EMAIL_1] and " + PHONE + " and [not a placeholder]");
    }

    @Test
    void aPlaceholderTheMemberTypedIsNotReusedSoRestoringCannotReplaceIt() {
        Redacted redacted = redact("what does [EMAIL_1] mean in " + EMAIL + "?");

        assertThat(redacted.text()).isEqualTo("what does [EMAIL_1] mean in [EMAIL_2]?");
        assertThat(redacted.restore("[EMAIL_1] is a placeholder; [EMAIL_2] is yours"))
                .isEqualTo("[EMAIL_1] is a placeholder; " + EMAIL + " is yours");
    }

    @Test
    void aTextWithoutFindingsIsUnchanged() {
        Redacted redacted = redact("nothing to see here");

        assertThat(redacted.text()).isEqualTo("nothing to see here");
        assertThat(redacted.isEmpty()).isTrue();
        assertThat(redacted.summary().isEmpty()).isTrue();
        assertThat(redacted.restore("[EMAIL_1]")).isEqualTo("[EMAIL_1]");
    }

    @Test
    void theSummaryGivesTypesAndCountsButNoValues() {
        Redacted redacted = redact("Mail " + EMAIL + ", call " + PHONE + " or " + OTHER_PHONE);

        assertThat(redacted.summary()).hasToString("{EMAIL=1, PHONE=2}");
        assertThat(redacted.summary().toString()).doesNotContain(EMAIL, PHONE, OTHER_PHONE);
    }

    @Test
    void noToStringShowsAValue() {
        String text = "Mail " + EMAIL + ", call " + PHONE;
        List<Finding> findings = scanner.scan(text);
        Redacted redacted = Redaction.redact(text, findings);

        assertThat(findings).hasSize(2);
        assertThat(findings.toString()).doesNotContain(EMAIL, PHONE, "maria", "1234567");
        assertThat(redacted.toString()).doesNotContain(EMAIL, PHONE, "maria", "1234567");
        assertThat(findings.get(0).valueIn(text)).isEqualTo(EMAIL);
    }

    @Test
    void overlappingOrOutOfRangeFindingsAreRefused() {
        String text = "call 0170 1234567";

        assertThatThrownBy(() -> Redaction.redact(text,
                List.of(new Finding(PiiType.PHONE, 5, 17), new Finding(PiiType.PHONE, 10, 17))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Redaction.redact(text, List.of(new Finding(PiiType.PHONE, 5, 40))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFindingKeepsTheKeyOfAKeyValueSecret() {
        Redacted redacted = redact("DB_PASSWORD=Tr0ub4dor&3 and api_key: \"9f8e7d6c5b4a39281706\"");

        assertThat(redacted.text()).isEqualTo("DB_PASSWORD=[SECRET_1] and api_key: \"[SECRET_2]\"");
    }
}
