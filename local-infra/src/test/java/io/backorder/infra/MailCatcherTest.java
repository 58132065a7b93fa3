package io.backorder.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MailCatcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void capturesMultipartMailAndServesItOverHttp() throws Exception {
        try (MailCatcher catcher = MailCatcher.start()) {
            sendAlternative(catcher, "Your backorder <ETA> moved", "Now expected on 3 June.",
                    "<p>Now expected on <b>3&nbsp;June</b>.</p>");

            assertTrue(catcher.waitFor(mails -> mails.size() == 1, TIMEOUT));
            MailCatcher.CapturedMail mail = catcher.messages().get(0);
            assertEquals(0, mail.index());
            assertEquals("shop@backorder.local", mail.from());
            assertEquals(List.of("bcc@example.org", "customer@example.org", "service@example.org"), mail.to());
            assertEquals("Your backorder <ETA> moved", mail.subject());
            assertEquals("Now expected on 3 June.", mail.textBody());
            assertEquals("<p>Now expected on <b>3&nbsp;June</b>.</p>", mail.htmlBody());
            assertTrue(mail.messageId().startsWith("<"));

            JsonNode api = new ObjectMapper().readTree(get(catcher, "/api/messages").body());
            assertEquals(1, api.size());
            assertEquals(mail.messageId(), api.get(0).get("messageId").asText());
            assertEquals("customer@example.org", api.get(0).get("to").get(1).asText());
            assertEquals("Now expected on 3 June.", api.get(0).get("textBody").asText());
            assertEquals(mail.receivedAt().toString(), api.get(0).get("receivedAt").asText());

            String list = get(catcher, "/").body();
            assertTrue(list.contains("Your backorder &lt;ETA&gt; moved"), list);
            assertTrue(list.contains("href=\"/messages/0\""), list);
            assertEquals(mail.htmlBody(), get(catcher, "/messages/0").body());
            assertEquals(404, get(catcher, "/messages/7").statusCode());
        }
    }

    @Test
    void keepsEarlierMailAcrossAnSmtpOutage() throws Exception {
        try (MailCatcher catcher = MailCatcher.start()) {
            sendText(catcher, "before outage");
            assertTrue(catcher.waitFor(mails -> mails.size() == 1, TIMEOUT));

            catcher.stopSmtp();
            assertThrows(MessagingException.class, () -> sendText(catcher, "during outage"));

            catcher.startSmtp();
            sendText(catcher, "after outage");
            assertTrue(catcher.waitFor(mails -> mails.size() == 2, TIMEOUT));
            assertEquals(List.of("before outage", "after outage"),
                    catcher.messages().stream().map(MailCatcher.CapturedMail::subject).toList());
            assertEquals(1, catcher.messages().get(1).index());
            assertNull(catcher.messages().get(1).htmlBody());
            assertTrue(get(catcher, "/messages/1").body().contains("<pre>Plain text only</pre>"));

            catcher.purge();
            assertTrue(catcher.messages().isEmpty());
            assertFalse(catcher.waitFor(mails -> !mails.isEmpty(), Duration.ofMillis(100)));
        }
    }

    private static void sendAlternative(MailCatcher catcher, String subject, String text, String html)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session(catcher, true));
        message.setFrom(new InternetAddress("Backorder Shop <shop@backorder.local>"));
        message.setRecipients(Message.RecipientType.TO, "customer@example.org");
        message.setRecipients(Message.RecipientType.CC, "service@example.org");
        message.setRecipients(Message.RecipientType.BCC, "bcc@example.org");
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        // authentication with any user name and password is accepted
        Transport.send(message, "any-user", "any-password");
    }

    private static void sendText(MailCatcher catcher, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session(catcher, false));
        message.setFrom("shop@backorder.local");
        message.setRecipients(Message.RecipientType.TO, "customer@example.org");
        message.setSubject(subject);
        message.setText("Plain text only");
        Transport.send(message);
    }

    private static Session session(MailCatcher catcher, boolean authenticate) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        properties.put("mail.smtp.auth", String.valueOf(authenticate));
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        return Session.getInstance(properties);
    }

    private HttpResponse<String> get(MailCatcher catcher, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(catcher.httpUrl() + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
