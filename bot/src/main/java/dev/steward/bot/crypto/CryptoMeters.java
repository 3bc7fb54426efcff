package dev.steward.bot.crypto;

/** What end-to-end encryption counts (declared in {@code StewardMetrics}): counts only, never a room or event id. */
public interface CryptoMeters {
    void decrypted();

    /** An encrypted event whose room key had not arrived. */
    void waiting();

    /** A waiting event was decrypted once its key came. */
    void lateKeyArrived();

    void unreadable();

    /** Waiting events given up on: their key never came. */
    void keysNeverArrived(int events);

    void roomKeyReceived();

    void undecryptableNotice();

    void encryptedSent();

    void waitingNow(long events);

    CryptoMeters NONE = new CryptoMeters() {
        @Override
        public void decrypted() {}

        @Override
        public void waiting() {}

        @Override
        public void lateKeyArrived() {}

        @Override
        public void unreadable() {}

        @Override
        public void keysNeverArrived(int events) {}

        @Override
        public void roomKeyReceived() {}

        @Override
        public void undecryptableNotice() {}

        @Override
        public void encryptedSent() {}

        @Override
        public void waitingNow(long events) {}
    };
}
