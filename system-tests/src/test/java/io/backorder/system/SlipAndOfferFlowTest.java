package io.backorder.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.backorder.infra.MailCatcher.CapturedMail;
import io.backorder.localstack.Suite;
import io.backorder.testing.Chromium;
import io.restassured.path.json.JsonPath;

/**
 * A supplier slips its ETA through the supplier endpoint; inventory moves the promise dates, the order saga makes
 * offers, notification emails them, and customers decide on the linked page in a real browser.
 */
@ExtendWith(RunningSuite.class)
class SlipAndOfferFlowTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/c/[A-Za-z0-9_-]+");
    private static WebDriver browser;

    private final Suite suite;
    private final SuiteApi api;

    SlipAndOfferFlowTest(Suite suite) {
        this.suite = suite;
        this.api = new SuiteApi(suite);
    }

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void customersAnswerTheOfferOfASlippedBackorderOnThePage() {
        api.location("slip-wh");
        api.sku("SLIP-SLOW", "ALLOW", new BigDecimal("30.00"), Map.of("leadTimeDays", 5, "substitutionGroup",
                "slip-group"));
        api.sku("SLIP-ALT", "ALLOW", new BigDecimal("32.00"), Map.of("substitutionGroup", "slip-group"));
        api.stock("SLIP-ALT", "slip-wh", 10);
        api.supplier("SLOWCO");
        api.agreement("SLOWCO", "SLIP-SLOW", new BigDecimal("15.00"), 5);
        String[] po = api.purchaseOrder("SLOWCO", "slip-wh", "SLIP-SLOW", 5, LocalDate.now().plusDays(5).toString());
        api.setEta("SLOWCO", po[0], po[1], LocalDate.now().plusDays(5).toString());

        String alternative = order("alternative@customer.test");
        String waiting = order("waiting@customer.test");
        String cancelling = order("cancelling@customer.test");
        LocalDate firstPromise = LocalDate.parse(api.order(alternative).getString("lines[0].promiseDate"));

        api.setEta("SLOWCO", po[0], po[1], LocalDate.now().plusDays(45).toString());

        for (String orderId : List.of(alternative, waiting, cancelling)) {
            JsonPath offered = api.awaitOrder(orderId, order -> order.get("openOffer") != null);
            assertThat(LocalDate.parse(offered.getString("lines[0].promiseDate"))).isAfter(firstPromise.plusDays(30));
        }

        decide("alternative@customer.test", "TAKE_ALTERNATIVE");
        decide("waiting@customer.test", "KEEP_WAITING");
        decide("cancelling@customer.test", "CANCEL_WITH_REFUND");

        JsonPath substituted = api.awaitOrder(alternative, order -> "SUBSTITUTED".equals(order.getString(
                "lines[0].state")) && order.getList("lines").size() == 2
                && "RESERVED".equals(order.getString("lines[1].state")));
        assertThat(substituted.getString("lines[1].sku")).isEqualTo("SLIP-ALT");

        JsonPath kept = api.awaitOrder(waiting, order -> order.get("openOffer") == null
                && "KEEP_WAITING".equals(order.getString("offers[0].chosenOption")));
        assertThat(kept.getString("lines[0].state")).isEqualTo("BACKORDERED");
        assertThat(kept.getObject("lines[0].discount", BigDecimal.class)).isPositive();

        JsonPath cancelled = api.awaitOrder(cancelling, order -> "CANCELLED".equals(order.getString("status")));
        assertThat(cancelled.getObject("payment.captured", BigDecimal.class)).isEqualByComparingTo("0");
        assertThat(api.stockOf("SLIP-SLOW").getInt("backordered")).isEqualTo(1);
        new Invariants(suite).assertAllHold();
    }

    private String order(String email) {
        String orderId = api.placeOrder(email, "STANDARD", "SHIP_AVAILABLE", "pm_card_visa", email,
                List.of(SuiteApi.line("SLIP-SLOW", 1, "30.00")));
        api.awaitOrder(orderId, order -> "BACKORDERED".equals(order.getString("lines[0].state")));
        return orderId;
    }

    /** Opens the link of the offer email in the browser, chooses, reviews and confirms. */
    private void decide(String email, String optionKind) {
        assertThat(suite.mail().waitFor(mails -> offerMail(mails, email) != null, SuiteApi.FLOW_TIMEOUT)).isTrue();
        CapturedMail mail = offerMail(suite.mail().messages(), email);
        Matcher link = LINK.matcher(mail.textBody());
        assertThat(link.find()).as("link in the offer email").isTrue();

        browser.get(link.group());
        browser.findElement(By.cssSelector("input[name=choice][data-kind=" + optionKind + "]")).click();
        browser.findElement(By.id("continue")).click();
        Chromium.await(browser, By.id("confirm")).click();
        assertThat(Chromium.await(browser, By.id("decision")).getText()).as("decision page for %s", email)
                .isNotBlank();
    }

    private static CapturedMail offerMail(List<CapturedMail> mails, String email) {
        return mails.stream()
                .filter(mail -> mail.to().contains(email) && mail.subject().toLowerCase().contains("choose"))
                .findFirst()
                .orElse(null);
    }
}
