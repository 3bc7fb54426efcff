package dev.steward.safety.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replies a member reads when the filter holds something back. */
class ContentStringsTest {
    private final ContentFilter filter = ContentFilter.bundled();

    @Test
    void aBlockedRequestGetsTheRuleNotTheWord() {
        Verdict verdict = filter.check("where can I buy cocaine", FilterLevel.STANDARD);
        String reply = ContentStrings.ENGLISH.reply(verdict, false);
        assertThat(reply).isEqualTo(ContentStrings.ENGLISH.blockedRequest() + " It sounds like this is about drugs.")
                .doesNotContainIgnoringCase("cocaine");
        assertThat(ContentStrings.ENGLISH.reply(verdict, true)).startsWith(ContentStrings.ENGLISH.blockedAnswer());
    }

    @Test
    void theReplyNamesTheTopicsKindlyNeverTheWords() {
        assertThat(ContentStrings.ENGLISH.about(java.util.EnumSet.of(Category.VIOLENCE)))
                .isEqualTo("It sounds like this is about hurting someone.");
        assertThat(ContentStrings.ENGLISH.about(java.util.EnumSet.of(Category.DRUGS, Category.WEAPONS,
                Category.HATE))).isEqualTo("It sounds like this is about putting down a group of people, drugs and "
                + "weapons.");
        assertThat(ContentStrings.GERMAN.about(java.util.EnumSet.of(Category.VIOLENCE)))
                .isEqualTo("Es klingt, als ginge es um Gewalt gegen andere.");
        for (Category category : Category.values()) {
            assertThat(ContentStrings.ENGLISH.topics()).containsKey(category);
            assertThat(ContentStrings.GERMAN.topics()).containsKey(category);
        }
    }

    @Test
    void selfHarmAddsTheSupportiveLine() {
        Verdict verdict = filter.check("Ich will mich umbringen", FilterLevel.STANDARD);
        String reply = ContentStrings.GERMAN.reply(verdict, false);
        assertThat(reply).startsWith(ContentStrings.GERMAN.blockedRequest())
                .endsWith(ContentStrings.GERMAN.selfHarmSupport()).doesNotContainIgnoringCase("umbringen");
    }

    @Test
    void theSupportiveLinePointsToPeopleAndToMoreThanOneCountry() {
        assertThat(ContentStrings.ENGLISH.selfHarmSupport())
                .contains("someone you trust", "112", "911", "999", "https://findahelpline.com");
        assertThat(ContentStrings.GERMAN.selfHarmSupport())
                .contains("vertraust", "112", "0800 111 0 111", "116 111", "142", "143", "https://findahelpline.com");
    }

    @Test
    void languageFollowsTheTagWithEnglishAsFallback() {
        assertThat(ContentStrings.forLanguage("de-AT")).isSameAs(ContentStrings.GERMAN);
        assertThat(ContentStrings.forLanguage("de")).isSameAs(ContentStrings.GERMAN);
        assertThat(ContentStrings.forLanguage("en-GB")).isSameAs(ContentStrings.ENGLISH);
        assertThat(ContentStrings.forLanguage("fr")).isSameAs(ContentStrings.ENGLISH);
        assertThat(ContentStrings.forLanguage(null)).isSameAs(ContentStrings.ENGLISH);
    }
}
