package io.backorder.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.backorder.testing.Chromium;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The customer page in a real headless Chromium, with JavaScript turned off: open the link from the mail, choose,
 * confirm, and the order service receives the decision.
 */
@QuarkusTest
class CustomerPageBrowserTest extends NotificationTestSupport {

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.driver(options -> options.setExperimentalOption("prefs",
                Map.of("profile.managed_default_content_settings.javascript", 2)));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerChoosesConfirmsAndTheOrderServiceIsTold() {
        SagaRequests saga = new SagaRequests();
        send(saga.offerMessage(clock.instant()));
        String link = link(awaitMail(saga.email, 1).htmlBody());

        browser.get(link);

        assertThat(browser.getTitle()).startsWith("Order " + saga.reference);
        assertThat(browser.findElement(By.cssSelector("meta[name=viewport]")).getDomAttribute("content"))
                .contains("width=device-width");
        assertThat(browser.findElement(By.id("lines")).getText()).contains("Gadget Nine", "On backorder",
                "March 12, 2031");
        assertThat(browser.findElement(By.id("offer")).getText()).contains("Please choose how we continue",
                "If you do not choose by then, we will: Keep waiting", "Take an alternative that is in stock",
                "Your discount: €10.00");
        assertThat(browser.findElement(By.id("contact-us")).getDomAttribute("href")).endsWith("/contact?via=page");

        browser.findElement(By.cssSelector("input[name=choice][data-kind=CANCEL_WITH_REFUND]")).click();
        browser.findElement(By.id("continue")).click();

        assertThat(Chromium.await(browser, By.id("chosen")).getText()).isEqualTo("Cancel and get a refund");
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).isEmpty();
        browser.findElement(By.id("confirm")).click();

        WebElement decisionPage = Chromium.await(browser, By.id("decision"));
        assertThat(browser.getCurrentUrl()).startsWith(link);
        assertThat(decisionPage.getText()).contains("Your choice",
                "Cancel and get a refund", "What happens next", "refund what you paid");
        await().atMost(WAIT).until(() -> toOrderService(saga.orderId, "ApplyCustomerDecision").size() == 1);
        JsonNode decision = toOrderService(saga.orderId, "ApplyCustomerDecision").get(0);
        assertThat(decision.path("option").asText()).isEqualTo("CANCEL_WITH_REFUND");
        assertThat(decision.path("lineId").asText()).isEqualTo(saga.backorderedLine.toString());

        browser.navigate().back();
        browser.navigate().back();
        browser.findElement(By.cssSelector("input[name=choice][data-kind=KEEP_WAITING]")).click();
        browser.findElement(By.id("continue")).click();
        assertThat(Chromium.await(browser, By.id("notice")).getText()).isEqualTo("You have already decided");
        assertThat(toOrderService(saga.orderId, "ApplyCustomerDecision")).hasSize(1);
    }

    @Test
    void aGermanCustomerSeesTheirOrderInGerman() {
        SagaRequests saga = new SagaRequests().inGerman();
        send(saga.offerMessage(clock.instant()));
        String link = link(awaitMail(saga.email, 1).htmlBody());

        browser.get(link);

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bestellung " + saga.reference);
        assertThat(browser.findElement(By.id("lines")).getText()).contains("Nachbestellt", "12. März 2031");
        assertThat(browser.findElement(By.id("offer")).getText()).contains("Bitte wählen Sie, wie es weitergeht",
                "Weiter warten", "Stornieren und Geld zurück", "Ihr Rabatt: 10,00 €");
        assertThat(browser.findElement(By.id("contact")).getText()).contains("Kontakt aufnehmen",
                "service@shop.example");

        browser.findElement(By.cssSelector("a.lang")).click();
        assertThat(Chromium.await(browser, By.cssSelector("html[lang=en] h1")).getText()).isEqualTo("Order "
                + saga.reference);
    }

    private static String link(String html) {
        Matcher matcher = LINK.matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(0);
    }
}
