package io.backorder.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The suite's public APIs as a platform, an operator and suppliers use them. */
final class SuiteApi {

    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    private final Suite suite;

    SuiteApi(Suite suite) {
        this.suite = suite;
    }

    RequestSpecification asOperator(SuiteService service) {
        return given().baseUri(suite.baseUrl(service))
                .auth()
                .oauth2(suite.keys().operatorToken())
                .contentType(ContentType.JSON);
    }

    RequestSpecification asPlatform(SuiteService service) {
        return given().baseUri(suite.baseUrl(service))
                .auth()
                .oauth2(suite.keys().platformToken())
                .contentType(ContentType.JSON);
    }

    RequestSpecification asSupplier(String supplierId) {
        return given().baseUri(suite.baseUrl(SuiteService.SUPPLIER))
                .auth()
                .oauth2(suite.keys()
                        .supplierToken(
                                supplierId))
                .contentType(ContentType.JSON);
    }

    // --- inventory, as an operator ---

    void location(String id) {
        asOperator(SuiteService.INVENTORY).body(Map.of("name", "Warehouse " + id))
                .put("/locations/{id}", id)
                .then()
                .statusCode(200);
    }

    void sku(String sku, String policy, BigDecimal unitPrice, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("name", "Item " + sku);
        body.put("backorderPolicy", policy);
        body.put("unitPrice", unitPrice);
        asOperator(SuiteService.INVENTORY).body(body).put("/skus/{sku}", sku).then().statusCode(200);
    }

    void stock(String sku, String location, int delta) {
        asOperator(SuiteService.INVENTORY)
                .body(Map.of("sku", sku, "locationId", location, "delta", delta, "reason", "INITIAL_COUNT"))
                .post("/stock/adjustments")
                .then()
                .statusCode(200);
    }

    JsonPath stockOf(String sku) {
        return asOperator(SuiteService.INVENTORY).get("/stock/{sku}", sku)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    void receive(String location, String sku, int quantity, String purchaseOrderLineId) {
        Map<String, Object> line = new HashMap<>(Map.of("sku", sku, "quantity", quantity));
        if (purchaseOrderLineId != null) {
            line.put("purchaseOrderLineId", purchaseOrderLineId);
        }
        asOperator(SuiteService.INVENTORY).body(Map.of("locationId", location, "lines", List.of(line)))
                .post("/receipts")
                .then()
                .statusCode(201);
    }

    // --- suppliers ---

    void supplier(String id) {
        asOperator(SuiteService.SUPPLIER)
                .body(Map.of("name", "Supplier " + id, "contactEmail", id.toLowerCase() + "@supplier.test",
                        "active", true))
                .put("/suppliers/{id}", id)
                .then()
                .statusCode(200);
    }

    void agreement(String supplierId, String sku, BigDecimal unitPrice, int leadTimeDays) {
        agreement(supplierId, sku, unitPrice, leadTimeDays, 1);
    }

    void agreement(String supplierId, String sku, BigDecimal unitPrice, int leadTimeDays, int minOrderQuantity) {
        asOperator(SuiteService.SUPPLIER)
                .body(Map.of("supplierId", supplierId, "sku", sku, "currency", "EUR", "unitPrice", unitPrice,
                        "leadTimeDays", leadTimeDays, "validFrom", "2020-01-01", "minOrderQuantity",
                        minOrderQuantity, "packSize", 1))
                .post("/agreements")
                .then()
                .statusCode(201);
    }

    /** An operator's purchase order; returns its id and first line id. */
    String[] purchaseOrder(String supplierId, String location, String sku, int quantity, String needBy) {
        JsonPath po = asOperator(SuiteService.SUPPLIER)
                .body(Map.of("supplierId", supplierId, "locationId", location,
                        "lines", List.of(Map.of("sku", sku, "quantity", quantity, "needBy", needBy,
                                "urgent", false))))
                .post("/purchase-orders")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new String[]{po.getString("id"), po.getString("lines[0].id")};
    }

    void setEta(String supplierId, String purchaseOrderId, String lineId, String eta) {
        asSupplier(supplierId).body(Map.of("eta", eta, "reason", "production plan"))
                .post("/supplier/purchase-orders/{id}/lines/{line}/eta", purchaseOrderId, lineId)
                .then()
                .statusCode(200);
    }

    // --- orders, as a platform ---

    String placeOrder(String customerId, String tier, String shipping, String paymentMethod, String email,
            List<Map<String, Object>> lines) {
        return placeOrder(Map.of(), customerId, tier, shipping, paymentMethod, email, lines);
    }

    /** Places an order with extra request headers, e.g. the platform's W3C {@code traceparent}. */
    String placeOrder(Map<String, String> headers, String customerId, String tier, String shipping,
            String paymentMethod, String email, List<Map<String, Object>> lines) {
        Map<String, Object> customer = new HashMap<>(Map.of("id", customerId, "tier", tier, "locale", "en"));
        customer.put("email", email);
        return asPlatform(SuiteService.ORDER).headers(headers)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("currency", "EUR", "shipping", shipping, "paymentMethod", paymentMethod,
                        "customer", customer, "lines", lines))
                .post("/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice));
    }

    JsonPath order(String orderId) {
        return asPlatform(SuiteService.ORDER).get("/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits for the order to satisfy the condition; on timeout the failure shows the order as it last was. */
    JsonPath awaitOrder(String orderId, Predicate<JsonPath> condition) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        try {
            return await().atMost(FLOW_TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        last.set(order(orderId));
                        return last.get();
                    }, condition::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Order " + orderId + " did not get there; last seen: "
                    + (last.get() == null ? "nothing" : last.get().prettify()), e);
        }
    }

    void ship(String orderId, String shipmentId, String lineId, int quantity) {
        asPlatform(SuiteService.ORDER)
                .body(Map.of("shipmentId", shipmentId, "lines", List.of(Map.of("lineId", lineId, "quantity",
                        quantity))))
                .post("/orders/{id}/shipments", orderId)
                .then()
                .statusCode(202);
    }
}
