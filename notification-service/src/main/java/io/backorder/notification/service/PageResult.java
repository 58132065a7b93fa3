package io.backorder.notification.service;

/** What a customer page request ends in: a page with its status, or a redirect after a successful form post. */
public sealed interface PageResult {

    record Html(int status, String body) implements PageResult {
    }

    record Redirect(String location) implements PageResult {
    }
}
