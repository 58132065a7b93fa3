package io.backorder.insights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.Envelope;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.insights.board.BoardResource;
import io.backorder.insights.service.KpiMetrics;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A dead letter on the real broker shows on the board (browsed, so it stays on the queue) and a retry with the CSRF
 * token sends it back to its inbox, where it is processed; without the token nothing moves.
 */
@QuarkusTest
class DeadLetterBoardTest {

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @Inject
    KpiMetrics metrics;

    @Test
    void aDeadLetterIsShownThenRetriedIntoItsInbox() throws Throwable {
        Envelope letter = codec.wrap(new ContactClicked(null, "SMS", "DLQ-TEST", Instant.now()), null);
        broker.sendAmqp(Addresses.DEAD_LETTERS, codec.write(letter), letter.id());
        String session = Tokens.operator();

        Response board = given().cookie(BoardResource.SESSION_COOKIE, session).get("/board");
        board.then().statusCode(200);
        String csrf = board.getCookie(BoardResource.CSRF_COOKIE);
        assertThat(board.asString()).contains("id=\"retry-" + letter.id() + "\"");
        assertThat(broker.messageCount(Addresses.DEAD_LETTERS)).as("browsing takes nothing").isEqualTo(1);
        assertThat(deadLetterGauge()).contains("backorder_dead_letters{type=\"ContactClicked\"} 1.0");
        String csv = given().cookie(BoardResource.SESSION_COOKIE, session)
                .get("/board/dead-letters/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains(letter.id() + ",ContactClicked,unattributed," + Addresses.INSIGHTS_INBOX);

        given().cookie(BoardResource.SESSION_COOKIE, session)
                .cookie(BoardResource.CSRF_COOKIE, csrf)
                .formParam("messageId", letter.id())
                .formParam("csrf", "forged-" + csrf)
                .post("/board/dead-letters/retry")
                .then()
                .statusCode(403);
        assertThat(broker.messageCount(Addresses.DEAD_LETTERS)).isEqualTo(1);

        given().redirects()
                .follow(false)
                .cookie(BoardResource.SESSION_COOKIE, session)
                .cookie(BoardResource.CSRF_COOKIE, csrf)
                .formParam("messageId", letter.id())
                .formParam("csrf", csrf)
                .post("/board/dead-letters/retry")
                .then()
                .statusCode(303);

        Facts.awaitProcessed(List.of(letter));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> broker.messageCount(Addresses.DEAD_LETTERS) == 0);
        assertThat(deadLetterGauge()).doesNotContain("backorder_dead_letters{");
        assertThat(given().auth()
                .oauth2(Tokens.operator())
                .get("/kpis/contact-clicks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows.message_kind")).contains("DLQ-TEST");
    }

    private String deadLetterGauge() throws Throwable {
        return Gauges.refreshedScrape(metrics);
    }
}
