package dev.steward.homeserver.appservice;

/** What the appservice API tells the rest of Steward: metrics and the pipeline listen here. */
public interface AppserviceListener {
    /** A new transaction's events are durable in the inbox. */
    void transactionStored(String txnId, int events, int skippedInvalid);

    /** A transaction id seen before arrived again and was acknowledged without storing anything. */
    void transactionRepeated(String txnId);

    /** The homeserver pinged the appservice (answering Steward's own ping through the homeserver). */
    default void pinged(String transactionId) {}

    AppserviceListener NONE = new AppserviceListener() {
        @Override
        public void transactionStored(String txnId, int events, int skippedInvalid) {}

        @Override
        public void transactionRepeated(String txnId) {}
    };
}
