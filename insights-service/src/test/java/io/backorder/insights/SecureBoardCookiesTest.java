package io.backorder.insights;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backorder.insights.board.BoardResource;
import io.backorder.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** As deployed (behind TLS), the board's session and CSRF cookies never travel over plain HTTP. */
@QuarkusTest
@TestProfile(SecureBoardCookiesTest.AsDeployed.class)
class SecureBoardCookiesTest {

    public static class AsDeployed implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("insights.board.secure-cookies", "true");
        }
    }

    @Test
    void theSessionAndCsrfCookiesAreSecureHttpOnlyAndStrict() {
        Response loginPage = given().get("/board/login");
        loginPage.then().statusCode(200);
        String csrf = loginPage.getCookie(BoardResource.CSRF_COOKIE);
        assertThat(loginPage.getDetailedCookie(BoardResource.CSRF_COOKIE).isSecured()).isTrue();

        Response loggedIn = given().redirects()
                .follow(false)
                .cookie(BoardResource.CSRF_COOKIE, csrf)
                .formParam("token", Tokens.operator())
                .formParam("csrf", csrf)
                .post("/board/login");
        loggedIn.then().statusCode(303);
        var session = loggedIn.getDetailedCookie(BoardResource.SESSION_COOKIE);
        assertThat(session.isSecured()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
    }
}
