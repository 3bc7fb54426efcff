package dev.steward.bot.crypto;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * The one thread that touches vodozemac's objects and the crypto store, in the order work was given: the native
 * sessions are not safe to share between threads, and one writer keeps a session's stored ratchet in step with the
 * messages it encrypted. HTTP calls never run here; they are composed around it.
 */
final class CryptoThread implements AutoCloseable {
    private final WorkerExecutor executor;

    CryptoThread(Vertx vertx) {
        this.executor = vertx.createSharedWorkerExecutor("steward-crypto", 1);
    }

    <T> Future<T> run(Callable<T> work) {
        return executor.executeBlocking(work, true);
    }

    Future<Void> run(Runnable work) {
        return executor.executeBlocking(() -> {
            work.run();
            return null;
        }, true);
    }

    @Override
    public void close() {
        executor.close();
    }
}
