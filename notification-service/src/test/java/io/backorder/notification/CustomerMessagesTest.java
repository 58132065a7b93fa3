package io.backorder.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.infra.MailCatcher;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Messages the saga asks for, through the real broker, out through the real SMTP server. */
@QuarkusTest
class CustomerMessagesTest extends NotificationTestSupport {

    @Test
    void backorderConfirmationIsMailedInEnglishWithWorkingLinks() {
        SagaRequests saga = new SagaRequests();
        SendCustomerMessage request = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);

        send(request);

        MailCatcher.CapturedMail mail = awaitMail(saga.email, 1);
        assertThat(mail.subject()).isEqualTo("Backorder Demo Shop: Some items of your order are on backorder (Order "
                + saga.reference + ")");
        assertThat(mail.from()).isEqualTo("orders@shop.example");
        assertThat(mail.htmlBody()).contains("Thank you for your order", "Gadget Nine", "On backorder",
                "March 12, 2031", "Contact us", "service@shop.example", "+49 30 1234567");
        assertThat(mail.textBody()).contains("Gadget Nine", "March 12, 2031", "View your order: http");
        String token = token(mail.htmlBody());
        assertThat(token(mail.textBody())).isEqualTo(token);
        assertThat(mail.htmlBody()).doesNotContain(saga.orderId.toString(), saga.customerId)
                .contains("/c/" + token + "/contact?via=email");

        given().get("/c/{token}", token)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .body(containsString("Order " + saga.reference), containsString("On backorder"),
                        containsString("March 12, 2031"), containsString("Contact us"));
        given().redirects()
                .follow(false)
                .get("/c/{token}/contact?via=email", token)
                .then()
                .statusCode(303)
                .header("Location", equalTo("https://shop.example/contact"));
        JsonNode outcome = awaitOutcome(saga.orderId, request.deduplicationKey());
        assertThat(outcome.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(outcome.path("channels").asText()).isEqualTo("EMAIL");
        assertThat(outcome.path("kind").asText()).isEqualTo("BACKORDER_CONFIRMATION");
    }

    @Test
    void aGermanCustomerGetsGermanMail() {
        SagaRequests saga = new SagaRequests().inGerman();

        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));

        MailCatcher.CapturedMail mail = awaitMail(saga.email, 1);
        assertThat(mail.subject()).isEqualTo("Backorder Demo Shop: Einige Artikel Ihrer Bestellung sind "
                + "nachbestellt (Bestellung " + saga.reference + ")");
        assertThat(mail.htmlBody()).contains("lang=\"de\"", "Vielen Dank für Ihre Bestellung", "Nachbestellt",
                "12. März 2031", "Kontakt aufnehmen");
        assertThat(mail.textBody()).contains("Bestellung ansehen: http", "12. März 2031");
        given().get("/c/{token}", token(mail.htmlBody()))
                .then()
                .statusCode(200)
                .body(containsString("lang=\"de\""), containsString("Nachbestellt"), containsString("12. März 2031"));
    }

    @Test
    void everyKindOfMessageIsWrittenInBothLanguages() {
        Map<SagaRequests, CustomerMessageKind> sent = new LinkedHashMap<>();
        for (String language : List.of("en", "de")) {
            for (CustomerMessageKind kind : CustomerMessageKind.values()) {
                SagaRequests saga = new SagaRequests();
                saga.locale = language;
                SendCustomerMessage request = kind == CustomerMessageKind.OFFER
                        || kind == CustomerMessageKind.OFFER_REMINDER
                                ? saga.offerMessage(clock.instant())
                                : saga.message(kind);
                send(new SendCustomerMessage(request.orderId(), kind, request.contact(), request.order(),
                        request.offer(), request.allowedActions(), request.deduplicationKey()));
                if (kind == CustomerMessageKind.PROMISE_DATE_CHANGED) {
                    awaitScheduled(saga.orderId, request.deduplicationKey());
                    clock.advance(Duration.ofMinutes(16)); // promise changes wait out the coalescing window
                }
                sent.put(saga, kind);
            }
        }

        Map<String, Set<String>> subjects = new HashMap<>();
        sent.forEach((saga, kind) -> {
            MailCatcher.CapturedMail mail = awaitMail(saga.email, 1);
            assertThat(mail.htmlBody()).as("%s in %s", kind, saga.locale).contains(saga.reference, "/c/");
            assertThat(mail.textBody()).as("%s in %s", kind, saga.locale).contains(saga.reference, "/c/");
            subjects.computeIfAbsent(saga.locale, ignored -> new HashSet<>())
                    .add(mail.subject().replace(saga.reference, ""));
        });
        assertThat(subjects.get("en")).hasSize(CustomerMessageKind.values().length);
        assertThat(subjects.get("de")).hasSize(CustomerMessageKind.values().length)
                .doesNotContainAnyElementsOf(
                        subjects.get("en"));
    }

    @Test
    void anSmsGoesThroughTheSandboxProviderWithAWorkingLink() {
        String phone = "+491511" + (1000000 + new Random().nextInt(8999999));
        SagaRequests saga = new SagaRequests().smsOnly(phone);
        SendCustomerMessage request = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);

        send(request);

        JsonNode outcome = awaitOutcome(saga.orderId, request.deduplicationKey());
        assertThat(outcome.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(outcome.path("channels").asText()).isEqualTo("SMS");
        JsonNode sms = parse(given().auth()
                .oauth2(Tokens.operator())
                .queryParam("to", phone)
                .get("/sms")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(sms).hasSize(1);
        String body = sms.get(0).path("body").asText();
        assertThat(body).contains(saga.reference, "Gadget Nine March 12, 2031", "/contact?via=sms", "Questions?");
        assertThat(sms.get(0).path("sid").asText()).matches("SM[0-9a-f]{32}");
        given().get("/c/{token}", token(body)).then().statusCode(200).body(containsString(saga.reference));
        given().get("/sms").then().statusCode(401);
        given().auth().oauth2(Tokens.platform()).get("/sms").then().statusCode(403);
    }

    @Test
    void theSameRequestIsSentOnceHoweverOftenItArrives() {
        SagaRequests saga = new SagaRequests();
        SendCustomerMessage request = saga.message(CustomerMessageKind.SHIPPED);
        Envelope envelope = codec.wrap(request, null);

        send(envelope);
        send(envelope);
        send(request);
        // the inbox is consumed in order: once a later request is answered, all copies have been handled
        SendCustomerMessage marker = saga.message(CustomerMessageKind.ALLOCATED);
        send(marker);
        awaitOutcome(saga.orderId, marker.deduplicationKey());

        assertThat(mailsTo(saga.email)).hasSize(2);
        assertThat(outcomes(saga.orderId, request.deduplicationKey())).hasSize(1);
    }

    @Test
    void aPromiseChangeWithinTheToleranceSendsNothing() {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));
        awaitMail(saga.email, 1);

        SendCustomerMessage change = saga.promiseMovesTo(SagaRequests.FIRST_PROMISE.plusDays(1))
                .message(CustomerMessageKind.PROMISE_DATE_CHANGED);
        send(change);

        assertThat(awaitOutcome(saga.orderId, change.deduplicationKey()).path("outcome").asText())
                .isEqualTo("SUPPRESSED_BELOW_TOLERANCE");
        assertThat(mailsTo(saga.email)).hasSize(1);
    }

    @Test
    void promiseChangesWithinTheWindowBecomeOneMessage() {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));
        awaitMail(saga.email, 1);

        SendCustomerMessage first = saga.promiseMovesTo(SagaRequests.FIRST_PROMISE.plusDays(5))
                .message(CustomerMessageKind.PROMISE_DATE_CHANGED);
        send(first);
        SendCustomerMessage second = saga.promiseMovesTo(SagaRequests.FIRST_PROMISE.plusDays(9))
                .message(CustomerMessageKind.PROMISE_DATE_CHANGED);
        send(second);
        assertThat(awaitOutcome(saga.orderId, second.deduplicationKey()).path("outcome").asText())
                .isEqualTo("COALESCED");
        assertThat(outcomes(saga.orderId, first.deduplicationKey())).isEmpty();

        clock.advance(Duration.ofMinutes(16));

        assertThat(awaitOutcome(saga.orderId, first.deduplicationKey()).path("outcome").asText())
                .isEqualTo("DELIVERED");
        assertThat(mailsTo(saga.email)).hasSize(2);
        MailCatcher.CapturedMail change = mailsTo(saga.email).get(1);
        assertThat(change.subject()).contains("New expected delivery date");
        assertThat(change.textBody()).contains("March 21, 2031", "earlier expected: March 12, 2031, March 17, 2031");
    }

    @Test
    void atMostThreeMessagesPerOrderAndDayButOffersAlwaysGoOut() {
        SagaRequests saga = new SagaRequests();
        for (CustomerMessageKind kind : List.of(CustomerMessageKind.BACKORDER_CONFIRMATION,
                CustomerMessageKind.ALLOCATED, CustomerMessageKind.SHIPPED)) {
            SendCustomerMessage request = saga.message(kind);
            send(request);
            assertThat(awaitOutcome(saga.orderId, request.deduplicationKey()).path("outcome").asText())
                    .isEqualTo("DELIVERED");
        }
        SendCustomerMessage fourth = saga.message(CustomerMessageKind.SHIPPED);
        send(fourth);
        assertThat(awaitOutcome(saga.orderId, fourth.deduplicationKey()).path("outcome").asText())
                .isEqualTo("SUPPRESSED_DAILY_CAP");

        SendCustomerMessage offer = saga.offerMessage(clock.instant());
        send(offer);
        assertThat(awaitOutcome(saga.orderId, offer.deduplicationKey()).path("outcome").asText())
                .isEqualTo("DELIVERED");

        clock.advance(Duration.ofHours(25));
        SendCustomerMessage nextDay = saga.message(CustomerMessageKind.SHIPPED);
        send(nextDay);
        assertThat(awaitOutcome(saga.orderId, nextDay.deduplicationKey()).path("outcome").asText())
                .isEqualTo("DELIVERED");
        assertThat(mailsTo(saga.email)).hasSize(5);
    }

    @Test
    void aCustomerWhoOptedOutGetsNothing() {
        SagaRequests saga = new SagaRequests();
        given().auth()
                .oauth2(Tokens.operator())
                .post("/customers/{id}/opt-out", saga.customerId)
                .then()
                .statusCode(200)
                .body("emailEnabled", equalTo(false))
                .body("smsEnabled", equalTo(false))
                .body("updatedBy", equalTo("demo-operator"));

        SendCustomerMessage request = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);
        send(request);

        assertThat(awaitOutcome(saga.orderId, request.deduplicationKey()).path("outcome").asText())
                .isEqualTo("SUPPRESSED_OPTED_OUT");
        SagaRequests noConsent = new SagaRequests();
        noConsent.emailOptIn = false;
        SendCustomerMessage unwanted = noConsent.message(CustomerMessageKind.BACKORDER_CONFIRMATION);
        send(unwanted);
        assertThat(awaitOutcome(noConsent.orderId, unwanted.deduplicationKey()).path("outcome").asText())
                .isEqualTo("SUPPRESSED_NO_CHANNEL");
        assertThat(mailsTo(saga.email)).isEmpty();
        assertThat(mailsTo(noConsent.email)).isEmpty();
    }

    @Test
    void mailWaitsOutAnSmtpOutageAndArrivesOnce() {
        SagaRequests saga = new SagaRequests();
        SendCustomerMessage request = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);
        mail.stopSmtp();
        try {
            send(request);
            await().atMost(WAIT)
                    .until(() -> attempts(saga.orderId).size() == 1
                            && "FAILED".equals(attempts(saga.orderId).get(0).path("outcome").asText()));
            clock.advance(Duration.ofSeconds(30));
            await().atMost(WAIT)
                    .until(() -> attempts(saga.orderId).size() == 2
                            && "FAILED".equals(attempts(saga.orderId).get(1).path("outcome").asText()));
        } finally {
            mail.startSmtp();
        }
        assertThat(mailsTo(saga.email)).isEmpty();
        clock.advance(Duration.ofSeconds(60));

        assertThat(awaitOutcome(saga.orderId, request.deduplicationKey()).path("outcome").asText())
                .isEqualTo("DELIVERED");
        assertThat(mailsTo(saga.email)).hasSize(1);
        List<JsonNode> attempts = attempts(saga.orderId);
        assertThat(attempts).extracting(attempt -> attempt.path("outcome").asText())
                .containsExactly("FAILED", "FAILED", "SENT");
        assertThat(attempts.get(0).path("retryable").asBoolean()).isTrue();
        given().get("/c/{token}", token(mailsTo(saga.email).get(0).htmlBody())).then().statusCode(200);
    }

    @Test
    void aRequestThatCanNeverBeSentIsDeadLetteredAndTheInboxGoesOn() {
        long deadBefore = broker.messageCount(Addresses.DEAD_LETTERS);
        SagaRequests saga = new SagaRequests();
        SendCustomerMessage valid = saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION);
        send(new SendCustomerMessage(saga.orderId, CustomerMessageKind.OFFER, valid.contact(), valid.order(), null,
                Set.of(), "broken:" + saga.orderId));

        await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(Addresses.DEAD_LETTERS) > deadBefore);
        send(valid);
        assertThat(awaitOutcome(saga.orderId, valid.deduplicationKey()).path("outcome").asText())
                .isEqualTo("DELIVERED");
        assertThat(mailsTo(saga.email)).hasSize(1);
    }

    private void awaitScheduled(UUID orderId, String deduplicationKey) {
        await().atMost(WAIT).until(() -> {
            String body = given().auth()
                    .oauth2(Tokens.operator())
                    .get("/orders/{id}/notifications", orderId)
                    .asString();
            return body.contains(deduplicationKey) && body.contains("SCHEDULED");
        });
    }

    private List<JsonNode> attempts(UUID orderId) {
        List<JsonNode> attempts = new ArrayList<>();
        notifications(orderId).forEach(notification -> notification.path("deliveries")
                .forEach(delivery -> delivery.path("attemptLog").forEach(attempts::add)));
        return attempts;
    }

}
