package dev.steward.bot.bench;

import dev.steward.bot.crypto.DecryptBenchmark;

/** The bot module's benchmarks, one after the other; each writes its own rows of docs/benchmarks.md. */
public final class BotBenchmarks {
    private BotBenchmarks() {}

    public static void main(String[] args) throws Exception {
        AnswerOverheadBenchmark.main(args);
        EncryptedAnswerBenchmark.main(args);
        DecryptBenchmark.main(args);
    }
}
