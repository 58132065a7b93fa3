package io.backorder.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.backorder.notification.content.NoticeKind;
import io.backorder.notification.service.CustomerPageService;
import io.backorder.notification.service.PageResult;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of every customer link: refuses clients that guessed too often ({@link GuessLimiter}, fed by the 404s
 * of unknown tokens), and sets the headers that keep the token in the URL private (no Referer, no caching, no
 * indexing) and the pages safe (a strict content security policy, no framing).
 */
@ApplicationScoped
public class CustomerLinkGuard {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' https: data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final GuessLimiter limiter;
    private final CustomerPageService pages;

    public CustomerLinkGuard(GuessLimiter limiter, CustomerPageService pages) {
        this.limiter = limiter;
        this.pages = pages;
    }

    void install(@Observes Router router) {
        router.route("/c/*").order(-100).handler(this::guard);
        router.route("/contact").order(-100).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        String client = client(context);
        context.addHeadersEndHandler(ignored -> {
            context.response()
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader("X-Robots-Tag", "noindex, nofollow")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Security-Policy", CSP);
            if (context.response().getStatusCode() == 404) {
                limiter.miss(client);
            }
        });
        if (limiter.allows(client)) {
            context.next();
            return;
        }
        PageResult.Html page = (PageResult.Html) pages.notice(NoticeKind.TOO_MANY_REQUESTS, language(context));
        context.response()
                .setStatusCode(page.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=utf-8")
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, limiter.retryAfter(client)
                        .toSeconds())))
                .end(page.body());
    }

    /** The client's address; behind the gateway, the forwarded one (see quarkus.http.proxy.* in the README). */
    private static String client(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    private static String language(RoutingContext context) {
        String lang = context.request().getParam("lang");
        if (lang != null) {
            return lang;
        }
        String accepted = context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return accepted != null && accepted.strip().toLowerCase().startsWith("de") ? "de" : "en";
    }
}
