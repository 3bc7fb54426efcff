package dev.steward.bot.gateway;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.steward.safety.content.ContentModerator;
import java.time.Duration;

/**
 * A local moderation model (Llama Guard, ShieldGemma and the like, served OpenAI-compatibly or by Ollama), asked
 * through the gateway's providers about a text the content classifier is unsure of. The prompt is Llama Guard's
 * own task format; the answer is read by {@link ModerationVerdict}. Blocking, with the configured timeout; a
 * failure is thrown, and {@code ContentCheck} decides what it means (held back for children).
 */
public final class ModerationClient implements ContentModerator {
    private static final String TASK = """
            Task: Check if there is unsafe content in 'User' messages in conversations according to our safety \
            policy with the below categories.

            <BEGIN UNSAFE CONTENT CATEGORIES>
            S1: Violent Crimes.
            S2: Non-Violent Crimes.
            S3: Sex Crimes.
            S4: Child Exploitation.
            S5: Defamation.
            S6: Specialized Advice.
            S7: Privacy.
            S8: Intellectual Property.
            S9: Indiscriminate Weapons.
            S10: Hate.
            S11: Self-Harm.
            S12: Sexual Content.
            S13: Elections.
            <END UNSAFE CONTENT CATEGORIES>

            <BEGIN CONVERSATION>

            User: %s

            <END CONVERSATION>

            Provide your safety assessment for ONLY THE LAST User message in the above conversation:
             - First line must read 'safe' or 'unsafe'.
             - If unsafe, a second line must include a comma-separated list of violated categories.""";

    private final ChatModel model;

    ModerationClient(ChatModel model) {
        this.model = model;
    }

    /** The client for the configured moderation model, which the config loader checked is local. */
    public static ModerationClient of(ModelEntry entry, Duration timeout) {
        return new ModerationClient(ProviderFactory.moderation(entry, timeout));
    }

    @Override
    public Judgement judge(String text) {
        String answer = model.chat(UserMessage.from(TASK.formatted(text))).aiMessage().text();
        return ModerationVerdict.parse(answer);
    }
}
