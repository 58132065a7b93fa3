package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backorder.contracts.Addresses;
import io.backorder.infra.MailCatcher.CapturedMail;
import io.backorder.localstack.Suite;
import io.backorder.localstack.SuiteService;

/**
 * What must hold after any run, faults included: read straight from the services' databases, the broker and the
 * mail catcher once the suite has gone quiet.
 */
final class Invariants {

    private final Suite suite;

    Invariants(Suite suite) {
        this.suite = suite;
    }

    void assertAllHold() {
        awaitQuiet();
        assertThat(rows(SuiteService.INVENTORY, """
                select s.sku || '@' || s.location_id || ' reserved ' || s.reserved || ' of ' || s.on_hand
                from stock s where s.reserved > s.on_hand""")).as("oversold stock").isEmpty();
        assertThat(rows(SuiteService.INVENTORY,
                """
                        select s.sku || '@' || s.location_id || ': stock says ' || s.reserved || ', lines hold ' || coalesce(l.units, 0)
                        from stock s left join (select sku, location_id, sum(reserved) as units from order_line
                                                where location_id is not null group by sku, location_id) l
                          on l.sku = s.sku and l.location_id = s.location_id
                        where coalesce(l.units, 0) <> s.reserved"""))
                .as("reservations that do not add up")
                .isEmpty();
        assertThat(rows(SuiteService.ORDER, """
                select id::text || ': captured ' || captured || ' of ' || amount || ', refunded ' || refunded
                from sandbox_intent where captured > amount or refunded > captured or captured < 0""")).as(
                "payments captured above authorized or refunded above captured").isEmpty();
        assertThat(rows(SuiteService.ORDER, """
                select o.id::text || ' ' || o.status from orders o
                where o.status not in ('OPEN', 'COMPLETED', 'CANCELLED', 'REJECTED')""")).as(
                "orders stuck between states").isEmpty();
        assertThat(duplicateMails()).as("emails sent twice").isEmpty();
    }

    /** Every outbox relayed, every inbox drained, nothing dead-lettered. */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (SuiteService service : SuiteService.values()) {
                assertThat(rows(service, "select count(*)::text from outbox_message where sent_at is null"))
                        .as("unsent outbox rows of %s", service)
                        .containsExactly("0");
            }
            for (String inbox : List.of(Addresses.INVENTORY_INBOX, Addresses.ORDER_INBOX, Addresses.SUPPLIER_INBOX,
                    Addresses.NOTIFICATION_INBOX, Addresses.INSIGHTS_INBOX)) {
                assertThat(suite.broker().messageCount(inbox)).as("messages waiting in %s", inbox).isZero();
            }
        });
        assertThat(suite.broker().peekMessageBodies(Addresses.DEAD_LETTERS)).as("dead letters").isEmpty();
    }

    private List<String> duplicateMails() {
        Map<String, Integer> seen = new HashMap<>();
        for (CapturedMail mail : suite.mail().messages()) {
            seen.merge(String.join(",", mail.to()) + "|" + mail.subject() + "|" + mail.textBody(), 1, Integer::sum);
        }
        return seen.entrySet()
                .stream()
                .filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey().substring(0, Math.min(120, entry.getKey().length())))
                .toList();
    }

    List<String> rows(SuiteService service, String sql) {
        try (Connection connection = DriverManager.getConnection(suite.postgres().jdbcUrl(service.database()),
                suite.postgres().superuser(), suite.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + service.database() + " failed: " + e.getMessage(), e);
        }
    }
}
