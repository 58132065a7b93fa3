package io.backorder.supplier;

import static io.backorder.supplier.Messages.field;
import static io.backorder.supplier.SupplierEtaEndpointTest.TODAY;
import static io.backorder.supplier.SupplierFixtures.agreement;
import static io.backorder.supplier.SupplierFixtures.asSupplier;
import static io.backorder.supplier.SupplierFixtures.lineId;
import static io.backorder.supplier.SupplierFixtures.operator;
import static io.backorder.supplier.SupplierFixtures.purchaseOrder;
import static io.backorder.supplier.SupplierFixtures.supplier;
import static io.backorder.supplier.SupplierFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.contracts.inventory.GoodsReceived;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the replenishment planner and suppliers learn: the supply terms of each SKU's preferred agreement with the
 * supplier's lead-time variability, and (the other way) the forecast of end-customer demand.
 */
@QuarkusTest
class SupplyTermsAndForecastTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    Messages messages;

    @BeforeEach
    void connect() {
        messages = new Messages(broker, codec);
    }

    @Test
    void thePlannerHearsThePreferredAgreementsTermsWhenTheyChange() {
        supplier("terms-a");
        supplier("terms-b");
        agreement("terms-a", "TERMS-1", "5.00", 10, Map.of("minOrderQuantity", 24, "packSize", 12));
        JsonNode first = messages.awaitSent(Addresses.INVENTORY_INBOX, "SupplyTermsChanged",
                field("sku", "TERMS-1").and(field("supplierId", "terms-a")));
        assertThat(first.path("leadTimeMeanDays").asDouble()).isEqualTo(10.0);
        assertThat(first.path("leadTimeStdDevDays").asDouble()).isEqualTo(0.0);
        assertThat(first.path("minimumOrderQuantity").asInt()).isEqualTo(24);
        assertThat(first.path("packSize").asInt()).isEqualTo(12);

        String cheaper = agreement("terms-b", "TERMS-1", "4.00", 7, Map.of());
        JsonNode switched = messages.awaitSent(Addresses.INVENTORY_INBOX, "SupplyTermsChanged",
                field("sku", "TERMS-1").and(field("supplierId", "terms-b")));
        assertThat(switched.path("leadTimeMeanDays").asDouble()).isEqualTo(7.0);
        assertThat(switched.path("minimumOrderQuantity").asInt()).isEqualTo(1);

        // A price change that keeps the same supplier and terms tells the planner nothing new.
        operator().body(terms("terms-b", "TERMS-1", "3.90", 7, Map.of()))
                .put("/agreements/{id}", cheaper)
                .then()
                .statusCode(200);
        Messages.awaitOutboxDrained();
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "SupplyTermsChanged", field("sku", "TERMS-1")))
                .hasSize(2);

        operator().body(Map.of("name", "B", "active", false)).put("/suppliers/terms-b").then().statusCode(200);
        Messages.awaitOutboxDrained();
        assertThat(messages.sent(Addresses.INVENTORY_INBOX, "SupplyTermsChanged", field("sku", "TERMS-1")))
                .extracting(envelope -> envelope.path("data").path("supplierId").asText())
                .containsExactly("terms-a", "terms-b", "terms-a");
    }

    @Test
    void leadTimeVariabilityComesFromActualDeliveries() {
        supplier("terms-var");
        agreement("terms-var", "TERMS-VAR", "5.00", 10, Map.of());
        String po1 = purchaseOrder("terms-var", "wh-1", Map.of("TERMS-VAR", 5));
        String po2 = purchaseOrder("terms-var", "wh-1", Map.of("TERMS-VAR", 5));

        messages.sendAt(new GoodsReceived(UUID.randomUUID(), "TERMS-VAR", "wh-1", 5, po1, lineId(po1, 1)),
                at(3));
        Messages.awaitProcessed(messages.sendAt(new GoodsReceived(UUID.randomUUID(), "TERMS-VAR", "wh-1", 5, po2,
                lineId(po2, 1)), at(7)));

        // lead times 3 and 7 days: sample standard deviation sqrt(8)
        JsonNode varied = messages.awaitSent(Addresses.INVENTORY_INBOX, "SupplyTermsChanged",
                field("sku", "TERMS-VAR").and(data -> data.path("leadTimeStdDevDays").asDouble() > 0));
        assertThat(varied.path("leadTimeStdDevDays").asDouble()).isEqualTo(2.83);
        assertThat(varied.path("leadTimeMeanDays").asDouble()).isEqualTo(10.0);
    }

    @Test
    void suppliersSeeTheDemandForecastOfTheSkusTheySupplyOnly() {
        supplier("fc-supplier");
        supplier("fc-stranger");
        agreement("fc-supplier", "FC-1", "5.00", 10, Map.of());
        agreement("fc-stranger", "FC-OTHER", "5.00", 10, Map.of());
        Instant now = Instant.now();

        messages.sendAt(new DemandForecastUpdated("FC-1", TODAY, List.of(1.5, 2.0, 2.5), "holt", 0.4, -0.1, null), now);
        // Made earlier but arriving later: it must not replace the newer forecast.
        Messages.awaitProcessed(messages.sendAt(new DemandForecastUpdated("FC-1", TODAY.minusDays(7), List.of(9.0),
                "ses", 3.0, 1.0, null), now.minusSeconds(3600)));

        asSupplier("fc-supplier").get("/supplier/forecasts")
                .then()
                .statusCode(200)
                .body("sku", contains("FC-1"))
                .body("[0].dailyForecast", contains(1.5f, 2.0f, 2.5f))
                .body("[0].method", equalTo("holt"));
        asSupplier("fc-supplier").get("/supplier/forecasts/FC-1")
                .then()
                .statusCode(200)
                .body("from", equalTo(TODAY.toString()));
        asSupplier("fc-stranger").get("/supplier/forecasts/FC-1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asSupplier("fc-stranger").get("/supplier/forecasts").then().statusCode(200).body("$", hasSize(0));
    }

    private static Instant at(int daysFromToday) {
        return TODAY.plusDays(daysFromToday).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
