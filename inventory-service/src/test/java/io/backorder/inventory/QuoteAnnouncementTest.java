package io.backorder.inventory;

import static io.backorder.inventory.Wire.field;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every quote has an id the order can name; a quote that showed a backorder or pre-order reaches the insights inbox
 * on the broker as {@code BackorderQuoted}, listing only those lines. Quotes still hold no stock.
 */
@QuarkusTest
class QuoteAnnouncementTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Test
    void aQuoteShowingABackorderIsAnnouncedToInsights() {
        InventoryFixtures.location("qa-wh");
        InventoryFixtures.location("qa-north");
        InventoryFixtures.sku("QA-PARTIAL", "ALLOW", Map.of("leadTimeDays", 10));
        InventoryFixtures.stock("QA-PARTIAL", "qa-wh", 1);
        InventoryFixtures.stock("QA-PARTIAL", "qa-north", 2);
        InventoryFixtures.sku("QA-LAUNCH", "PREORDER", Map.of("launchDate",
                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        InventoryFixtures.sku("QA-SHELF", "DENY", Map.of());
        InventoryFixtures.stock("QA-SHELF", "qa-wh", 5);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonPath quote = quote(Map.of("sku", "QA-PARTIAL", "quantity", 3), Map.of("sku", "QA-LAUNCH", "quantity", 1),
                Map.of("sku", "QA-SHELF", "quantity", 1), Map.of("sku", "QA-NOWHERE", "quantity", 1));

        UUID quoteId = UUID.fromString(quote.getString("quoteId"));
        assertThat(quote.getList("lines.availability")).containsExactly("BACKORDERABLE", "PREORDERABLE",
                "AVAILABLE_NOW", "NOT_ORDERABLE");
        JsonNode announced = new Wire(broker, codec).awaitToInsights("BackorderQuoted", field("quoteId", quoteId));
        assertThat(Instant.parse(announced.path("quotedAt").asText())).isAfterOrEqualTo(before);
        JsonNode lines = announced.path("lines");
        assertThat(lines).hasSize(2);
        // 2 of the 3 units can ship now, from the warehouse holding the most
        assertThat(lines.get(0).path("sku").asText()).isEqualTo("QA-PARTIAL");
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(lines.get(0).path("kind").asText()).isEqualTo("BACKORDER");
        assertThat(lines.get(0).path("promiseDate").asText()).isEqualTo(quote.getString("lines[0].promiseDate"));
        assertThat(lines.get(0).path("locationId").asText()).isEqualTo("qa-north");
        assertThat(lines.get(1).path("sku").asText()).isEqualTo("QA-LAUNCH");
        assertThat(lines.get(1).path("kind").asText()).isEqualTo("PREORDER");
        assertThat(lines.get(1).path("promiseDate").asText()).isEqualTo(quote.getString("lines[1].promiseDate"));
        assertThat(lines.get(1).hasNonNull("locationId")).isFalse();
        given().auth().oauth2(Tokens.operator()).get("/stock/QA-PARTIAL").then().body("reserved", equalTo(0));
    }

    @Test
    void aQuoteShowingNoBackorderIsNotAnnounced() {
        InventoryFixtures.location("qn-wh");
        InventoryFixtures.sku("QN-SHELF", "DENY", Map.of());
        InventoryFixtures.stock("QN-SHELF", "qn-wh", 5);
        InventoryFixtures.sku("QN-LATER", "ALLOW", Map.of());

        UUID inStock = UUID.fromString(quote(Map.of("sku", "QN-SHELF", "quantity", 2),
                Map.of("sku", "QN-SHELF", "quantity", 9)).getString("quoteId"));
        // the outbox is relayed in order: once a later quote's announcement is on the broker, an earlier one would be
        UUID later = UUID.fromString(quote(Map.of("sku", "QN-LATER", "quantity", 1)).getString("quoteId"));
        Wire wire = new Wire(broker, codec);
        wire.awaitToInsights("BackorderQuoted", field("quoteId", later));

        assertThat(inStock).isNotEqualTo(later);
        assertThat(wire.toInsights("BackorderQuoted", field("quoteId", inStock))).isEmpty();
    }

    @SafeVarargs
    private static JsonPath quote(Map<String, Object>... lines) {
        return given().auth()
                .oauth2(Tokens.platform())
                .contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(lines)))
                .post("/quotes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
