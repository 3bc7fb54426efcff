package dev.steward.safety.pii;

/**
 * What a member's policy says to do when a request holds PII. Only the values live here; the gateway that sends
 * requests to models decides how each one is carried out.
 */
public enum PiiAction {
    /** Replace each finding by a typed placeholder before the text leaves, and restore the originals in the answer. */
    REDACT,
    /** Send the request unchanged, but only to models that run locally. */
    LOCAL_ONLY,
    /** Refuse the request with a clear reply. */
    BLOCK,
    /** Send the request unchanged. */
    ALLOW
}
