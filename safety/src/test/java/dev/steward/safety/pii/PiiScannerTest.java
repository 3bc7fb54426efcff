package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** The scanner's behaviour beyond the corpus: configuration, hostile input, concurrent use. */
class PiiScannerTest {
    private final PiiScanner scanner = new PiiScanner();

    // Inputs built to make a careless pattern backtrack exponentially or quadratically, each as long as the longest
    // Matrix event (64 KiB), the most a single message can bring.
    static final List<Arguments> HOSTILE = List.of(
            hostile("long local part without a domain", "a."),
            hostile("many at signs", "a@b."),
            hostile("digits and separators", "1 2-3.4/"),
            hostile("dotted numbers", "1.2.3.4.5."),
            hostile("colons", "a:b:"),
            hostile("hex and colons", "ff:"),
            hostile("capitalised words and a number", "Alte Neue Lange 1"),
            hostile("key separators", "password="),
            argumentSet("an unterminated private key", "-----BEGIN PRIVATE KEY-----\n" + "QUJD".repeat(16_000)),
            hostile("upper case groups", "DE89 ABCD "));

    private static Arguments hostile(String name, String unit) {
        return argumentSet(name, unit.repeat(65_536 / unit.length()));
    }

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void hostileInputIsScannedQuickly(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scanner.scan(text));
    }

    @Test
    void emptyAndNullTextHoldNothing() {
        assertThat(scanner.scan("")).isEmpty();
        assertThat(scanner.scan(null)).isEmpty();
    }

    @Test
    void nationalPhoneFormatsFollowTheConfiguredRegionsInternationalOnesAlways() {
        PiiScanner usOnly = new PiiScanner(List.of("US"));
        String text = "Handy 0170 1234567, office +49 30 12345678, cell (415) 555-2671";

        assertThat(ScanSummary.of(usOnly.scan(text)).count(PiiType.PHONE)).isEqualTo(2);
        assertThat(ScanSummary.of(scanner.scan(text)).count(PiiType.PHONE)).isEqualTo(3);
    }

    @Test
    void anUnknownPhoneRegionIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new PiiScanner(List.of("US", "XX")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    void findingsAreOrderedByPositionAndDoNotOverlap() {
        String text = "IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, mail a.b@example.com, "
                + "ip 10.0.0.5, SSN 536-90-4399, call 030 12345678";

        List<Finding> findings = scanner.scan(text);

        assertThat(findings).hasSize(6);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start()).isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void aPrivateKeyCutOffBeforeItsEndLineIsStillOneSecret() {
        String text = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n";

        List<Finding> findings = scanner.scan(text);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(PiiType.SECRET);
            assertThat(finding.valueIn(text)).endsWith("AQC7");
        });
    }

    @Test
    void oneScannerServesManyThreadsWithTheSameResults() throws Exception {
        List<String> texts = List.of("mail maria.keller@posteo.de", "call 0170 1234567 or +1 202-555-0143",
                "IBAN DE89 3704 0044 0532 0130 00", "token ghp_UdRPPgdzUvZ3gpmmICiBlrDp37eCZ32JgdPI",
                "Hauptstraße 12, 10115 Berlin", "nothing here at all");
        List<List<Finding>> expected = texts.stream().map(scanner::scan).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!scanner.scan(texts.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
