package dev.steward.homeserver.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends transactions to the appservice API with a fixed number in flight, as a homeserver does under load: each
 * acknowledgement lets the next transaction go. Records the time from sending each one to its 200.
 */
final class LoadRun {
    private final WebClient client;
    private final String hsToken;
    private final List<Buffer> bodies;
    private final int inFlight;
    private final String runId = Long.toString(System.nanoTime(), 36);
    private final long[] ackNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger lanesRunning = new AtomicInteger();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private long startNanos;
    private long deadlineNanos;

    /** What one run measured. */
    record Result(int transactions, double elapsedSeconds, long[] sortedAckNanos) {
        /** The nearest-rank percentile of the acknowledgement times. */
        double ackPercentileMillis(double percentile) {
            int rank = (int) Math.ceil(percentile / 100 * sortedAckNanos.length);
            return sortedAckNanos[Math.max(rank, 1) - 1] / 1e6;
        }
    }

    LoadRun(WebClient client, String hsToken, List<Buffer> bodies, int inFlight) {
        this.client = client;
        this.hsToken = hsToken;
        this.bodies = bodies;
        this.inFlight = inFlight;
        this.ackNanos = new long[bodies.size()];
    }

    /** Sends every transaction, or as many as fit in {@code timeCap}; fails on the first answer that is not 200. */
    CompletableFuture<Result> run(Duration timeCap) {
        startNanos = System.nanoTime();
        deadlineNanos = startNanos + timeCap.toNanos();
        lanesRunning.set(inFlight);
        for (int lane = 0; lane < inFlight; lane++) {
            sendNext();
        }
        return done;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    private void sendNext() {
        int index = next.getAndIncrement();
        if (index >= bodies.size() || System.nanoTime() > deadlineNanos || done.isDone()) {
            if (lanesRunning.decrementAndGet() == 0) {
                finish();
            }
            return;
        }
        long sent = System.nanoTime();
        client.put("/_matrix/app/v1/transactions/" + runId + "-" + index)
                .putHeader("Authorization", "Bearer " + hsToken)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(bodies.get(index))
                .onComplete(answer -> {
                    if (answer.failed()) {
                        done.completeExceptionally(answer.cause());
                    } else if (answer.result().statusCode() != 200) {
                        done.completeExceptionally(new IllegalStateException("transaction " + index + " got "
                                + answer.result().statusCode() + ": " + answer.result().bodyAsString()));
                    } else {
                        ackNanos[index] = System.nanoTime() - sent;
                        acknowledged.incrementAndGet();
                    }
                    sendNext();
                });
    }

    private void finish() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int count = acknowledged.get();
        long[] sorted = Arrays.stream(ackNanos).filter(nanos -> nanos > 0).sorted().toArray();
        done.complete(new Result(count, elapsed, sorted));
    }
}
