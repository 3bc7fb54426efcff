package dev.steward.bot.crypto;

/** What end-to-end encryption says to people and operators. */
public final class CryptoStrings {
    static final String UNDECRYPTABLE = "I could not read this message yet: its encryption key has not reached me."
            + " I will answer as soon as it does. If this stays, check that your client trusts Steward's device.";
    public static final String ENCRYPTION_OFF = "This room is end-to-end encrypted, and this Steward has not been set"
            + " up to read encrypted rooms, so I will not answer here. Ask the person who runs Steward to set"
            + " encryption.store_key.";

    private CryptoStrings() {}

    static String recoveryKeyBanner(String recoveryKey) {
        return """

                ==================================================================================
                Steward's recovery key (shown once; keep it where you keep passwords):

                    %s

                With it, a Steward whose data directory was lost keeps its verified identity:
                give it as encryption.recovery_key (or STEWARD_RECOVERY_KEY) before starting.
                ==================================================================================
                """.formatted(recoveryKey);
    }
}
