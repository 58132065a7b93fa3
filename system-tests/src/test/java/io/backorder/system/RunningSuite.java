package io.backorder.system;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteOptions;

/**
 * Starts the suite once per test JVM, the way the local stack does (real PostgreSQL, Artemis, SMTP catcher, every
 * service as its own process), and hands it to test methods and constructors. Stopped when the JVM's root context
 * closes, so nothing is left behind.
 */
public class RunningSuite implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(start(1)), Holder.class).suite;
    }

    static Suite start(int replicas) {
        Path root = Path.of(System.getProperty("backorder.home", "..")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("system-tests").resolve("target").resolve("suite-" + UUID.randomUUID());
        return Suite.start(SuiteOptions.forTests(root, dataDir, replicas, Map.of()));
    }

    record Holder(Suite suite) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            suite.close();
        }
    }
}
