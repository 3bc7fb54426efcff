package dev.steward.homeserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactions a real Synapse 1.160 pushed to an appservice whose bot is {@code @steward:localhost}
 * ({@code fixtures/synapse-1.160-transactions.jsonl}, one {@code {"path", "body"}} per line).
 */
public final class RecordedTransactions {
    private static final String RESOURCE = "/fixtures/synapse-1.160-transactions.jsonl";

    /** One {@code PUT} as Synapse sent it: the request path and the JSON body. */
    public record Transaction(String path, ObjectNode body) {
        public String txnId() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** One event of a transaction, with the path of the transaction that carried it. */
    public record Event(String path, ObjectNode json) {}

    private RecordedTransactions() {}

    public static List<Transaction> transactions() {
        try (InputStream in = RecordedTransactions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            List<Transaction> transactions = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode json = Json.MAPPER.readTree(line);
                    transactions.add(new Transaction(json.get("path").asText(), (ObjectNode) json.get("body")));
                }
            }
            return transactions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (Transaction transaction : transactions()) {
            for (JsonNode event : transaction.body().get("events")) {
                events.add(new Event(transaction.path(), (ObjectNode) event));
            }
        }
        return events;
    }
}
