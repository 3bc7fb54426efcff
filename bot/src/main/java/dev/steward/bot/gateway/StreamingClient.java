package dev.steward.bot.gateway;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A streamed call. The model's timeout bounds the silence, not the whole answer: a long answer that keeps coming is
 * fine, a provider that stops sending (before or during the answer) fails the call so the next model gets its turn.
 */
final class StreamingClient implements ModelClient {
    private final StreamingChatModel model;
    private final Duration silence;

    StreamingClient(StreamingChatModel model, Duration silence) {
        this.model = model;
        this.silence = silence;
    }

    @Override
    public Reply chat(List<ChatMessage> messages, Consumer<String> soFar) {
        long started = System.nanoTime();
        Handler handler = new Handler(soFar, started);
        model.chat(messages, handler);
        ChatResponse response = handler.await(silence);
        long first = handler.firstTokenNanos;
        return new Reply(response.aiMessage().text() != null ? response.aiMessage().text() : handler.text(),
                Optional.ofNullable(response.tokenUsage()),
                first == 0 ? OptionalLong.empty() : OptionalLong.of((first - started) / 1_000_000));
    }

    private static final class Handler implements StreamingChatResponseHandler {
        private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final Consumer<String> soFar;
        private volatile long lastHeardNanos;
        private volatile long firstTokenNanos;
        // Set once the call gave up: a late stream must not write into the answer the next model is giving.
        private volatile boolean abandoned;

        Handler(Consumer<String> soFar, long started) {
            this.soFar = soFar;
            this.lastHeardNanos = started;
        }

        @Override
        public void onPartialResponse(String partial) {
            if (abandoned) {
                return;
            }
            long now = System.nanoTime();
            lastHeardNanos = now;
            if (firstTokenNanos == 0) {
                firstTokenNanos = now;
            }
            String current;
            synchronized (text) {
                current = text.append(partial).toString();
            }
            soFar.accept(current);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        ChatResponse await(Duration silence) {
            while (true) {
                long quietFor = System.nanoTime() - lastHeardNanos;
                long left = silence.toNanos() - quietFor;
                if (left <= 0) {
                    abandoned = true;
                    throw new ModelTimeoutException("no answer for " + silence.toSeconds() + " s");
                }
                try {
                    return done.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Heard from since? The loop measures again from the last words.
                } catch (ExecutionException e) {
                    abandoned = true;
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandoned = true;
                    throw new ModelTimeoutException("interrupted while waiting for the answer");
                }
            }
        }
    }

    /** The provider went quiet for longer than the model's timeout. */
    static final class ModelTimeoutException extends RuntimeException {
        ModelTimeoutException(String message) {
            super(message);
        }
    }
}
