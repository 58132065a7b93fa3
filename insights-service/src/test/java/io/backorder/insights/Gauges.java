package io.backorder.insights;

import static io.restassured.RestAssured.given;

import io.backorder.insights.service.KpiMetrics;
import io.quarkus.vertx.VertxContextSupport;

/** The Prometheus scrape as an operator's Prometheus would see it right after the gauges were refreshed. */
final class Gauges {

    private Gauges() {
    }

    static String refreshedScrape(KpiMetrics metrics) throws Throwable {
        VertxContextSupport.subscribeAndAwait(metrics::refresh);
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
