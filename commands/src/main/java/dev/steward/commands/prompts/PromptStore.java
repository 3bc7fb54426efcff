package dev.steward.commands.prompts;

import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.jdbc.Jdbc;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prompts and the reactions on them, in H2. Blocking: call it from a worker thread. */
public final class PromptStore {
    private static final String PROMPT_COLUMNS =
            "event_id, room_id, kind, subject, requester, request_event, created_at, expires_at, state";
    private static final String REACTION_COLUMNS =
            "reaction_event, prompt_event, reactor, reaction_key, received_at, eligible";

    private final Jdbc jdbc;

    public PromptStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a prompt; one stored before under the same event (a retried handler) stays as it was. */
    public void insert(Prompt prompt) {
        jdbc.run("storing a prompt", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO prompt (" + PROMPT_COLUMNS
                    + ") KEY (event_id) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM prompt WHERE event_id = ?)")) {
                insert.setString(1, prompt.event().value());
                insert.setString(2, prompt.room().value());
                insert.setString(3, prompt.kind());
                insert.setString(4, prompt.subject().encode());
                insert.setString(5, prompt.requester().value());
                insert.setString(6, withoutBody(prompt.request()).encode());
                insert.setTimestamp(7, Timestamp.from(prompt.createdAt()));
                insert.setTimestamp(8, prompt.expiresAt().map(Timestamp::from).orElse(null));
                insert.setString(9, prompt.state());
                insert.setString(10, prompt.event().value());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * What of the asking event a reply needs: ids, sender, time, and the thread it was in. The body is left out, so
     * that a redaction of the request leaves nothing of it here.
     */
    static JsonObject withoutBody(MatrixEvent request) {
        JsonObject content = new JsonObject();
        if (request.content().has("m.relates_to")) {
            content.put("m.relates_to", new JsonObject(request.content().get("m.relates_to").toString()));
        }
        return new JsonObject().put("event_id", request.eventId().value()).put("room_id", request.roomId().value())
                .put("sender", request.sender().value()).put("type", request.type())
                .put("origin_server_ts", request.originServerTs()).put("content", content);
    }

    public Optional<Prompt> find(EventId event) {
        return jdbc.run("reading a prompt", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + PROMPT_COLUMNS + " FROM prompt WHERE event_id = ?")) {
                select.setString(1, event.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(prompt(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Moves an open prompt to {@code state}; false when it was no longer open (someone else decided first). */
    public boolean decide(EventId event, String state, Instant at) {
        return jdbc.run("deciding a prompt", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE prompt SET state = ?, decided_at = ? WHERE event_id = ? AND state = ?")) {
                update.setString(1, state);
                update.setTimestamp(2, Timestamp.from(at));
                update.setString(3, event.value());
                update.setString(4, Prompt.OPEN);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Whether this reaction event was stored before (a replayed transaction delivers it again). */
    public boolean seen(EventId reaction) {
        return jdbc.run("reading a reaction", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM prompt_reaction WHERE reaction_event = ?")) {
                select.setString(1, reaction.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Stores a reaction; false when its event was stored before. */
    public boolean record(PromptReaction reaction) {
        return jdbc.run("storing a reaction", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prompt_reaction ("
                    + REACTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reaction.event().value());
                insert.setString(2, reaction.prompt().value());
                insert.setString(3, reaction.reactor().value());
                insert.setString(4, reaction.key());
                insert.setTimestamp(5, Timestamp.from(reaction.receivedAt()));
                insert.setBoolean(6, reaction.eligible());
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Jdbc.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Marks a reaction withdrawn (it was redacted); the reaction, if it was stored and not withdrawn before. */
    public Optional<PromptReaction> withdraw(EventId reaction, Instant at) {
        return jdbc.inTransaction("withdrawing a reaction", connection -> {
            Optional<PromptReaction> found = reaction(connection, reaction);
            if (found.isEmpty()) {
                return found;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE prompt_reaction SET withdrawn_at = ?"
                    + " WHERE reaction_event = ? AND withdrawn_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, reaction.value());
                return update.executeUpdate() == 1 ? found : Optional.<PromptReaction>empty();
            }
        });
    }

    /** The eligible reactions on a prompt that are not withdrawn, oldest first. */
    public List<PromptReaction> standing(EventId prompt) {
        return jdbc.run("reading a prompt's reactions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + REACTION_COLUMNS
                    + " FROM prompt_reaction WHERE prompt_event = ? AND eligible AND withdrawn_at IS NULL"
                    + " ORDER BY received_at, reaction_event")) {
                select.setString(1, prompt.value());
                List<PromptReaction> reactions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reactions.add(reaction(rows));
                    }
                }
                return reactions;
            }
        });
    }

    private static Optional<PromptReaction> reaction(Connection connection, EventId event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + REACTION_COLUMNS + " FROM prompt_reaction WHERE reaction_event = ?")) {
            select.setString(1, event.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(reaction(rows)) : Optional.empty();
            }
        }
    }

    private static PromptReaction reaction(ResultSet rows) throws SQLException {
        return new PromptReaction(EventId.of(rows.getString(1)), EventId.of(rows.getString(2)),
                UserId.of(rows.getString(3)), rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getBoolean(6));
    }

    private static Prompt prompt(ResultSet rows) throws SQLException {
        Timestamp expires = rows.getTimestamp(8);
        MatrixEvent request;
        try {
            request = MatrixEvent.from(Json.MAPPER.readTree(rows.getString(6)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("a stored prompt's request cannot be read", e);
        }
        return new Prompt(EventId.of(rows.getString(1)), RoomId.of(rows.getString(2)), rows.getString(3),
                new JsonObject(rows.getString(4)), UserId.of(rows.getString(5)), request,
                rows.getTimestamp(7).toInstant(), Optional.ofNullable(expires).map(Timestamp::toInstant),
                rows.getString(9));
    }
}
