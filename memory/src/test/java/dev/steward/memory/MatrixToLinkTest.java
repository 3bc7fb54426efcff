package dev.steward.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.ServerName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links to a memory's source event, encoded as the Matrix spec's matrix.to section shows. */
class MatrixToLinkTest {
    record Case(String name, String room, String event, String link) {}

    static final List<Case> CASES = List.of(
            new Case("the spec's example", "!somewhere:example.org", "$event:example.org",
                    "https://matrix.to/#/!somewhere%3Aexample.org/%24event%3Aexample.org"),
            new Case("room version 3 event id with / and +", "!room:example.org", "$a/b+c=",
                    "https://matrix.to/#/!room%3Aexample.org/%24a%2Fb%2Bc%3D"),
            new Case("url-safe event id", "!room:example.org", "$Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg",
                    "https://matrix.to/#/!room%3Aexample.org/%24Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg"),
            new Case("room version 12 id without server", "!abcDEF123", "$xyz",
                    "https://matrix.to/#/!abcDEF123/%24xyz"),
            new Case("server with port", "!room:example.org:8448", "$e",
                    "https://matrix.to/#/!room%3Aexample.org%3A8448/%24e"));

    @Test
    void linksAreEncodedAsTheSpecShows() {
        for (Case example : CASES) {
            assertThat(MatrixToLink.of(RoomId.of(example.room()), EventId.of(example.event())))
                    .as(example.name()).isEqualTo(example.link());
        }
    }

    @Test
    void viaServersFollowAsQueryParameters() {
        assertThat(MatrixToLink.of(RoomId.of("!somewhere:example.org"), EventId.of("$event:example.org"),
                List.of(new ServerName("elsewhere.ca"), new ServerName("example.org"))))
                .isEqualTo("https://matrix.to/#/!somewhere%3Aexample.org/%24event%3Aexample.org"
                        + "?via=elsewhere.ca&via=example.org");
    }
}
