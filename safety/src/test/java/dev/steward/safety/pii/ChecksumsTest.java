package dev.steward.safety.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** The validators that confirm candidates, one named case per row. */
class ChecksumsTest {
    static final List<Arguments> LUHN = List.of(
            valid("visa test number", "4111111111111111"),
            valid("mastercard test number", "5555555555554444"),
            valid("amex test number", "378282246310005"),
            valid("diners, 14 digits", "30569309025904"),
            valid("all zeros pass luhn", "0000000000000000"),
            invalid("last digit off by one", "4111111111111112"),
            invalid("two digits swapped", "4111111111111211"),
            invalid("empty", ""));

    static final List<Arguments> CARD_ISSUERS = List.of(
            valid("visa 16", "4111111111111111"),
            valid("visa 13", "4222222222222"),
            valid("mastercard 2-series", "2223003122003222"),
            valid("amex", "378282246310005"),
            valid("discover", "6011111111111117"),
            valid("jcb", "3530111333300000"),
            valid("unionpay", "6200000000000005"),
            invalid("amex prefix with 16 digits", "3782822463100054"),
            invalid("mastercard prefix with 15 digits", "555555555555444"),
            invalid("unassigned prefix 1", "1234567812345670"),
            invalid("leading zeros", "0000000000000000"));

    static final List<Arguments> IBANS = List.of(
            valid("germany", "DE89370400440532013000"),
            valid("united kingdom, letters in bank code", "GB29NWBK60161331926819"),
            valid("france, letter in account", "FR1420041010050500013M02606"),
            valid("norway, shortest", "NO9386011117947"),
            valid("malta, longest in use", "MT84MALT011000012345MTLCAST001S"),
            invalid("wrong check digits", "DE89370400440532013001"),
            invalid("digits swapped", "DE89370400440532010300"),
            invalid("wrong length for the country", "DE8937040044053201300"),
            invalid("unknown country", "XX89370400440532013000"),
            invalid("lower case", "de89370400440532013000"));

    static final List<Arguments> SSNS = List.of(
            valid("ordinary", "536-90-4399"),
            valid("area 001", "001-01-0001"),
            valid("area 899", "899-99-9999"),
            invalid("area 000", "000-12-3456"),
            invalid("area 666", "666-12-3456"),
            invalid("area 9xx (ITIN range)", "912-34-5678"),
            invalid("group 00", "536-00-4399"),
            invalid("serial 0000", "536-90-0000"),
            invalid("the wallet insert sample", "078-05-1120"));

    static final List<Arguments> STEUER_IDS = List.of(
            valid("widely published sample", "86095742719"),
            valid("one digit twice", "15336027491"),
            valid("one digit three times, not in a row", "90751234113"),
            invalid("check digit off by one", "86095742718"),
            invalid("no repeated digit", "12345678903"),
            invalid("two digits repeated", "11223456788"),
            invalid("digit three times in a row", "11145678903"),
            invalid("leading zero", "06095742719"),
            invalid("ten digits", "8609574271"));

    static final List<Arguments> DNIS = List.of(
            valid("dni", "50939367W"),
            valid("nie with X", "X1234567L"),
            valid("nie with Z", "Z2345678M"),
            invalid("dni with the wrong letter", "12345678A"),
            invalid("nie with the wrong letter", "X1234567A"),
            invalid("too short", "1234567Z"));

    static final List<Arguments> NIRS = List.of(
            valid("man born 1985 in Moselle", "185057800608491"),
            valid("woman", "293027512345668"),
            invalid("key off by one", "185057800608492"),
            invalid("fourteen digits", "18505780060849"));

    @ParameterizedTest
    @FieldSource("LUHN")
    void luhn(String digits, boolean valid) {
        assertThat(Checksums.luhn(digits)).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("CARD_ISSUERS")
    void cardIssuerAndLength(String digits, boolean valid) {
        assertThat(CardDetector.knownIssuer(digits)).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("IBANS")
    void iban(String compact, boolean valid) {
        assertThat(IbanDetector.isValid(compact)).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("SSNS")
    void usSocialSecurityNumber(String ssn, boolean valid) {
        String[] parts = ssn.split("-");
        assertThat(Checksums.ssn(parts[0], parts[1], parts[2])).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("STEUER_IDS")
    void germanSteuerId(String digits, boolean valid) {
        assertThat(Checksums.steuerId(digits)).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("DNIS")
    void spanishDniAndNie(String compact, boolean valid) {
        assertThat(Checksums.dniOrNie(compact)).isEqualTo(valid);
    }

    @ParameterizedTest
    @FieldSource("NIRS")
    void frenchNir(String compact, boolean valid) {
        assertThat(Checksums.nir(compact)).isEqualTo(valid);
    }

    private static Arguments valid(String name, String value) {
        return argumentSet(name, value, true);
    }

    private static Arguments invalid(String name, String value) {
        return argumentSet(name, value, false);
    }
}
