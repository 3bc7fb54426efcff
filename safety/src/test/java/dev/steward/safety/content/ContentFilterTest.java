package dev.steward.safety.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** Levels, config terms and allowed phrases, and what a verdict lets out. */
class ContentFilterTest {
    private final ContentFilter filter = ContentFilter.bundled();

    static final List<Arguments> BLOCKED_AT_STANDARD = List.of(
            blocked("self-harm phrase", "I want to kill myself", Category.SELF_HARM),
            blocked("self-harm in German, separable verb at clause end", "Ich bringe mich um.", Category.SELF_HARM),
            blocked("German phrase with adverbs in between", "ich will echt nicht mehr leben", Category.SELF_HARM),
            blocked("threat", "i will k1ll you", Category.VIOLENCE),
            blocked("two categories", "buy a gun and some cocaine", Category.WEAPONS, Category.DRUGS),
            blocked("stretched letters", "kiiiill myself", Category.SELF_HARM),
            blocked("stretched double letter", "sexxxy", Category.SEXUAL),
            blocked("prefix term", "pornography", Category.SEXUAL),
            blocked("term inside a compound", "Kinderpornos", Category.SEXUAL),
            blocked("phrase written together", "#killmyself", Category.SELF_HARM));

    static final List<Arguments> CLEAN_AT_STANDARD = List.of(
            clean("ops idiom", "kill -9 the stuck process and execute the job again"),
            clean("allowed phrase covers the threat words", "I'll shoot you an email"),
            clean("German lift, not a threat", "Ich bring dich um 8 zur Schule"),
            clean("single letter run is not a double", "as"),
            clean("real double letter is not a stretch", "shiitake"),
            clean("profanity waits for strict", "this is bullshit"),
            clean("strict-only term", "he has a gun"),
            clean("clause boundary stops a gap", "Ich will wissen, warum Dinosaurier nicht mehr leben"));

    @ParameterizedTest
    @FieldSource("BLOCKED_AT_STANDARD")
    void blockedAtStandard(String text, Set<Category> categories) {
        Verdict verdict = filter.check(text, FilterLevel.STANDARD);
        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.categories()).isEqualTo(categories);
    }

    @ParameterizedTest
    @FieldSource("CLEAN_AT_STANDARD")
    void cleanAtStandard(String text) {
        assertThat(filter.check(text, FilterLevel.STANDARD)).isSameAs(Verdict.CLEAN);
    }

    @Test
    void offNeverBlocks() {
        for (LabelledSplit.Sample sample : LabelledSplit.load("train").samples()) {
            assertThat(filter.check(sample.text(), FilterLevel.OFF).blocked()).as(sample.text()).isFalse();
        }
    }

    @Test
    void strictAddsProfanityAndWiderTerms() {
        assertThat(filter.check("this is bullshit", FilterLevel.STRICT).categories())
                .containsExactly(Category.PROFANITY);
        assertThat(filter.check("he has a gun", FilterLevel.STRICT).categories()).containsExactly(Category.WEAPONS);
        assertThat(filter.check("glue gun", FilterLevel.STRICT).blocked()).isFalse();
    }

    @Test
    void extraTermsFromConfigAddToTheBundledLists() {
        ContentFilter extended = ContentFilter.withExtraTerms(
                List.of("drugs standard spice", "violence standard ich mach dich fertig $", "profanity strict heck*"),
                List.of());
        assertThat(extended.check("where can I buy Sp1ce", FilterLevel.STANDARD).categories())
                .containsExactly(Category.DRUGS);
        assertThat(extended.check("Ich mach dich fertig!", FilterLevel.STANDARD).categories())
                .containsExactly(Category.VIOLENCE);
        assertThat(extended.check("Ich mach dich fertig für die Schule", FilterLevel.STANDARD).blocked()).isFalse();
        assertThat(extended.check("what the heckin hell", FilterLevel.STANDARD).blocked()).isFalse();
        assertThat(extended.check("what the heckin hell", FilterLevel.STRICT).categories())
                .containsExactly(Category.PROFANITY);
        assertThat(extended.check("I want to kill myself", FilterLevel.STANDARD).selfHarm()).isTrue();
        assertThat(filter.check("where can I buy spice", FilterLevel.STANDARD).blocked()).isFalse();
    }

    @Test
    void allowedTermsFromConfigLiftOnlyWhatTheyCover() {
        ContentFilter relaxed = ContentFilter.withExtraTerms(List.of(), List.of("damn", "kill you softly"));
        assertThat(relaxed.check("damn, the build broke", FilterLevel.STRICT).blocked()).isFalse();
        assertThat(relaxed.check("killing me softly? no: kill you softly is the song", FilterLevel.STANDARD)
                .blocked()).isFalse();
        Verdict rest = relaxed.check("damn, kill you softly, and then I will kill you", FilterLevel.STANDARD);
        assertThat(rest.categories()).containsExactly(Category.VIOLENCE);
        assertThat(rest.auditMatches()).hasSize(1);
    }

    @Test
    void builderTakesTypedTermsAndOwnLists() {
        ContentFilter custom = ContentFilter.builder()
                .term(Category.HATE, FilterLevel.STANDARD, "zorgon*")
                .list("family.txt", "# our own words\nweapons strict slingshot\nallow slingshot ride\n")
                .build();
        assertThat(custom.check("Zorgons are bad", FilterLevel.STANDARD).categories())
                .containsExactly(Category.HATE);
        assertThat(custom.check("my slingshot", FilterLevel.STRICT).categories()).containsExactly(Category.WEAPONS);
        assertThat(custom.check("the slingshot ride at the fair", FilterLevel.STRICT).blocked()).isFalse();
        assertThat(custom.check("I want to kill myself", FilterLevel.STANDARD).blocked())
                .as("bundled lists only when asked for").isFalse();
    }

    @Test
    void badEntriesAreRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drug standard spice"), List.of()))
                .hasMessageContaining("terms[0]").hasMessageContaining("unknown category 'drug'");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drugs mild spice"), List.of()))
                .hasMessageContaining("unknown filter level 'mild'");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("profanity standard heck"), List.of()))
                .hasMessageContaining("profanity terms apply only at strict");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drugs standard"), List.of()))
                .hasMessageContaining("expected '<category> <level> <term>'");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("allow spice"), List.of()))
                .hasMessageContaining("terms[0]");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drugs standard sp*ce"), List.of()))
                .hasMessageContaining("'*' may only start or end a word");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drugs standard buy* spice"), List.of()))
                .hasMessageContaining("only the last word may end in '*'");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of("drugs standard $ spice"), List.of()))
                .hasMessageContaining("'$' may only end a phrase");
        assertThatThrownBy(() -> ContentFilter.withExtraTerms(List.of(), List.of("  ")))
                .hasMessageContaining("allowed[0]").hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> ContentFilter.builder().list("family.txt", "\n\ndrugs often spice\n"))
                .hasMessageStartingWith("family.txt:3: ");
    }

    @Test
    void verdictTextNeverRepeatsTheMatchedWord() {
        List<String> texts = List.of("I want to kill myself", "k1ll y0u", "nigger", "fuck this", "buy cocaine",
                "Ich bringe mich um.", "send nudes");
        for (String text : texts) {
            Verdict verdict = filter.check(text, FilterLevel.STRICT);
            assertThat(verdict.blocked()).as(text).isTrue();
            for (Verdict.Match match : verdict.auditMatches()) {
                String matched = text.substring(match.start(), match.end());
                for (String secret : List.of(match.term().replace("*", "").replace(" $", ""), matched)) {
                    assertThat(verdict.toString()).doesNotContainIgnoringCase(secret);
                    assertThat(match.toString()).doesNotContainIgnoringCase(secret);
                }
            }
        }
    }

    @Test
    void auditMatchesNameTheTermAndWhereItWas() {
        String text = "ok so k.i.l.l my self, really";
        Verdict verdict = filter.check(text, FilterLevel.STANDARD);
        assertThat(verdict.auditMatches()).singleElement().satisfies(match -> {
            assertThat(match.category()).isEqualTo(Category.SELF_HARM);
            assertThat(match.term()).isEqualTo("kill my self");
            assertThat(text.substring(match.start(), match.end())).isEqualTo("k.i.l.l my self");
        });
        assertThat(verdict.toString()).isEqualTo("Verdict[blocked, categories=[SELF_HARM]]");
    }

    @Test
    void oneFilterServesManyThreadsAlike() throws Exception {
        List<LabelledSplit.Sample> samples = LabelledSplit.load("train").samples();
        List<Set<Category>> expected = samples.stream()
                .map(sample -> filter.check(sample.text(), FilterLevel.STRICT).categories()).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Set<Category>>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> samples.stream()
                        .map(sample -> filter.check(sample.text(), FilterLevel.STRICT).categories()).toList()));
            }
            for (Future<List<Set<Category>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }

    private static Arguments blocked(String name, String text, Category... categories) {
        return argumentSet(name, text, Set.of(categories));
    }

    private static Arguments clean(String name, String text) {
        return argumentSet(name, text);
    }
}
