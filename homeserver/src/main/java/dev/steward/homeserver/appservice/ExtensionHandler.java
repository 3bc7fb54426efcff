package dev.steward.homeserver.appservice;

import io.vertx.core.Future;

/**
 * Takes a transaction's encryption extensions (to-device messages, key counts, device lists). Called before the
 * transaction's events are stored and before the homeserver is answered: a future that fails makes the homeserver
 * send the transaction again, so nothing it carried is lost. The handler must accept the same transaction twice.
 */
public interface ExtensionHandler {
    Future<Void> store(String txnId, TransactionExtensions extensions);

    ExtensionHandler NONE = (txnId, extensions) -> Future.succeededFuture();
}
