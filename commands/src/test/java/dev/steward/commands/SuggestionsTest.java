package dev.steward.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Did you mean ...?": how far a typo is from a command, and which command it is nearest to. */
class SuggestionsTest {
    private static final Set<String> COMMANDS = Set.of("help", "ping", "status", "ask", "remember", "recall");

    static List<Arguments> distances() {
        return List.of(
                argumentSet("same word", "ping", "ping", 0),
                argumentSet("swapped letters count once", "pnig", "ping", 1),
                argumentSet("swapped letters in the middle", "stauts", "status", 1),
                argumentSet("one letter missing", "png", "ping", 1),
                argumentSet("one letter too many", "pingg", "ping", 1),
                argumentSet("one letter wrong", "pong", "ping", 1),
                argumentSet("two edits", "stat", "status", 2),
                argumentSet("from nothing", "", "ping", 4),
                argumentSet("to nothing", "ping", "", 4),
                // Optimal string alignment, not full Damerau-Levenshtein: a swapped pair is not edited again.
                argumentSet("swap then insert is not one step", "ca", "abc", 3));
    }

    @ParameterizedTest
    @MethodSource("distances")
    void distanceCountsEditsAndSwaps(String typed, String known, int expected) {
        assertThat(Suggestions.distance(typed, known)).isEqualTo(expected);
        assertThat(Suggestions.distance(known, typed)).isEqualTo(expected);
    }

    static List<Arguments> typos() {
        return List.of(
                suggests("swapped letters", "pnig", "ping"),
                suggests("swapped letters in a longer name", "stauts", "status"),
                suggests("missing letter", "hlp", "help"),
                suggests("a letter missing in a long name", "remeber", "remember"),
                suggests("two edits away", "stutas", "status"),
                suggests("the exact name", "recall", "recall"),
                suggests("a two-letter typo one edit away", "ak", "ask"),
                none("a single letter", "x"),
                none("a name far from every command", "deploy"),
                none("three edits away", "pinxxx"));
    }

    private static Arguments suggests(String name, String typed, String suggestion) {
        return argumentSet(name, typed, Optional.of(suggestion));
    }

    private static Arguments none(String name, String typed) {
        return argumentSet(name, typed, Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("typos")
    void suggestsTheNearestCommand(String typed, Optional<String> expected) {
        assertThat(Suggestions.nearest(typed, COMMANDS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("ties")
    void aTieGoesToTheAlphabeticallyFirstName(List<String> known) {
        assertThat(Suggestions.nearest("pin", known)).contains("pan");
    }

    static List<List<String>> ties() {
        return List.of(List.of("pan", "pen"), List.of("pen", "pan"));
    }

    @Test
    void aGuessNeedsMoreLettersThanEdits() {
        // "p" is one edit from "pi", but one letter says nothing about what was meant.
        assertThat(Suggestions.nearest("p", List.of("pi"))).isEmpty();
        assertThat(Suggestions.nearest("po", List.of("pi"))).contains("pi");
    }

    @Test
    void noCommandsMeansNoSuggestion() {
        assertThat(Suggestions.nearest("ping", List.of())).isEmpty();
    }
}
