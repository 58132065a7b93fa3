package io.backorder.notification.content;

public record RenderedEmail(String subject, String html, String text) {
}
