package dev.steward.safety.pii;

/**
 * The kinds of personal or secret data Steward looks for in text that may leave it. The name is also the stem of the
 * redaction placeholder ({@code [EMAIL_1]}), so a model sees what kind of value stood there without seeing the value.
 */
public enum PiiType {
    EMAIL,
    PHONE,
    CREDIT_CARD,
    IBAN,
    IP_ADDRESS,
    STREET_ADDRESS,
    /**
     * Government identifiers with a reliable shape or check: US SSN, German Steuer-ID, UK NINO, Spanish DNI/NIE,
     * French NIR.
     */
    NATIONAL_ID,
    /**
     * API keys and tokens with known prefixes, JWTs, private keys, passwords written as {@code key=value}, and
     * passwords and PINs given in a sentence ("my password is ...", "die PIN ist ...").
     */
    SECRET
}
