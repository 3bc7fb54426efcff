package dev.steward.bot.gateway;

import java.util.List;
import java.util.stream.Collectors;

/** What members read from the model gateway. */
public final class GatewayStrings {
    // The footer below, and the budget reminder that may precede it.
    private static final java.util.regex.Pattern FOOTER = java.util.regex.Pattern.compile(
            "(\\n\\n\\(You have used most of your [^\\n]*\\))?\\n\\n— [^\\n]{1,100}$");

    static final String NO_MODEL_CONFIGURED = "No model is configured yet, so I cannot answer questions. An admin can"
            + " add one under 'models' in Steward's config (docs/configuration.md#models); every command still works.";
    static final String NO_LOCAL_MODEL = "This request has to stay on a local model (your policy, or personal data in"
            + " it), and no local model is available to you.";
    static final String ALL_FAILED = "Sorry, none of the models I may use for this answered. Please try again later.";
    static final String BLOCKED_PII = "Your message contains personal data (%s), and your policy does not let me"
            + " send that to a model. Please ask without it.";

    static final String LIST_UNREADABLE = "its model list could not be read";
    static final String CONNECTION_REFUSED = "connection refused";

    private GatewayStrings() {}

    static String notListed(String modelId) {
        return "the server does not list " + modelId;
    }

    static String keyRefused(int status, boolean keyConfigured) {
        return keyConfigured ? "the API key is refused (HTTP " + status + ")"
                : "it wants an API key (HTTP " + status + "; set api_key_env)";
    }

    static String listFailed(int status) {
        return "its model list answered HTTP " + status;
    }

    static String noAnswerWithin(java.time.Duration timeout) {
        return "no answer within " + timeout.toSeconds() + " s";
    }

    static String unknownHost(String host) {
        return "unknown host " + host;
    }

    static String notAllowed(String asked, List<ModelEntry> allowed) {
        String list = allowed.isEmpty() ? "none" : allowed.stream().map(ModelEntry::name).collect(Collectors.joining(", "));
        return (asked == null ? "You may not use any configured model." : "You may not use " + asked + ".")
                + " Models you may use: " + list + ".";
    }

    static String mustStayLocal(String asked, List<ModelEntry> local) {
        String list = local.isEmpty() ? "none" : local.stream().map(ModelEntry::name).collect(Collectors.joining(", "));
        return asked + " is not a local model, and this request has to stay on one. Local models you may use: "
                + list + ".";
    }

    static String overBudget(dev.steward.safety.budget.BudgetDecision.OverBudget over) {
        String period = over.period() == dev.steward.safety.budget.Period.DAY ? "daily" : "monthly";
        return "You have used your " + period + " budget for model answers. It starts again on "
                + java.time.format.DateTimeFormatter.ofPattern("d MMM 'at' HH:mm", java.util.Locale.ENGLISH)
                        .format(over.resetsAt()) + " (" + over.resetsAt().getZone().getId() + ")."
                + " An admin can raise it with !policy set.";
    }

    static String nearLimit(dev.steward.safety.budget.Period period) {
        return "\n\n(You have used most of your " + (period == dev.steward.safety.budget.Period.DAY ? "daily" : "monthly")
                + " budget for model answers; !budget shows what is left.)";
    }

    /** An answer as a model wrote it: without the footer (and budget reminder) Steward added. */
    public static String withoutFooter(String answer) {
        return FOOTER.matcher(answer).replaceFirst("").strip();
    }

    static String footer(ModelEntry model) {
        return "\n\n— " + model.name() + (model.local() ? " 🔒" : "");
    }
}
