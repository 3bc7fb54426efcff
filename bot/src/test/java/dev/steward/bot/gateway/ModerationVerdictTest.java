package dev.steward.bot.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.safety.content.Category;
import dev.steward.safety.content.ContentModerator.Judgement;
import org.junit.jupiter.api.Test;

/** How Llama Guard's and ShieldGemma's answers are read. */
class ModerationVerdictTest {
    @Test
    void llamaGuardsVerdictsAndCategories() {
        assertThat(ModerationVerdict.parse("safe")).isInstanceOf(Judgement.Safe.class);
        assertThat(ModerationVerdict.parse("\n\nsafe\n")).isInstanceOf(Judgement.Safe.class);
        assertThat(ModerationVerdict.parse("unsafe\nS1,S10")).isEqualTo(
                new Judgement.Unsafe(java.util.Set.of(Category.VIOLENCE, Category.HATE)));
        assertThat(ModerationVerdict.parse("unsafe\nS11")).isEqualTo(
                new Judgement.Unsafe(java.util.Set.of(Category.SELF_HARM)));
    }

    @Test
    void aCategoryStewardHasNoNameForIsStillUnsafe() {
        assertThat(ModerationVerdict.parse("unsafe\nS13")).isEqualTo(new Judgement.Unsafe(java.util.Set.of()));
        assertThat(ModerationVerdict.parse("unsafe")).isEqualTo(new Judgement.Unsafe(java.util.Set.of()));
    }

    @Test
    void shieldGemmasYesAndNo() {
        assertThat(ModerationVerdict.parse("Yes")).isInstanceOf(Judgement.Unsafe.class);
        assertThat(ModerationVerdict.parse("No")).isInstanceOf(Judgement.Safe.class);
    }

    @Test
    void anythingElseIsNoVerdict() {
        assertThatThrownBy(() -> ModerationVerdict.parse("I think this might be fine")).isInstanceOf(
                IllegalStateException.class);
        assertThatThrownBy(() -> ModerationVerdict.parse("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModerationVerdict.parse(null)).isInstanceOf(IllegalStateException.class);
    }
}
