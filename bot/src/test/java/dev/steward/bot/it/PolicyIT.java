package dev.steward.bot.it;

import static dev.steward.homeserver.testing.TestPerson.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `!policy set` as a family uses it: the room's creator (power level 100, so admin by the default lift) changes a
 * member's budget; the member cannot change anyone's; the change survives a restart; the audit log shows both.
 */
@ExtendWith(SynapseExtension.class)
class PolicyIT {

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        EventId command = person.send(room, text);
        return body(person.awaitReply(room, homeserver.botUser(), command));
    }

    @Test
    void onlyAnAdminChangesAPolicyTheChangePersistsAndBothAttemptsAreAudited(TestHomeserver homeserver,
            @TempDir Path data) throws Exception {
        TestPerson admin = homeserver.person(StewardHarness.ALLOWED);
        TestPerson member = homeserver.person("member");
        RoomId room;
        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            room = admin.createRoomJoinedBy("family", homeserver.botUser());
            admin.invite(room, member.id());
            member.client().join(room).toCompletionStage().toCompletableFuture().join();

            assertThat(ask(homeserver, member, room, "!policy set " + admin.id() + " budget.daily 99"))
                    .isEqualTo("Only admins can do that.");
            assertThat(ask(homeserver, admin, room, "!policy set " + member.id() + " budget.daily 2.00"))
                    .startsWith("Set budget.daily for " + member.id())
                    .contains("budget.daily = 2.00 (override for this member)");
            assertThat(ask(homeserver, member, room, "!policy"))
                    .startsWith("Your policy in this room (role adult):")
                    .contains("budget.daily = 2.00 (override for this member)");
            assertThat(ask(homeserver, member, room, "!policy " + admin.id()))
                    .isEqualTo("Only admins can see another member's policy.");
        }

        try (StewardHarness restarted = StewardHarness.start(homeserver, data)) {
            assertThat(ask(homeserver, member, room, "!policy"))
                    .contains("budget.daily = 2.00 (override for this member)");
            assertThat(ask(homeserver, member, room, "!budget"))
                    .startsWith("Your budget (days start at midnight, months on the 1st, UTC):")
                    .contains("Today: 0.00 of 2.00 spent, 2.00 left; 0 tokens")
                    .contains("This month: 0.00 of 20.00 spent, 20.00 left");
            assertThat(ask(homeserver, admin, room, "!policy " + member.id()))
                    .startsWith("Policy of " + member.id() + " in this room (role adult):");
            assertThat(ask(homeserver, admin, room, "!audit"))
                    .contains(member.id() + " policy refused: not an admin: tried to set budget.daily for " + admin.id())
                    .contains(admin.id() + " policy set: budget.daily = 2.00 for " + member.id())
                    .as("the refused value is not recorded").doesNotContainPattern("budget\\.daily\\D{0,5}99");
            assertThat(ask(homeserver, member, room, "!audit")).isEqualTo("Only admins can do that.");
        }
    }
}
