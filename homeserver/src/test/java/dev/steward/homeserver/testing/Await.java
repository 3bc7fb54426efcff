package dev.steward.homeserver.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Blocking helpers for tests: wait for a future, or for a condition with a deadline (never a fixed sleep). */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final long POLL_MS = 100;

    private Await() {}

    public static <T> T result(Future<T> future) {
        return result(future, DEFAULT);
    }

    public static <T> T result(Future<T> future, Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks {@code probe} again every 100 ms until it yields a value; fails with {@code what} after the timeout.
     * The probe returns a future so that polling uses Vert.x timers, not a sleeping thread.
     */
    public static <T> T until(Vertx vertx, String what, Duration timeout, Supplier<Future<Optional<T>>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Promise<T> found = Promise.promise();
        poll(vertx, probe, deadline, found, what);
        return result(found.future(), timeout.plusSeconds(5));
    }

    private static <T> void poll(Vertx vertx, Supplier<Future<Optional<T>>> probe, long deadline, Promise<T> found,
            String what) {
        probe.get().onComplete(done -> {
            if (done.succeeded() && done.result().isPresent()) {
                found.complete(done.result().get());
            } else if (System.nanoTime() > deadline) {
                found.fail(new AssertionError("timed out waiting for " + what
                        + (done.failed() ? " (last error: " + done.cause() + ")" : "")));
            } else {
                vertx.setTimer(POLL_MS, id -> poll(vertx, probe, deadline, found, what));
            }
        });
    }
}
