package dev.steward.safety.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.client.PowerLevels;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The family space lists the kitchen; a stranger's room names the family space too. */
class SpaceMembershipTest {
    private static final RoomId FAMILY = RoomId.of("!family-space:family.example");
    private static final RoomId OTHER_SPACE = RoomId.of("!other-space:family.example");
    private static final RoomId KITCHEN = RoomId.of("!kitchen:family.example");
    private static final RoomId STRANGERS = RoomId.of("!strangers:elsewhere.org");
    private static final UserId MUM = UserId.of("@mum:family.example");
    private static final UserId STRANGER = UserId.of("@stranger:elsewhere.org");
    private static final SpaceMembership.SpaceView FAMILY_SPACE = new SpaceMembership.SpaceView(FAMILY,
            Set.of(KITCHEN), new PowerLevels(new JsonObject().put("users", new JsonObject().put(MUM.value(), 100))
                    .put("state_default", 50)));

    static List<Arguments> claims() {
        return List.of(
                argumentSet("a room the space lists", KITCHEN, STRANGER, FAMILY_SPACE, true),
                argumentSet("a room the space does not list, claimed by its own admin", STRANGERS, STRANGER,
                        FAMILY_SPACE, false),
                argumentSet("a claim sent by someone who could add the room to the space", STRANGERS, MUM,
                        FAMILY_SPACE, true),
                argumentSet("a listed room claiming another space", KITCHEN, MUM,
                        new SpaceMembership.SpaceView(OTHER_SPACE, Set.of(), FAMILY_SPACE.powerLevels()), false));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void aParentClaimHoldsOnlyWhereTheSpaceBacksIt(RoomId room, UserId claimedBy, SpaceMembership.SpaceView space,
            boolean belongs) {
        assertThat(SpaceMembership.belongs(room, new SpaceMembership.ParentClaim(FAMILY, claimedBy), space))
                .isEqualTo(belongs);
    }
}
