package io.backorder.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Operator endpoints: roles, problem details, and the record of every message. */
@QuarkusTest
class OperatorApiTest extends NotificationTestSupport {

    @Test
    void readinessChecksDatabaseAndBroker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }

    @Test
    void operatorEndpointsNeedTheOperatorRole() {
        for (String path : new String[]{"/orders/" + UUID.randomUUID() + "/notifications", "/sms",
                "/contact-clicks", "/customers/c-1/preferences"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth()
                    .oauth2(Tokens.platform())
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.platform())
                .post("/customers/c-1/opt-out")
                .then()
                .statusCode(403);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        given().auth()
                .oauth2(Tokens.operator())
                .get("/orders/{id}/notifications", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.operator())
                .get("/orders/not-a-uuid/notifications")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", false))
                .put("/customers/{id}/preferences", "c-bad")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("smsEnabled"));
        given().auth()
                .oauth2(Tokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"emailEnabled\": ")
                .put("/customers/{id}/preferences", "c-bad")
                .then()
                .statusCode(400)
                .body("detail", not(containsString("Exception")));
        given().auth()
                .oauth2(Tokens.operator())
                .get("/customers/{id}/preferences", "c-bad")
                .then()
                .statusCode(200)
                .body("emailEnabled", equalTo(true))
                .body("smsEnabled", equalTo(true));
        given().auth().oauth2(Tokens.operator()).queryParam("limit", 0).get("/sms").then().statusCode(400);
    }

    @Test
    void everyMessageOfAnOrderIsOnRecordWithItsDeliveries() {
        // Both messages can carry the same timestamp, so the list's order says nothing: select by kind.
        String confirmationPath = "find { it.kind == 'BACKORDER_CONFIRMATION' }";
        SagaRequests saga = new SagaRequests().withPhone("+4915300000" + (100 + (int) (Math.random() * 800)));
        SendCustomerMessage confirmation = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);
        send(confirmation);
        awaitOutcome(saga.orderId, confirmation.deduplicationKey());
        SendCustomerMessage small = saga.promiseMovesTo(SagaRequests.FIRST_PROMISE.plusDays(1))
                .message(CustomerMessageKind.PROMISE_DATE_CHANGED);
        send(small);
        awaitOutcome(saga.orderId, small.deduplicationKey());

        given().auth()
                .oauth2(Tokens.operator())
                .get("/orders/{id}/notifications", saga.orderId)
                .then()
                .statusCode(200)
                .body("kind", hasItems("BACKORDER_CONFIRMATION", "PROMISE_DATE_CHANGED"))
                .body("status", hasItems("DELIVERED", "SUPPRESSED"))
                .body("reason", hasItem("BELOW_TOLERANCE"))
                .body(confirmationPath + ".deliveries.channel", hasItems("EMAIL", "SMS"))
                .body(confirmationPath + ".deliveries.status", hasItems("SENT"))
                .body(confirmationPath + ".deliveries[0].attemptLog[0].outcome", equalTo("SENT"));
    }
}
