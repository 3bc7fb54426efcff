package dev.steward.bot.gateway;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** One configured model as the gateway calls it, streamed or not. Blocking: the gateway calls it on a worker. */
interface ModelClient {
    /**
     * @param usage as the provider reported it, empty when it did not
     * @param firstTokenMs from sending the request to the first words of the answer, when they came streamed
     */
    record Reply(String text, Optional<TokenUsage> usage, OptionalLong firstTokenMs) {}

    /**
     * @param soFar receives the answer so far while it streams (never called by providers that do not stream)
     * @throws RuntimeException when the provider fails, refuses or stays silent past the model's timeout
     */
    Reply chat(List<ChatMessage> messages, Consumer<String> soFar);
}
