package dev.steward.safety.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** Each trick the normaliser undoes, one named case per row: the text and the words it becomes. */
class NormalizerTest {
    static final List<Arguments> WORDS = List.of(
            words("case", "KiLL Him", "kill", "him"),
            words("accents", "Café naïve façade", "cafe", "naive", "facade"),
            words("sharp s", "Scheiße", "scheisse"),
            words("umlaut, canonical reading", "Mörder", "moerder"),
            words("leet digits", "k1ll h4x0r", "kill", "haxor"),
            words("leet symbols", "$h!t @ss", "shit", "ass"),
            words("numbers stay numbers", "kill -9 404 $5", "kill", "9", "404", "$5"),
            words("trailing punctuation is not leet", "hi! c++ |x|", "hi", "c", "x"),
            words("spaced letters", "k i l l", "kill"),
            words("dotted letters", "k.i.l.l", "kill"),
            words("hyphenated letters", "k-i-l-l", "kill"),
            words("underscored letters", "k_i_l_l", "kill"),
            words("starred letters", "s*e*x", "sex"),
            words("spaced leet letters", "k 1 l l", "kill"),
            words("two single letters stay apart", "a b", "a", "b"),
            words("single digits without letters stay apart", "5 4 3", "5", "for", "3"),
            words("zero-width space", "ki\u200Bll", "kill"),
            words("zero-width joiner and soft hyphen", "ki\u200Dl\u00ADl", "kill"),
            words("byte order mark", "\uFEFFkill", "kill"),
            words("Cyrillic look-alikes", "\u0441\u0435\u0445 k\u0456ll", "cex", "kill"),
            words("Greek look-alikes", "f\u03bcck \u03bd\u03b9\u03ba\u03b5", "fuck", "vike"),
            words("fullwidth", "\uff46\uff55\uff43\uff4b", "fuck"),
            words("mathematical bold", "\uD835\uDC24\uD835\uDC22\uD835\uDC25\uD835\uDC25", "kill"),
            words("circled letters", "\u24DA\u24D8\u24DB\u24DB", "kill"),
            words("small capitals", "\u1D0B\u026A\u029F\u029F", "kill"),
            words("combining marks", "k\u0301i\u0308l\u0327l", "kill"),
            words("apostrophes join", "don't don\u2019t", "dont", "dont"),
            words("text speak", "kill u, want 2 die", "kill", "you", "want", "to", "die"),
            words("repeated letters stay for run matching", "kiiiill", "kiiiill"),
            words("emoji separate", "kill\uD83D\uDE00you", "kill", "you"),
            words("non-Latin letters stay", "\u6b7b\u306c kill", "\u6b7b\u306c", "kill"));

    @ParameterizedTest
    @FieldSource("WORDS")
    void wordsAfterNormalising(String text, List<String> expected) {
        assertThat(Normalizer.normalize(text).words()).containsExactlyElementsOf(expected);
    }

    @Test
    void leetAndUmlautsGiveEveryReading() {
        assertThat(Normalizer.normalize("k1ll").tokens().get(0).variants()).containsExactly("kill", "klll");
        assertThat(Normalizer.normalize("Mörder").tokens().get(0).variants()).containsExactly("moerder", "morder");
        assertThat(Normalizer.normalize("fück").tokens().get(0).variants()).contains("fuck");
    }

    @Test
    void wordsSplitByPunctuationAreAlsoOfferedJoined() {
        NormalizedText text = Normalizer.normalize("ki.ll fu_ck e-mail AK-47");
        assertThat(text.words()).containsExactly("ki", "ll", "fu", "ck", "e", "mail", "ak", "47");
        assertThat(text.joinedWords()).containsExactly("kill", "fuck", "email", "akat");
    }

    @Test
    void spacedWordsAreNotJoinedWithTheirNeighbours() {
        assertThat(Normalizer.normalize("ki ll").words()).containsExactly("ki", "ll");
        assertThat(Normalizer.normalize("ki ll").joinedWords()).isEmpty();
    }

    @Test
    void repeatedLettersCollapseToASkeleton() {
        assertThat(Normalizer.collapseRuns("kiiiill")).isEqualTo("kil");
        assertThat(Normalizer.collapseRuns("ass")).isEqualTo(Normalizer.collapseRuns("as"));
    }

    @Test
    void offsetsPointBackIntoTheOriginalText() {
        String text = "say k.i.l.l now, Mörder";
        List<Token> tokens = Normalizer.normalize(text).tokens();
        assertThat(tokens).extracting(token -> text.substring(token.start(), token.end()))
                .containsExactly("say", "k.i.l.l", "now", "Mörder");
    }

    @Test
    void clauseEndsAtPunctuationLineBreaksAndTheEnd() {
        assertThat(Normalizer.normalize("bring mich um. ja").tokens()).extracting(Token::clauseEnd)
                .containsExactly(false, false, true, true);
        assertThat(Normalizer.normalize("bring mich um 8\nja!").tokens()).extracting(Token::clauseEnd)
                .containsExactly(false, false, false, true, true);
    }

    private static Arguments words(String name, String text, String... expected) {
        return argumentSet(name, text, List.of(expected));
    }
}
