package dev.steward.homeserver.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real Synapse once per test run (the first test class that needs it starts it; the end of the run
 * stops it) and hands it to tests as a {@link TestHomeserver} parameter.
 */
public final class SynapseExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SynapseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        homeserver(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestHomeserver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return homeserver(context);
    }

    private static TestHomeserver homeserver(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("synapse", key -> started(), Running.class).homeserver();
    }

    private static Running started() {
        try {
            return new Running(TestHomeserver.start());
        } catch (Exception e) {
            throw new IllegalStateException("the test Synapse did not start: " + e.getMessage(), e);
        }
    }

    /** Closed by JUnit when the root context ends, that is after the last test of the run. */
    private record Running(TestHomeserver homeserver)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            homeserver.close();
        }
    }
}
