package dev.steward.bot.bench;

import dev.steward.bot.Probe;
import dev.steward.homeserver.client.CallObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Watches one request at a time through the {@link Probe}: from the moment its transaction is stored (the event is
 * received) to the moment the answer leaves for the homeserver, and every wait in between on the homeserver or the
 * model. Steward's own time is that window minus the union of the waits: time in which Steward was not waiting on
 * anyone. Typing notifications are not waited on, so they are not subtracted.
 */
final class OwnTime implements Probe {
    private record Interval(long from, long to) {}

    private final List<Interval> waits = new ArrayList<>();
    private long received;
    private long answerSent;
    private long lastStored;
    private CompletableFuture<Void> answered = new CompletableFuture<>();
    private final String answerPath;

    /** Watches answers sent as {@code m.room.message} (a room without encryption). */
    OwnTime() {
        this("/send/m.room.message/");
    }

    /** @param answerPath what the answer's send looks like: {@code /send/m.room.encrypted/} in encrypted rooms */
    OwnTime(String answerPath) {
        this.answerPath = answerPath;
    }

    /** Starts watching the next request; the next transaction stored is its event. */
    synchronized CompletableFuture<Void> begin() {
        waits.clear();
        received = 0;
        answerSent = 0;
        answered = new CompletableFuture<>();
        return answered;
    }

    /** Waits until the answer came back to Steward as a transaction of its own (or the deadline passes). */
    synchronized void awaitEcho(java.time.Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        while (lastStored < answerSent && System.nanoTime() < until) {
            wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        }
    }

    /** Steward's own nanoseconds for the request just answered. */
    synchronized long ownNanos() {
        long window = answerSent - received;
        List<Interval> clipped = waits.stream()
                .map(wait -> new Interval(Math.max(wait.from(), received), Math.min(wait.to(), answerSent)))
                .filter(wait -> wait.to() > wait.from())
                .sorted(Comparator.comparingLong(Interval::from))
                .toList();
        long waited = 0;
        long coveredTo = received;
        for (Interval wait : clipped) {
            long from = Math.max(wait.from(), coveredTo);
            if (wait.to() > from) {
                waited += wait.to() - from;
                coveredTo = wait.to();
            }
        }
        return window - waited;
    }

    @Override
    public synchronized void transactionStored(long nanos) {
        lastStored = nanos;
        notifyAll();
        if (received == 0) {
            received = nanos;
        }
    }

    @Override
    public CallObserver homeserverCalls() {
        return (method, path, sent, done) -> {
            synchronized (this) {
                if (path.contains("/typing/")) {
                    return;
                }
                if (method.equals("PUT") && path.contains(answerPath) && received != 0
                        && answerSent == 0) {
                    answerSent = sent;
                    answered.complete(null);
                    return;
                }
                waits.add(new Interval(sent, done));
            }
        };
    }

    @Override
    public CallObserver modelCalls() {
        return (method, model, sent, done) -> {
            synchronized (this) {
                waits.add(new Interval(sent, done));
            }
        };
    }
}
