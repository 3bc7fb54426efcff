package dev.steward.homeserver.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** Which identifiers Steward accepts, one named case per row (spec: Appendices, "Identifier Grammar"). */
class IdGrammarTest {
    // 1 + 250 + 1 + 9 = 261 bytes: over the 255-byte limit while every character is otherwise fine.
    private static final String LONG_LOCAL = "a".repeat(250);
    // 127 two-byte characters: 131 chars but 1 + 254 + 10 = 265 bytes, so the limit must count bytes, not chars.
    private static final String WIDE_OPAQUE = "é".repeat(127);

    static final List<Arguments> SERVER_NAMES = List.of(
            ok("dns name", "matrix.org"),
            ok("single label", "localhost"),
            ok("dns name with port", "matrix.org:8448"),
            ok("ipv4", "192.168.1.10"),
            ok("ipv4 with port", "127.0.0.1:8008"),
            ok("ipv6 loopback", "[::1]"),
            ok("ipv6 with port", "[2001:db8::8a2e:370:7334]:8448"),
            ok("ipv6 with embedded ipv4", "[::ffff:127.0.0.1]"),
            bad("empty", ""),
            bad("null", null),
            bad("unbracketed ipv6", "::1"),
            bad("unclosed ipv6 bracket", "[::1"),
            bad("non-hex ipv6", "[zz::1]"),
            bad("empty port", "matrix.org:"),
            bad("six-digit port", "matrix.org:123456"),
            bad("named port", "matrix.org:http"),
            bad("space", "matrix .org"),
            bad("underscore", "bad_host.org"),
            bad("longer than 255", "a".repeat(256)));

    static final List<Arguments> USER_IDS = List.of(
            ok("bot", "@steward:localhost"),
            ok("namespaced user", "@steward_deploy:localhost"),
            ok("server with port", "@alice:matrix.org:8448"),
            ok("ipv6 server with port", "@alice:[::1]:8448"),
            ok("ipv4 server", "@alice:10.0.0.1"),
            ok("historical localpart", "@Alice!:example.org"),
            ok("exactly 255 bytes", "@" + "a".repeat(244) + ":localhost"),
            bad("empty", ""),
            bad("no sigil", "steward:localhost"),
            bad("room alias sigil", "#steward:localhost"),
            bad("no server", "@steward"),
            bad("empty localpart", "@:localhost"),
            bad("empty server", "@steward:"),
            bad("space in localpart", "@ste ward:localhost"),
            bad("space in server", "@steward:local host"),
            bad("non-ascii localpart", "@stéward:localhost"),
            bad("bad server", "@steward:bad_host"),
            bad("longer than 255 bytes", "@" + LONG_LOCAL + ":localhost"));

    static final List<Arguments> ROOM_IDS = List.of(
            ok("v1-11 with server", "!JRgCCIQDSXoGdseLIq:localhost"),
            ok("v1-11 with port", "!abc:matrix.org:8448"),
            ok("v12 hash without server", "!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM"),
            ok("v12 hash of 255 bytes", "!" + "A".repeat(254)),
            bad("empty", ""),
            bad("no sigil", "JRgCCIQDSXoGdseLIq:localhost"),
            bad("event id sigil", "$abc:localhost"),
            bad("sigil only", "!"),
            bad("empty opaque part", "!:localhost"),
            bad("empty server", "!abc:"),
            bad("bad server", "!abc:bad_host"),
            bad("space", "!ab c:localhost"),
            bad("newline", "!abc\n:localhost"),
            bad("longer than 255 bytes", "!" + WIDE_OPAQUE + ":localhost"));

    static final List<Arguments> EVENT_IDS = List.of(
            ok("v4+ url-safe hash", "$5ao4-zjXVaH571egFfVcnpMYd0KR1GblEjIPgwJP9Ck"),
            ok("v3 hash", "$acR1l0raoZnm60CBwAVgqbZqoO/mYU81xysh1u7XcJk"),
            ok("v1-2 with server", "$1234abcd:example.org"),
            bad("empty", ""),
            bad("no sigil", "5ao4-zjXVaH571egFfVcnpMYd0KR1GblEjIPgwJP9Ck"),
            bad("room id sigil", "!abc:localhost"),
            bad("sigil only", "$"),
            bad("empty opaque part", "$:example.org"),
            bad("bad server", "$abc:bad_host"),
            bad("space", "$ab c"),
            bad("longer than 255 bytes", "$" + "x".repeat(255)));

    static final List<Arguments> ROOM_ALIASES = List.of(
            ok("plain", "#ops:localhost"),
            ok("with port", "#ops-team:matrix.org:8448"),
            ok("ipv6 server", "#ops:[::1]"),
            bad("empty", ""),
            bad("no sigil", "ops:localhost"),
            bad("room id sigil", "!ops:localhost"),
            bad("no server", "#ops"),
            bad("empty localpart", "#:localhost"),
            bad("space", "#o ps:localhost"),
            bad("bad server", "#ops:bad_host"),
            bad("longer than 255 bytes", "#" + LONG_LOCAL + ":localhost"));

    @ParameterizedTest
    @FieldSource("SERVER_NAMES")
    void serverNames(String input, boolean valid) {
        check(ServerName::of, "server name", input, valid);
    }

    @ParameterizedTest
    @FieldSource("USER_IDS")
    void userIds(String input, boolean valid) {
        check(UserId::of, "user id", input, valid);
    }

    @ParameterizedTest
    @FieldSource("ROOM_IDS")
    void roomIds(String input, boolean valid) {
        check(RoomId::of, "room id", input, valid);
    }

    @ParameterizedTest
    @FieldSource("EVENT_IDS")
    void eventIds(String input, boolean valid) {
        check(EventId::of, "event id", input, valid);
    }

    @ParameterizedTest
    @FieldSource("ROOM_ALIASES")
    void roomAliases(String input, boolean valid) {
        check(RoomAlias::of, "room alias", input, valid);
    }

    @Test
    void partsOfAUserIdAreReadBack() {
        UserId user = UserId.of("@steward_deploy:matrix.org:8448");

        assertThat(user.localpart()).isEqualTo("steward_deploy");
        assertThat(user.server()).isEqualTo(ServerName.of("matrix.org:8448"));
        assertThat(user.isStrict()).isTrue();
        assertThat(UserId.of("@Alice!:example.org").isStrict()).isFalse();
        assertThat(UserId.of("steward", ServerName.of("localhost"))).isEqualTo(UserId.of("@steward:localhost"));
    }

    @Test
    void onlyRoomIdsBeforeVersion12NameAServer() {
        assertThat(RoomId.of("!abc:localhost").server()).contains(ServerName.of("localhost"));
        assertThat(RoomId.of("!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM").server()).isEmpty();
    }

    @Test
    void partsOfARoomAliasAreReadBack() {
        RoomAlias alias = RoomAlias.of("#ops:[::1]:8448");

        assertThat(alias.localpart()).isEqualTo("ops");
        assertThat(alias.server()).isEqualTo(ServerName.of("[::1]:8448"));
    }

    private static void check(Function<String, Object> parse, String kind, String input, boolean valid) {
        if (valid) {
            assertThat(parse.apply(input)).hasToString(input);
        } else {
            // The message names what was wrong, so a bad config value or event is easy to find.
            assertThatThrownBy(() -> parse.apply(input))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(kind);
        }
    }

    private static Arguments ok(String name, String input) {
        return argumentSet("valid: " + name, input, true);
    }

    private static Arguments bad(String name, String input) {
        return argumentSet("invalid: " + name, input, false);
    }
}
