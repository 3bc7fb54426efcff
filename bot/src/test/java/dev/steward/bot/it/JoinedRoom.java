package dev.steward.bot.it;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.io.IOException;
import java.nio.file.Path;

/** A running Steward, a person allowed to invite it, and a room of theirs that Steward has joined. */
record JoinedRoom(StewardHarness steward, TestPerson person, RoomId room) implements AutoCloseable {
    static JoinedRoom start(TestHomeserver homeserver, Path data, String roomName) throws IOException {
        StewardHarness steward = StewardHarness.start(homeserver, data);
        TestPerson person = homeserver.person(StewardHarness.ALLOWED);
        return new JoinedRoom(steward, person, person.createRoomJoinedBy(roomName, homeserver.botUser()));
    }

    @Override
    public void close() {
        steward.close();
    }
}
