package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may change policies and read the audit log, as a family meets it in Element: a parent configured as admin, a
 * child who creates a room of their own (power level 100 there), an adult; the family space, its admins' room, and a
 * room of another space.
 */
@ExtendWith(SynapseExtension.class)
class PolicyIT {
    private static TestHomeserver homeserver;
    private static StewardHarness steward;
    private static TestPerson parent;
    private static TestPerson child;
    private static TestPerson adult;
    private static RoomId family;
    private static RoomId admins;

    @BeforeAll
    static void start(TestHomeserver synapse, @TempDir Path data) throws Exception {
        homeserver = synapse;
        parent = homeserver.person(StewardHarness.ALLOWED + "-parent");
        child = homeserver.person(StewardHarness.ALLOWED + "-child");
        adult = homeserver.person(StewardHarness.ALLOWED + "-adult");
        // The admins' room exists before Steward starts; Synapse hands Steward the invite when it is up.
        admins = parent.createRoom("Parents", homeserver.botUser());
        steward = StewardHarness.start(homeserver, data, """
                safety:
                  admin_room: "%s"
                  members:
                    "@%s-child-*:localhost": child
                    "@%s-parent-*:localhost": admin
                  roles:
                    child:
                      quiet_hours: "off"
                """.formatted(admins, StewardHarness.ALLOWED, StewardHarness.ALLOWED));
        parent.awaitMembership(admins, homeserver.botUser(), "join");
        RoomId space = Spaces.space(parent, "Family", homeserver, true);
        family = parent.createRoomJoinedBy("Kitchen", homeserver.botUser());
        Spaces.add(parent, space, family);
        Spaces.add(parent, space, admins);
        for (TestPerson member : new TestPerson[] {child, adult}) {
            parent.invite(family, member.id());
            Await.result(member.client().join(family));
        }
    }

    @AfterAll
    static void stop() {
        steward.close();
    }

    private static String ask(TestPerson person, RoomId room, String text) {
        return person.awaitAnswer(room, homeserver.botUser(), person.send(room, text));
    }

    @Test
    void aChildWhoCreatedARoomIsItsAdminButCannotChangeAnyPolicyOrReadTheAuditLogThere() {
        RoomId den = child.createRoomJoinedBy("Den", homeserver.botUser());

        assertThat(ask(child, den, "!policy set " + child.id() + " local_only false"))
                .isEqualTo("Only admins can change members' policies.");
        assertThat(ask(child, den, "!policy set " + child.id() + " content_filter off"))
                .isEqualTo("Only admins can change members' policies.");
        assertThat(ask(child, den, "!policy reset " + child.id())).isEqualTo("Only admins can change members' policies.");
        assertThat(ask(child, den, "!policy set " + adult.id() + " budget.daily 99"))
                .isEqualTo("Only admins can change members' policies.");
        assertThat(ask(child, den, "!audit")).isEqualTo("Only admins can read the audit log.");
        assertThat(ask(child, den, "!private on")).as("a power over their own room they do hold")
                .startsWith("This room is now private");
        assertThat(ask(child, den, "!help")).doesNotContain("!audit", "policy set");

        assertThat(ask(child, family, "!policy")).startsWith("Your policy (role child):")
                .contains("local_only = true (role child)", "content_filter = strict (role child)",
                        "budget.daily = 0.20 (role child)");
        assertThat(ask(child, family, "!private on")).as("no power over a room where they are not admin")
                .startsWith("Only this room's admins (power level 100 here)");
    }

    @Test
    void onlyAnAdminChangesAPolicyAndTheChangeHoldsInEveryRoom() {
        assertThat(ask(adult, family, "!policy set " + parent.id() + " budget.daily 99"))
                .isEqualTo("Only admins can change members' policies.");
        assertThat(ask(adult, family, "!policy " + parent.id()))
                .isEqualTo("Only admins can see other members' policies.");
        assertThat(ask(parent, family, "!policy set " + adult.id() + " budget.daily 2.00"))
                .startsWith("Set budget.daily for " + adult.id())
                .contains("budget.daily = 2.00 (override for this member)");
        RoomId elsewhere = adult.createRoomJoinedBy("Workshop", homeserver.botUser());
        assertThat(ask(adult, elsewhere, "!policy")).contains("budget.daily = 2.00 (override for this member)");
        assertThat(ask(adult, elsewhere, "!budget")).contains("Today: 0.00 of 2.00 spent, 2.00 left; 0 tokens");
        assertThat(ask(parent, family, "!policy " + adult.id())).startsWith("Policy of " + adult.id() + " (role adult):");
    }

    @Test
    void theAuditLogIsShownOnlyInTheAdminsRoomOrADirectChatAndOnlyForTheFamilySpace() {
        TestPerson uncle = homeserver.person(StewardHarness.ALLOWED + "-uncle");
        parent.invite(family, uncle.id());
        Await.result(uncle.client().join(family));
        ask(uncle, family, "!policy set " + child.id() + " local_only false");
        RoomId otherSpace = Spaces.space(uncle, "Book club", homeserver, true);
        RoomId club = uncle.createRoomJoinedBy("Book club", homeserver.botUser());
        Spaces.add(uncle, otherSpace, club);
        ask(uncle, club, "!policy set " + parent.id() + " budget.daily 7");

        assertThat(ask(parent, family, "!audit 50"))
                .isEqualTo("I show the audit log only in the admins' room or in a direct chat with you, since it"
                        + " holds other members' decisions. Ask me there.");
        String log = ask(parent, admins, "!audit 50");
        assertThat(log).startsWith("Latest audit entries (UTC), newest first:")
                .contains(uncle.id() + " policy.change refused: command !policy")
                .as("a room of another space").doesNotContain(club.value());
        long inFamily = log.lines().filter(line -> line.contains(uncle.id() + " policy.change refused")).count();
        assertThat(inFamily).as("the refusal in the kitchen, not the one in the book club").isEqualTo(1);

        RoomId direct = Spaces.directChat(parent, homeserver.botUser());
        assertThat(ask(parent, direct, "!audit 50")).startsWith("Latest audit entries (UTC), newest first:");
        assertThat(ask(adult, family, "!audit")).isEqualTo("Only admins can read the audit log.");
    }

    @Test
    void aChangeSurvivesARestart() throws Exception {
        ask(parent, family, "!policy set " + adult.id() + " quiet_hours 23:00-05:00");
        steward.close();
        steward = StewardHarness.restart(homeserver, steward);

        assertThat(ask(adult, family, "!policy")).contains("quiet_hours = 23:00-05:00 (override for this member)");
    }
}
