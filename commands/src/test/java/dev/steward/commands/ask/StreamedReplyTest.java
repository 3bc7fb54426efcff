package dev.steward.commands.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.commands.Family;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.TestMessages;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamedReplyTest {
    private final RecordingReplies replies = new RecordingReplies();
    private final MatrixEvent question = TestMessages.text("!ask plan our day");

    private Future<StreamedReply.Posted> answer(ModelPort models, Duration interval) {
        return StreamedReply.answer(models, replies, new ModelPort.Question(question, Family.sender(), "plan our day", Optional.empty()),
                "ask:answer", interval);
    }

    @Test
    void anAnswerThatDidNotStreamIsPostedOnceWhileTypingIsShown() {
        answer((q, progress) -> Future.succeededFuture("Walk, then lunch."), StreamedReply.EDIT_INTERVAL);

        assertThat(replies.onlyText()).isEqualTo("Walk, then lunch.");
        assertThat(replies.edits()).isEmpty();
        assertThat(replies.typing()).containsExactly(true, false);
    }

    @Test
    void aStreamedAnswerIsPostedOnceThenEditedUntilTheWholeAnswerIsThere() {
        answer((q, progress) -> {
            progress.accept("Walk");
            progress.accept("Walk, then");
            return Future.succeededFuture("Walk, then lunch.");
        }, Duration.ZERO);

        assertThat(replies.onlyText()).isEqualTo("Walk …");
        assertThat(replies.edits()).extracting(RecordingReplies.Edit::text)
                .containsExactly("Walk, then …", "Walk, then lunch.");
        assertThat(replies.edits()).extracting(RecordingReplies.Edit::revision).containsExactly(1, 2);
        assertThat(replies.edits()).extracting(RecordingReplies.Edit::original).containsOnly(EventId.of("$reply1"));
    }

    @Test
    void textArrivingFasterThanTheIntervalWaitsAndTheFinalTextAlwaysGoesOut() {
        answer((q, progress) -> {
            List.of("W", "Wa", "Wal", "Walk").forEach(progress);
            return Future.succeededFuture("Walk, then lunch.");
        }, Duration.ofHours(1));

        assertThat(replies.onlyText()).isEqualTo("W …");
        assertThat(replies.edits()).extracting(RecordingReplies.Edit::text).containsExactly("Walk, then lunch.");
    }

    @Test
    void aRefusalBeforeAnyTextIsLeftToTheCallerAndOneAfterReplacesThePartialAnswer() {
        Future<StreamedReply.Posted> refused = answer((q, progress) -> Future.failedFuture(new UserFacingException("No model.")),
                Duration.ZERO);
        assertThat(refused.cause()).isInstanceOf(UserFacingException.class).hasMessage("No model.");
        assertThat(replies.notices()).isEmpty();

        answer((q, progress) -> {
            progress.accept("Walk");
            return Future.failedFuture(new UserFacingException("Sorry, none of the models answered."));
        }, Duration.ZERO);

        assertThat(replies.onlyText()).isEqualTo("Walk …");
        assertThat(replies.edits()).extracting(RecordingReplies.Edit::text)
                .containsExactly("Sorry, none of the models answered.");
    }
}
