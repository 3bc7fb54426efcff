package dev.steward.bot;

import dev.steward.homeserver.client.CallObserver;

/**
 * Where a benchmark watches Steward work, to tell its own time from time spent waiting on the homeserver and the
 * models. Production runs with {@link #NONE}.
 */
public interface Probe {
    /** A transaction from the homeserver was stored (its events are received), at {@link System#nanoTime()}. */
    void transactionStored(long nanos);

    /** Every request to the homeserver, as Steward's bot user makes it. */
    CallObserver homeserverCalls();

    /** Every call to a model; the path is the model's name. */
    CallObserver modelCalls();

    Probe NONE = new Probe() {
        @Override
        public void transactionStored(long nanos) {}

        @Override
        public CallObserver homeserverCalls() {
            return CallObserver.NONE;
        }

        @Override
        public CallObserver modelCalls() {
            return CallObserver.NONE;
        }
    };
}
