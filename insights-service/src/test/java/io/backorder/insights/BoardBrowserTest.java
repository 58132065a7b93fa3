package io.backorder.insights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.backorder.contracts.inventory.BackorderKind;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.infra.EmbeddedBroker;
import io.backorder.support.messaging.MessageCodec;
import io.backorder.testing.Chromium;
import io.backorder.testing.InjectBroker;
import io.backorder.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The board in a real headless Chromium: log in with an operator token, read the numbers behind the rate chart, drill
 * down from a SKU row to its page and export that page's table as CSV.
 */
@QuarkusTest
class BoardBrowserTest {

    private static final String SKU = "KPI-B";
    private static ChromeDriver browser;

    @InjectBroker
    EmbeddedBroker broker;

    @Inject
    MessageCodec codec;

    @TestHTTPResource("/board")
    URI board;

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
    void anOperatorReadsTheChartDrillsDownAndExports() {
        Facts facts = new Facts(broker, codec);
        UUID order = UUID.randomUUID();
        Facts.awaitProcessed(List.of(facts.send(new StockReserved(order, UUID.randomUUID(), SKU, 1, "WH-B")),
                facts.send(new LineBackordered(order, UUID.randomUUID(), SKU, 0, 2, BackorderKind.BACKORDER,
                        LocalDate.now(ZoneOffset.UTC).plusDays(9), PromiseConfidence.MEDIUM))));

        browser.get(board.toString());
        Chromium.await(browser, By.id("token")).sendKeys(Tokens.operator());
        browser.findElement(By.id("log-in")).click();

        Chromium.await(browser, By.id("chart-rates"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        WebElement point = browser.findElement(By.cssSelector(
                "#chart-rates circle[data-series=backorder_rate][data-x='" + today + "']"));
        // the chart is drawn from the daily table shown on the same page and served by the API
        List<WebElement> todayRow = browser.findElements(By.xpath(
                "//table[@data-table='daily']//tr[td[1]='" + today + "']/td"));
        assertThat(point.getDomAttribute("data-value")).isEqualTo(todayRow.get(5).getText());
        String apiRate = given().auth()
                .oauth2(Tokens.operator())
                .get("/kpis/daily?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(today))
                .findFirst()
                .orElseThrow()
                .split(",")[5];
        assertThat(point.getDomAttribute("data-value")).isEqualTo(apiRate);
        assertThat(browser.findElement(By.xpath("//table[@data-table='skus']//tr[td[1]='" + SKU + "']"))
                .getText()).contains(SKU + " 2 1 0.5000");

        browser.findElement(By.xpath("//table[@data-table='skus']//a[text()='" + SKU + "']")).click();
        Chromium.await(browser, By.cssSelector("table[data-table=sku-lines]"));
        assertThat(browser.getTitle()).isEqualTo("SKU " + SKU);
        assertThat(browser.findElements(By.cssSelector("table[data-table=sku-lines] tbody tr"))).hasSize(2);

        String export = browser.findElement(By.id("export-sku-lines")).getDomProperty("href");
        String session = browser.manage().getCookieNamed("backorder_board").getValue();
        String csv = given().cookie("backorder_board", session)
                .get(export)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("line,order,outcome,decided_at,").contains(",BACKORDERED,", ",RESERVED,");
    }
}
