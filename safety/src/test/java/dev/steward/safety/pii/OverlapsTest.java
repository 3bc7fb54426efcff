package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which finding survives when detectors claim the same characters. */
class OverlapsTest {
    private final PiiScanner scanner = new PiiScanner();

    @Test
    void theLongestFindingWins() {
        Finding iban = new Finding(PiiType.IBAN, 6, 33);
        Finding phoneInside = new Finding(PiiType.PHONE, 11, 25);

        assertThat(Overlaps.resolve(List.of(phoneInside, iban))).containsExactly(iban);
    }

    @Test
    void amongEquallyLongFindingsTheMoreSpecificTypeWins() {
        Finding secret = new Finding(PiiType.SECRET, 9, 25);
        Finding card = new Finding(PiiType.CREDIT_CARD, 9, 25);
        Finding id = new Finding(PiiType.NATIONAL_ID, 40, 51);
        Finding phone = new Finding(PiiType.PHONE, 40, 51);

        assertThat(Overlaps.resolve(List.of(card, phone, secret, id))).containsExactly(secret, id);
    }

    @Test
    void findingsThatOnlyTouchAreBothKeptInOrder() {
        Finding second = new Finding(PiiType.EMAIL, 10, 20);
        Finding first = new Finding(PiiType.PHONE, 0, 10);

        assertThat(Overlaps.resolve(List.of(second, first))).containsExactly(first, second);
    }

    @Test
    void aChainOfOverlapsKeepsTheLongestAndWhatDoesNotTouchIt() {
        Finding left = new Finding(PiiType.PHONE, 0, 8);
        Finding middle = new Finding(PiiType.IBAN, 5, 20);
        Finding right = new Finding(PiiType.PHONE, 18, 24);
        Finding apart = new Finding(PiiType.EMAIL, 30, 35);

        assertThat(Overlaps.resolve(List.of(left, middle, right, apart))).containsExactly(middle, apart);
    }

    @Test
    void anIbanIsOneFindingNotAlsoAPhoneNumber() {
        String text = "IBAN DE89 3704 0044 0532 0130 00";

        assertThat(scanner.scan(text)).containsExactly(new Finding(PiiType.IBAN, 5, text.length()));
    }

    @Test
    void aCardNumberGivenAsAPasswordIsOneSecret() {
        String text = "password=4111111111111111";

        assertThat(scanner.scan(text)).containsExactly(new Finding(PiiType.SECRET, 9, text.length()));
    }

    @Test
    void anIpv4AddressInsideAnIpv6AddressIsNotCountedTwice() {
        String text = "from ::ffff:192.0.2.128 again";

        assertThat(ScanSummary.of(scanner.scan(text))).hasToString("{IP_ADDRESS=1}");
    }

    @Test
    void aTokenInAUrlIsASecretNotAnEmailAddress() {
        String text = "git clone https://ghp_oe5c3veGprQFnIiU74KKEpYEZAmggQBwBAD3@github.com/acme/infra.git";

        assertThat(scanner.scan(text)).singleElement()
                .satisfies(finding -> assertThat(finding.type()).isEqualTo(PiiType.SECRET))
                .satisfies(finding -> assertThat(finding.valueIn(text)).startsWith("ghp_").doesNotContain("@"));
    }
}
