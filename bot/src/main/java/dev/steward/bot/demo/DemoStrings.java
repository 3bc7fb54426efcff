package dev.steward.bot.demo;

import java.nio.file.Path;
import java.util.Optional;

/** The demo's texts: the banner, Steward's greeting in the Kitchen, and how to add a model in one line. */
final class DemoStrings {
    static final String SPACE_NAME = "Family";
    static final String KITCHEN = "Kitchen";
    static final String KITCHEN_TOPIC = "The whole family, and Steward. Try !help, !ask, !remember, !policy.";
    static final String PARENTS = "Parents";
    static final String PARENTS_TOPIC = "Only the parents, and Steward. Try !policy @child:localhost, !audit.";
    static final String ADD_A_MODEL = "to let Steward answer, start Ollama (ollama pull llama3.2) or run"
            + " ./steward demo --model-url http://127.0.0.1:8080/v1 (any OpenAI-compatible server), or set"
            + " OPENAI_API_KEY, then start the demo again";

    private DemoStrings() {}

    static String welcome(Optional<DemoModel> model) {
        String start = "Hello, family! I am Steward. Ask me anything with !ask, or mention me. ";
        return start + model.map(found -> "I answer with " + found.modelId() + (found.local()
                        ? ", a local model: what you ask stays on your own machines. " : ", a cloud model. ")
                        + "Try !remember the spare key is under the blue pot, then !recall key. The child's"
                        + " policy keeps them on local models and off admin commands: try !policy as each of you.")
                .orElse("No model is configured yet, so !ask cannot answer: " + ADD_A_MODEL + ". Everything"
                        + " else works now: !help, !ping, !remember, !recall, !policy, !memory.");
    }

    static String modelLine(Optional<DemoModel> model) {
        return model.map(DemoModel::described).orElse("none found; " + ADD_A_MODEL);
    }

    static String ready(String homeserverUrl, DemoSpace space, Path dataDir, Optional<DemoModel> model) {
        return """

                Steward demo is running.

                  Homeserver:  %s   (server name: localhost)
                  Parent:      %s / %s   (an admin)
                  Child:       %s / %s   (the child's policy: local models only, fewer commands)
                  Space:       "%s", with the rooms "%s" (both) and "%s" (the parent)
                  Model:       %s

                Log in from Element: open Element Web or Element Desktop, choose "Sign in", edit the homeserver to
                %s, and sign in with a user and password above. Then say !ping or !ask in "%s".
                Data (config, registration, database, steward.log): %s
                Press Ctrl-C to stop Steward and Synapse.
                """.formatted(homeserverUrl, space.parent().user(), space.parent().password(), space.child().user(),
                space.child().password(), SPACE_NAME, KITCHEN, PARENTS, modelLine(model), homeserverUrl, KITCHEN,
                dataDir);
    }
}
