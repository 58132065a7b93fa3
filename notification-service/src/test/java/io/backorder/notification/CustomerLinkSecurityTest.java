package io.backorder.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.contracts.notification.CustomerMessageKind;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Customer links: opaque, hashed, bound, expiring, single use for decisions, CSRF-protected, not guessable. */
@QuarkusTest
class CustomerLinkSecurityTest extends NotificationTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern OFFER = Pattern.compile("name=\"offer\" value=\"([^\"]+)\"");

    @Inject
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    @Test
    void aLinkIsAnOpaqueRandomTokenStoredOnlyAsItsHash() throws Exception {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));
        String html = awaitMail(saga.email, 1).htmlBody();
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).isTrue();

        String token = link.group(2);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(24);
        assertThat(link.group(0)).doesNotContain(saga.orderId.toString(), saga.customerId, saga.email,
                saga.reference);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Base64.getUrlDecoder().decode(token));
        assertThat(count("select count(*) from link_token where token_hash = ?", hash)).isEqualTo(1);
        for (String table : List.of("link_token", "notification", "delivery", "delivery_attempt", "outbox_message",
                "customer_order")) {
            assertThat(count("select count(*) from " + table + " t where cast(t as text) like ?", "%" + token + "%"))
                    .as("raw token in %s", table)
                    .isZero();
        }
    }

    @Test
    void openingALinkDecidesNothingAndADecisionIsMadeOnce() {
        SagaRequests saga = new SagaRequests();
        String token = offerLink(saga);

        String page = given().get("/c/{token}", token).then().statusCode(200).extract().asString();
        given().get("/c/{token}", token).then().statusCode(200).body(containsString("Keep waiting"));
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();

        given().formParam("csrf", csrf(page))
                .formParam("offer", offerId(page))
                .formParam("choice", "1")
                .post("/c/{token}/decision/review", token)
                .then()
                .statusCode(200)
                .body(containsString("Please confirm your choice"), containsString("Take an alternative"));
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();

        confirm(token, csrf(page), offerId(page), "1").then()
                .statusCode(303)
                .header("Location", containsString("/c/" + token));
        given().get("/c/{token}", token)
                .then()
                .statusCode(200)
                .body(containsString("Your choice"), containsString("What happens next"),
                        containsString("We replace the delayed item with the alternative"));

        confirm(token, csrf(page), offerId(page), "3").then()
                .statusCode(409)
                .body(containsString("You have already decided"));
        List<JsonNode> decisions = awaitToOrderService(saga.orderId, "ApplyCustomerDecision", 1);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).path("option").asText()).isEqualTo("TAKE_ALTERNATIVE");
        assertThat(decisions.get(0).path("alternativeSku").asText()).isEqualTo("GADGET-10");
        assertThat(decisions.get(0).path("lineId").asText()).isEqualTo(saga.backorderedLine.toString());
    }

    @Test
    void aDecisionNeedsTheFormTokenOfItsOwnLink() {
        SagaRequests saga = new SagaRequests();
        String token = offerLink(saga);
        String page = given().get("/c/{token}", token).then().extract().asString();
        SagaRequests other = new SagaRequests();
        String otherToken = offerLink(other);
        String otherPage = given().get("/c/{token}", otherToken).then().extract().asString();

        confirm(token, null, offerId(page), "0").then().statusCode(400).body(containsString("form has expired"));
        confirm(token, "1." + "A".repeat(43), offerId(page), "0").then().statusCode(400);
        confirm(token, csrf(otherPage), offerId(page), "0").then().statusCode(400);
        confirm(token, csrf(page), offerId(otherPage), "0").then()
                .statusCode(400)
                .body(containsString("Please check your input"));
        confirm(token, csrf(page), offerId(page), "9").then().statusCode(400);

        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();
        assertThat(toOrderService(other.orderId, "ApplyCustomerDecision")).isEmpty();
        confirm(token, csrf(page), offerId(page), "0").then().statusCode(303);
    }

    @Test
    void tamperedAndUnknownTokensFindNothing() {
        SagaRequests saga = new SagaRequests();
        String token = offerLink(saga);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String wrong : List.of(tampered, "A".repeat(32), "short", token + "A", token.toLowerCase())) {
            given().header("X-Forwarded-For", "198.51.100.1")
                    .get("/c/{token}", wrong)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("Page not found"), not(containsString(saga.reference)));
        }
        given().header("X-Forwarded-For", "198.51.100.1")
                .formParam("csrf", "x")
                .formParam("offer", saga.orderId.toString())
                .formParam("choice", "0")
                .post("/c/{token}/decision", tampered)
                .then()
                .statusCode(404);
    }

    @Test
    void anExpiredLinkShowsAClearPageAndSendsAFreshLink() {
        SagaRequests saga = new SagaRequests();
        String token = offerLink(saga);
        String page = given().get("/c/{token}", token).then().extract().asString();

        clock.advance(Duration.ofDays(31));

        String expired = given().get("/c/{token}", token)
                .then()
                .statusCode(410)
                .body(containsString("This link has expired"), containsString("Send me a new link"),
                        not(containsString(saga.reference)))
                .extract()
                .asString();
        confirm(token, csrf(page), offerId(page), "0").then().statusCode(410);
        given().formParam("csrf", csrf(expired))
                .post("/c/{token}/fresh-link", token)
                .then()
                .statusCode(200)
                .body(containsString("A new link is on its way"),
                        containsString(saga.email.charAt(0) + "***@example.com"));
        given().formParam("csrf", csrf(expired)).post("/c/{token}/fresh-link", token).then().statusCode(200);

        String fresh = token(awaitMail(saga.email, 2).htmlBody());
        assertThat(mailsTo(saga.email).get(1).subject()).contains("Your new link to your order");
        assertThat(fresh).isNotEqualTo(token);
        given().get("/c/{token}", fresh).then().statusCode(200).body(containsString(saga.reference));
        given().get("/c/{token}", token).then().statusCode(410);
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();
        assertThat(mailsTo(saga.email)).hasSize(2);
    }

    @Test
    void parallelConfirmationsMakeExactlyOneDecision() throws Exception {
        SagaRequests saga = new SagaRequests().withPhone("+4915200000" + (100 + (int) (Math.random() * 800)));
        SendCustomerMessage offer = saga.offerMessage(clock.instant());
        send(offer);
        awaitOutcome(saga.orderId, offer.deduplicationKey());
        String emailToken = token(awaitMail(saga.email, 1).htmlBody());
        String smsToken = token(parse(given().auth()
                .oauth2(Tokens.operator())
                .queryParam("to", saga.phone)
                .get("/sms")
                .then()
                .extract()
                .asString()).get(0).path("body").asText());
        assertThat(smsToken).isNotEqualTo(emailToken);
        String emailPage = given().get("/c/{token}", emailToken).then().extract().asString();
        String smsPage = given().get("/c/{token}", smsToken).then().extract().asString();

        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                boolean viaSms = i % 2 == 1;
                String token = viaSms ? smsToken : emailToken;
                String page = viaSms ? smsPage : emailPage;
                String choice = String.valueOf(i % 4);
                Callable<Integer> post = () -> {
                    start.await();
                    return confirm(token, csrf(page), offerId(page), choice).statusCode();
                };
                posts.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> post : posts) {
                statuses.add(post.get());
            }
            assertThat(statuses).filteredOn(status -> status == 303).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(contenders - 1);
        } finally {
            pool.shutdownNow();
        }
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> toOrderService(saga.orderId, "ApplyCustomerDecision").size() == 1);
        given().get("/c/{token}", smsToken).then().statusCode(200).body(containsString("Your choice"));
    }

    @Test
    void guessingTokensGetsAClientBlockedForAWhile() {
        SagaRequests saga = new SagaRequests();
        String token = offerLink(saga);
        String guesser = "203.0.113." + (1 + (int) (Math.random() * 250));

        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", guesser).get("/c/{token}", "B".repeat(31) + i).then().statusCode(404);
        }

        given().header("X-Forwarded-For", guesser)
                .get("/c/{token}", token)
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("60"))
                .body(containsString("Too many attempts"), not(containsString(saga.reference)));
        given().header("X-Forwarded-For", "203.0.113.251").get("/c/{token}", token).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        given().header("X-Forwarded-For", guesser).get("/c/{token}", token).then().statusCode(200);
        given().header("X-Forwarded-For", guesser).get("/c/{token}", "C".repeat(32)).then().statusCode(404);
        given().header("X-Forwarded-For", guesser).get("/c/{token}", token).then().statusCode(429);
    }

    @Test
    void contactClicksAreCountedAndExposedAsAMetric() {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));
        String token = token(awaitMail(saga.email, 1).htmlBody());
        long before = clicks("EMAIL", "BACKORDER_CONFIRMATION");

        given().redirects()
                .follow(false)
                .get("/c/{token}/contact?via=email", token)
                .then()
                .statusCode(303)
                .header("Location", "https://shop.example/contact")
                .header("Referrer-Policy", "no-referrer");
        given().redirects().follow(false).get("/c/{token}/contact?via=page", token).then().statusCode(303);
        given().redirects().follow(false).get("/contact?via=page").then().statusCode(303);

        assertThat(clicks("EMAIL", "BACKORDER_CONFIRMATION")).isEqualTo(before + 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("backorder_contact_clicks_total{kind=\"BACKORDER_CONFIRMATION\",via=\"EMAIL\"}"))
                .body(containsString("backorder_contact_clicks_total{kind=\"NONE\",via=\"PAGE\"}"));
        given().get("/contact-clicks").then().statusCode(401);
    }

    @Test
    void aNewPaymentMethodIsTakenOnceFromTheForm() {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.PAYMENT_METHOD_UPDATE_NEEDED, null,
                EnumSet.of(LinkAction.UPDATE_PAYMENT_METHOD)));
        String token = token(awaitMail(saga.email, 1).htmlBody());
        String page = given().get("/c/{token}", token)
                .then()
                .statusCode(200)
                .body(containsString("Update your payment method"))
                .extract()
                .asString();

        given().formParam("csrf", csrf(page))
                .formParam("reference", "pm_<script>")
                .post("/c/{token}/payment-method", token)
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .formParam("csrf", csrf(page))
                .formParam("reference", "pm_card_visa")
                .post("/c/{token}/payment-method", token)
                .then()
                .statusCode(303);
        given().get("/c/{token}?done=payment", token)
                .then()
                .body(containsString("We received your new payment method"));
        given().formParam("csrf", csrf(page))
                .formParam("reference", "pm_card_mastercard")
                .post("/c/{token}/payment-method", token)
                .then()
                .statusCode(409);

        List<JsonNode> updates = awaitToOrderService(saga.orderId, "UpdatePaymentMethod", 1);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("paymentMethodReference").asText()).isEqualTo("pm_card_visa");
    }

    @Test
    void aViewOnlyLinkCannotDecide() {
        SagaRequests saga = new SagaRequests();
        SendCustomerMessage offer = saga.message(CustomerMessageKind.OFFER,
                saga.offer(clock.instant().plus(Duration.ofDays(3))), EnumSet.noneOf(LinkAction.class));
        send(offer);
        String token = token(awaitMail(saga.email, 1).htmlBody());
        String page = given().get("/c/{token}", token)
                .then()
                .statusCode(200)
                .body(not(containsString("name=\"choice\"")))
                .extract()
                .asString();

        confirm(token, csrf(page), offer.offer().offerId().toString(), "0").then().statusCode(403);
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();
    }

    @Test
    void theCustomerTurnsEmailOffOnThePage() {
        SagaRequests saga = new SagaRequests();
        send(saga.message(CustomerMessageKind.BACKORDER_CONFIRMATION));
        String token = token(awaitMail(saga.email, 1).htmlBody());
        String page = given().get("/c/{token}", token).then().extract().asString();

        given().redirects()
                .follow(false)
                .formParam("csrf", csrf(page))
                .formParam("shown", "email")
                .post("/c/{token}/preferences", token)
                .then()
                .statusCode(303);

        given().auth()
                .oauth2(Tokens.operator())
                .get("/customers/{id}/preferences", saga.customerId)
                .then()
                .body("emailEnabled", equalTo(false))
                .body("smsEnabled", equalTo(true))
                .body("updatedBy", equalTo("customer"));
        SendCustomerMessage next = saga.message(CustomerMessageKind.SHIPPED);
        send(next);
        assertThat(awaitOutcome(saga.orderId, next.deduplicationKey()).path("outcome").asText())
                .isEqualTo("SUPPRESSED_OPTED_OUT");
        assertThat(mailsTo(saga.email)).hasSize(1);
    }

    private String offerLink(SagaRequests saga) {
        send(saga.offerMessage(clock.instant()));
        return token(awaitMail(saga.email, 1).htmlBody());
    }

    private static Response confirm(String token, String csrf, String offer, String choice) {
        var request = given().redirects().follow(false).formParam("offer", offer).formParam("choice", choice);
        if (csrf != null) {
            request = request.formParam("csrf", csrf);
        }
        return request.post("/c/{token}/decision", token);
    }

    private long clicks(String via, String kind) {
        JsonNode counts = parse(given().auth()
                .oauth2(Tokens.operator())
                .get("/contact-clicks")
                .then()
                .statusCode(200)
                .extract()
                .asString()).path("counts");
        long total = 0;
        for (JsonNode count : counts) {
            if (count.path("via").asText().equals(via) && count.path("kind").asText().equals(kind)) {
                total += count.path("clicks").asLong();
            }
        }
        return total;
    }

    private static String csrf(String page) {
        return group(CSRF, page);
    }

    private static String offerId(String page) {
        return group(OFFER, page);
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No " + pattern + " in page: " + page);
        }
        return matcher.group(1).replace("&#39;", "'");
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword.orElse(null));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter instanceof byte[] bytes) {
                statement.setBytes(1, bytes);
            } else {
                statement.setString(1, String.valueOf(parameter).getBytes(StandardCharsets.UTF_8).length > 0
                        ? (String) parameter
                        : "");
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
