package dev.steward.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.homeserver.id.UserId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whose invites Steward accepts: ids and globs from {@code invites.allow}, or its own server's people. */
class InvitePolicyTest {
    private static final UserId BOT = UserId.of("@steward:example.org");

    private static Arguments accepts(String name, List<String> allow, String inviter) {
        return argumentSet(name, allow, inviter, true);
    }

    private static Arguments declines(String name, List<String> allow, String inviter) {
        return argumentSet(name, allow, inviter, false);
    }

    static List<Arguments> invites() {
        List<String> server = List.of("@*:example.org");
        List<String> alice = List.of("@alice:example.org");
        List<String> aliceAnywhere = List.of("@a?ice:*");
        return List.of(
                accepts("anyone of the server", server, "@alice:example.org"),
                accepts("anyone of the server, odd localpart", server, "@_bridge.user=1:example.org"),
                declines("someone of another server", server, "@alice:other.org"),
                declines("a server that ends like ours", server, "@alice:evil-example.org"),
                declines("a subdomain of ours", server, "@alice:matrix.example.org"),
                declines("our name with a port", server, "@alice:example.org:8448"),
                declines("a dot in the pattern is only a dot", server, "@alice:exampleXorg"),
                accepts("one named user", alice, "@alice:example.org"),
                declines("a longer name starting like the user", alice, "@alice2:example.org"),
                declines("another user of the same server", alice, "@bob:example.org"),
                declines("the same name elsewhere", alice, "@alice:example.com"),
                accepts("? is one character", aliceAnywhere, "@alice:anywhere.net"),
                accepts("? is any character", aliceAnywhere, "@abice:example.org"),
                declines("? is not zero characters", aliceAnywhere, "@aice:example.org"),
                declines("? is not two characters", aliceAnywhere, "@allice:example.org"),
                accepts("+ is a literal plus", List.of("@a+b:example.org"), "@a+b:example.org"),
                declines("+ does not repeat", List.of("@a+b:example.org"), "@aab:example.org"),
                declines("[...] is not a character class", List.of("@[ab]:example.org"), "@a:example.org"),
                accepts("[...] is literal", List.of("@[ab]:example.org"), "@[ab]:example.org"),
                declines("a quoted section is literal", List.of("@\\E.*:example.org"), "@x:example.org"),
                accepts("one of several patterns", List.of("@alice:example.org", "@*:friends.net"), "@bob:friends.net"),
                declines("none of several patterns", List.of("@alice:example.org", "@*:friends.net"), "@bob:foes.net"),
                accepts("no patterns: the bot's own server", List.of(), "@alice:example.org"),
                declines("no patterns: not another server", List.of(), "@alice:other.org"),
                declines("no patterns: not a server that ends like ours", List.of(), "@alice:notexample.org"));
    }

    @ParameterizedTest
    @MethodSource("invites")
    void decidesWhoMayInviteSteward(List<String> allow, String inviter, boolean accepted) {
        InvitePolicy policy = new InvitePolicy(allow, BOT);

        assertThat(policy.allows(UserId.of(inviter))).isEqualTo(accepted);
    }
}
