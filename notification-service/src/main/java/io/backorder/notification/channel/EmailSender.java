package io.backorder.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.notification.config.NotificationConfig;
import io.backorder.notification.content.RenderedEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** Hands emails to the SMTP server: HTML with a plain-text alternative, from the shop, replies to customer service. */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final NotificationConfig config;

    public EmailSender(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** @param reference goes into a header so that a delivered mail can be traced to its delivery */
    public Uni<Void> send(String to, RenderedEmail email, String reference) {
        Mail mail = Mail.withHtml(to, email.subject(), email.html())
                .setText(email.text())
                .setFrom("\"" + config.shop().name().replace("\"", "") + "\" <" + config.shop().senderEmail() + ">")
                .setReplyTo(config.shop().contactEmail())
                .addHeader("X-Backorder-Delivery", reference);
        return mailer.send(mail);
    }
}
