package io.backorder.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMTP server that accepts any mail from anybody (GreenMail) and shows what it received, in
 * {@link #messages()} and over HTTP: {@code GET /} (HTML list), {@code GET /api/messages} (JSON) and
 * {@code GET /messages/{index}} (one mail's HTML or text body).
 */
public final class MailCatcher implements AutoCloseable {

    /**
     * A received mail. {@code index} counts from 0 and is never reused, not even after {@link #purge()};
     * {@code from} is the address in the From header; {@code to} are the envelope recipients (RCPT TO),
     * so Cc and Bcc recipients appear too.
     */
    public record CapturedMail(int index, String messageId, String from, List<String> to, String subject,
            Instant receivedAt, String textBody, String htmlBody) {
    }

    private static final Logger LOG = Logger.getLogger(MailCatcher.class);
    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/(\\d+)");
    private static final int HTTP_BIND_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort;
    private final HttpServer http;
    /** Kept here rather than in GreenMail so that mail received before an SMTP restart stays visible. */
    private final List<CapturedMail> captured = new ArrayList<>();
    /**
     * Guards {@link #smtp}. Separate from the monitor guarding {@link #captured}: GreenMail's SMTP threads
     * capture mail while stopping GreenMail may wait for them.
     */
    private final Object smtpLock = new Object();
    private GreenMail smtp;
    private MovingMessage lastDelivered;
    private int nextIndex;

    private MailCatcher(int smtpPort) {
        this.smtpPort = smtpPort;
        this.http = startHttp();
    }

    public static MailCatcher start() {
        MailCatcher catcher = new MailCatcher(FreePorts.next());
        try {
            catcher.startSmtp();
        } catch (RuntimeException e) {
            catcher.close();
            throw e;
        }
        LOG.infof("Mail catcher: SMTP on 127.0.0.1:%d, web on %s", catcher.smtpPort, catcher.httpUrl());
        return catcher;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public String httpUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + httpPort();
    }

    public synchronized List<CapturedMail> messages() {
        return List.copyOf(captured);
    }

    /** Waits until {@code condition} holds for the received mails; false when {@code timeout} passed first. */
    public synchronized boolean waitFor(Predicate<List<CapturedMail>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.test(List.copyOf(captured))) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for mail", e);
        }
    }

    public void purge() {
        synchronized (smtpLock) {
            if (smtp != null) {
                try {
                    smtp.purgeEmailFromAllMailboxes();
                } catch (FolderException e) {
                    throw new IllegalStateException("Cannot purge GreenMail's mailboxes", e);
                }
            }
        }
        synchronized (this) {
            captured.clear();
        }
    }

    /** Closes the SMTP port, as an outage of the mail server would; {@link #startSmtp()} reopens it. */
    public void stopSmtp() {
        synchronized (smtpLock) {
            if (smtp != null) {
                smtp.stop();
                smtp = null;
            }
        }
    }

    public void startSmtp() {
        synchronized (smtpLock) {
            if (smtp != null) {
                return;
            }
            ServerSetup setup = new ServerSetup(smtpPort, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(5000);
            GreenMail greenMail = new GreenMail(setup);
            // configured before start() so that no mail arrives before the capturing handler is in place
            UserManager users = greenMail.getUserManager();
            users.setAuthRequired(false);
            GreenMailUser catchAll;
            try {
                catchAll = users.createUser("catch-all@localhost", "catch-all", "catch-all");
            } catch (UserException e) {
                throw new IllegalStateException("Cannot create GreenMail's catch-all user", e);
            }
            users.setMessageDeliveryHandler((message, recipient) -> {
                capture(message);
                return catchAll;
            });
            greenMail.start();
            smtp = greenMail;
        }
    }

    @Override
    public void close() {
        stopSmtp();
        http.stop(0);
    }

    /**
     * GreenMail delivers a mail once per envelope recipient, one mail after another (its SMTP manager
     * is synchronized), so a delivery of a message object other than the previous one is a new mail.
     */
    private synchronized void capture(MovingMessage message) {
        if (message == lastDelivered) {
            return;
        }
        lastDelivered = message;
        captured.add(toCapturedMail(nextIndex++, message));
        notifyAll();
    }

    private static CapturedMail toCapturedMail(int index, MovingMessage moving) {
        List<String> recipients = moving.getToAddresses().stream().map(MailAddress::getEmail).sorted().toList();
        MimeMessage mime = moving.getMessage();
        try {
            Bodies bodies = new Bodies();
            bodies.collect(mime);
            return new CapturedMail(index, mime.getMessageID(), fromAddress(mime, moving), recipients,
                    mime.getSubject(), Instant.now(), bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            LOG.warnf(e, "Cannot parse mail %d; keeping it without bodies", index);
            return new CapturedMail(index, null, fromAddress(null, moving), recipients, null, Instant.now(), null,
                    null);
        }
    }

    private static String fromAddress(MimeMessage mime, MovingMessage moving) {
        try {
            Address[] from = mime == null ? null : mime.getFrom();
            if (from != null && from.length > 0) {
                return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
            }
        } catch (MessagingException e) {
            LOG.debug("Unreadable From header; using the envelope sender", e);
        }
        return moving.getReturnPath() == null ? null : moving.getReturnPath().getEmail();
    }

    /** The first text/plain and text/html parts that are not attachments, at any depth of multiparts. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = content(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = content(part);
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private HttpServer startHttp() {
        for (int attempt = 1;; attempt++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(FreePorts.LOOPBACK, FreePorts.next()), 0);
                server.createContext("/", this::handle);
                server.start();
                return server;
            } catch (BindException e) {
                if (attempt == HTTP_BIND_ATTEMPTS) {
                    throw new UncheckedIOException("Cannot bind the mail catcher's HTTP port", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the mail catcher's HTTP server", e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "Only GET is supported");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher messagePath = MESSAGE_PATH.matcher(path);
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", listPage(messages()));
            } else if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(messages().stream()
                        .map(MailCatcher::toJson)
                        .toList()));
            } else if (messagePath.matches()) {
                Optional<CapturedMail> mail = messages().stream()
                        .filter(m -> String.valueOf(m.index()).equals(messagePath.group(1)))
                        .findFirst();
                if (mail.isEmpty()) {
                    respond(exchange, 404, "text/plain", "No mail " + messagePath.group(1));
                } else if (mail.get().htmlBody() != null) {
                    respond(exchange, 200, "text/html", mail.get().htmlBody());
                } else {
                    respond(exchange, 200, "text/html", "<!DOCTYPE html><html><body><pre>"
                            + escape(mail.get().textBody()) + "</pre></body></html>");
                }
            } else {
                respond(exchange, 404, "text/plain", "Not found: " + path);
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, Object> toJson(CapturedMail mail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", mail.index());
        json.put("messageId", mail.messageId());
        json.put("from", mail.from());
        json.put("to", mail.to());
        json.put("subject", mail.subject());
        json.put("receivedAt", mail.receivedAt().toString());
        json.put("textBody", mail.textBody());
        json.put("htmlBody", mail.htmlBody());
        return json;
    }

    private static String listPage(List<CapturedMail> mails) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Mail catcher</title></head><body><h1>Received mail (" + mails.size() + ")</h1>"
                + "<table border=\"1\" cellpadding=\"4\"><tr><th>#</th><th>Received</th><th>From</th><th>To</th>"
                + "<th>Subject</th></tr>");
        for (int i = mails.size() - 1; i >= 0; i--) { // newest first
            CapturedMail mail = mails.get(i);
            html.append("<tr><td>")
                    .append(mail.index())
                    .append("</td><td>")
                    .append(mail.receivedAt())
                    .append("</td><td>")
                    .append(escape(mail.from()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/")
                    .append(mail.index())
                    .append("\">")
                    .append(escape(mail.subject() == null ? "(no subject)" : mail.subject()))
                    .append("</a></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
