package io.backorder.localstack;

import java.nio.file.Path;

/** The five services of the suite, where their built application lives, and their default local ports. */
public enum SuiteService {

    INVENTORY("inventory-service", "inventory", 8082), ORDER("order-service", "orders", 8081), SUPPLIER(
            "supplier-service", "suppliers",
            8083), NOTIFICATION("notification-service", "notifications", 8084), INSIGHTS(
                    "insights-service", "insights", 8085);

    private final String module;
    private final String database;
    private final int defaultPort;

    SuiteService(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
