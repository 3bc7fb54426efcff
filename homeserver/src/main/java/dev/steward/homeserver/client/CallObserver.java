package dev.steward.homeserver.client;

/**
 * Told of each request to the homeserver once it is answered (or failed), with when it left and when the answer came,
 * from {@link System#nanoTime()}. Benchmarks use it to tell Steward's own time from time spent waiting.
 */
@FunctionalInterface
public interface CallObserver {
    void answered(String method, String path, long sentNanos, long answeredNanos);

    CallObserver NONE = (method, path, sentNanos, answeredNanos) -> { };
}
