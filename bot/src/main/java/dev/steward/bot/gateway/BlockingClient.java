package dev.steward.bot.gateway;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** A call to a model configured with {@code stream: false}: the whole answer at once, posted in one message. */
final class BlockingClient implements ModelClient {
    private final ChatModel model;

    BlockingClient(ChatModel model) {
        this.model = model;
    }

    @Override
    public Reply chat(List<ChatMessage> messages, Consumer<String> soFar) {
        ChatResponse response = model.chat(messages);
        return new Reply(response.aiMessage().text(), Optional.ofNullable(response.tokenUsage()),
                OptionalLong.empty());
    }
}
