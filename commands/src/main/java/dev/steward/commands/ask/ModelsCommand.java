package dev.steward.commands.ask;

import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;
import java.util.stream.Collectors;

/** {@code !models [sample question]}: the models the sender may use here, and where a question would go and why. */
public final class ModelsCommand {
    static final String DEFAULT_SAMPLE = "What should we cook tonight?";

    private final ModelCatalog catalog;

    private ModelsCommand(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public static CommandSpec spec(ModelCatalog catalog) {
        return CommandSpec.of("models", "models [sample question]",
                "the models you may use here, and where a question would go", new ModelsCommand(catalog)::handle)
                .always();
    }

    private Future<Void> handle(CommandContext context) {
        String sample = context.arguments().isBlank() ? DEFAULT_SAMPLE : context.arguments();
        return catalog.listing(context.caller(), context.event(), sample)
                .map(listing -> render(listing, sample))
                .compose(context::reply)
                .mapEmpty();
    }

    static String render(ModelCatalog.Listing listing, String sample) {
        StringBuilder text = new StringBuilder();
        if (listing.allowed().isEmpty()) {
            text.append("You may not use any configured model here.");
        } else {
            text.append("Models you may use here: ").append(listing.allowed().stream()
                    .map(model -> model.name() + (model.local() ? " 🔒" : "")
                            + (listing.roomDefault().filter(model.name()::equals).isPresent() ? " (room default)" : ""))
                    .collect(Collectors.joining(", "))).append('.');
        }
        if (listing.privateRoom()) {
            text.append("\nThis room is private: every request stays on local models (🔒).");
        }
        text.append("\nA question like \"").append(abbreviated(sample)).append("\" ");
        listing.route().ifPresentOrElse(
                route -> {
                    text.append("would go to ").append(route.models().get(0)).append(" (").append(route.reason())
                            .append(')');
                    if (route.models().size() > 1) {
                        text.append(", then ").append(String.join(", then ", route.models().subList(1,
                                route.models().size()))).append(" if it fails");
                    }
                    text.append('.');
                },
                () -> text.append("would not be answered: ").append(listing.refusal().orElse("no model")));
        return text.toString();
    }

    private static String abbreviated(String sample) {
        return sample.length() <= 60 ? sample : sample.substring(0, 57) + "…";
    }
}
