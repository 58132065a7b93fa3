package io.backorder.insights.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.message.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.contracts.Addresses;
import io.backorder.contracts.MessageCatalog;
import io.backorder.insights.Table;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.proton.ProtonClient;
import io.vertx.proton.ProtonConnection;
import io.vertx.proton.ProtonReceiver;
import io.vertx.proton.ProtonSender;

/**
 * The broker's dead letters, read over AMQP 1.0 like everything else (no broker management API): a receiver with the
 * {@code copy} distribution mode browses the queue without taking anything; a retry takes a message and sends it
 * back to every inbox its envelope type goes to (MessageCatalog). An inbox that had handled it already skips it by its
 * message id, so sending to all of them is safe. The dead letter is accepted (removed) only once every send was
 * accepted; a message that is not an envelope of a known type stays where it is.
 */
@ApplicationScoped
public class DeadLetters {

    public record DeadLetter(String id, String type, String correlationId, List<String> destinations) {
    }

    private static final int MAX = 200;
    private static final long DRAIN_MILLIS = 2000;
    private static final Symbol COPY = Symbol.valueOf("copy");

    private final Vertx vertx;
    private final ObjectMapper json;
    private final String host;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;

    public DeadLetters(Vertx vertx, ObjectMapper json, @ConfigProperty(name = "amqp-host") String host,
            @ConfigProperty(name = "amqp-port") int port,
            @ConfigProperty(name = "amqp-username") Optional<String> username,
            @ConfigProperty(name = "amqp-password") Optional<String> password) {
        this.vertx = vertx;
        this.json = json;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** Up to {@value #MAX} dead letters, oldest first, left on the queue. */
    public Uni<Table> table() {
        return withConnection(this::browse).map(letters -> new Table("dead-letters", "Dead letters",
                List.of("id", "type", "correlation", "destinations"), letters.stream()
                        .map(letter -> Arrays.<Object>asList(letter.id(), letter.type(), letter.correlationId(),
                                String.join(" ", letter.destinations())))
                        .toList()));
    }

    /** Sends the dead letter with this envelope id (all of them when null) back to its inboxes; the number moved. */
    public Uni<Integer> retry(String envelopeId) {
        return withConnection(connection -> resend(connection, envelopeId))
                .invoke(moved -> Log.infof("Moved %d dead letter(s) back to their inboxes", moved));
    }

    private Future<List<DeadLetter>> browse(ProtonConnection connection) {
        Promise<List<DeadLetter>> done = Promise.promise();
        List<DeadLetter> letters = new ArrayList<>();
        ProtonReceiver receiver = connection.createReceiver(Addresses.DEAD_LETTERS);
        ((Source) receiver.getSource()).setDistributionMode(COPY);
        receiver.setPrefetch(0).setAutoAccept(false).handler((delivery, message) -> {
            letters.add(letter(message));
            delivery.disposition(Accepted.getInstance(), true);
        }).openHandler(opened -> {
            if (opened.failed()) {
                done.fail(opened.cause());
                return;
            }
            receiver.flow(MAX);
            // the broker ends the drain when it has sent what there is; a broker that ignores drain times out
            receiver.drain(DRAIN_MILLIS, drained -> done.tryComplete(letters));
        }).open();
        return done.future();
    }

    private Future<Integer> resend(ProtonConnection connection, String envelopeId) {
        Promise<Integer> done = Promise.promise();
        AtomicInteger moved = new AtomicInteger();
        List<Future<Void>> pending = new ArrayList<>();
        ProtonSender sender = connection.createSender(null);
        sender.openHandler(senderOpened -> {
            if (senderOpened.failed()) {
                done.fail(senderOpened.cause());
                return;
            }
            ProtonReceiver receiver = connection.createReceiver(Addresses.DEAD_LETTERS);
            receiver.setPrefetch(0).setAutoAccept(false).handler((delivery, message) -> {
                DeadLetter letter = letter(message);
                if (letter.destinations().isEmpty() || (envelopeId != null && !envelopeId.equals(letter.id()))) {
                    // left unsettled: the broker puts it back when the link closes
                    return;
                }
                List<Future<Void>> sends = letter.destinations()
                        .stream()
                        .map(destination -> send(sender, message, destination))
                        .toList();
                pending.add(Future.all(sends).onSuccess(all -> {
                    delivery.disposition(Accepted.getInstance(), true);
                    moved.incrementAndGet();
                }).mapEmpty());
            }).openHandler(opened -> {
                if (opened.failed()) {
                    done.fail(opened.cause());
                    return;
                }
                receiver.flow(MAX);
                receiver.drain(DRAIN_MILLIS, drained -> Future.join(pending)
                        .onComplete(all -> done.complete(moved.get())));
            }).open();
        }).open();
        return done.future();
    }

    private static Future<Void> send(ProtonSender sender, Message original, String destination) {
        Promise<Void> accepted = Promise.promise();
        Message copy = Message.Factory.create();
        copy.setAddress(destination);
        copy.setMessageId(original.getMessageId());
        copy.setContentType(original.getContentType());
        copy.setDurable(true);
        copy.setBody(original.getBody());
        sender.send(copy, delivery -> {
            if (delivery.getRemoteState() instanceof Accepted) {
                accepted.complete();
            } else {
                accepted.fail("The broker did not accept the message for " + destination + ": "
                        + delivery.getRemoteState());
            }
        });
        return accepted.future();
    }

    private DeadLetter letter(Message message) {
        String body = body(message);
        try {
            JsonNode envelope = json.readTree(body);
            String type = envelope.path("type").asText("");
            return new DeadLetter(envelope.path("id").asText(String.valueOf(message.getMessageId())), type,
                    envelope.path("correlationid").asText(""), MessageCatalog.byName(type)
                            .map(MessageCatalog.Entry::destinations)
                            .orElse(List.of()));
        } catch (Exception notAnEnvelope) {
            return new DeadLetter(String.valueOf(message.getMessageId()), "(not an envelope)", "", List.of());
        }
    }

    private static String body(Message message) {
        if (message.getBody() instanceof AmqpValue value && value.getValue() instanceof String text) {
            return text;
        }
        if (message.getBody() instanceof Data data) {
            Binary binary = data.getValue();
            return new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(), StandardCharsets.UTF_8);
        }
        return "";
    }

    private <T> Uni<T> withConnection(Function<ProtonConnection, Future<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            ProtonClient client = ProtonClient.create(vertx);
            Handler<AsyncResult<ProtonConnection>> connected = result -> {
                if (result.failed()) {
                    emitter.fail(result.cause());
                    return;
                }
                ProtonConnection connection = result.result();
                connection.openHandler(opened -> {
                    if (opened.failed()) {
                        connection.disconnect();
                        emitter.fail(opened.cause());
                        return;
                    }
                    work.apply(connection).onComplete(outcome -> {
                        connection.close();
                        connection.disconnect();
                        if (outcome.succeeded()) {
                            emitter.complete(outcome.result());
                        } else {
                            emitter.fail(outcome.cause());
                        }
                    });
                }).open();
            };
            if (username.isPresent()) {
                client.connect(host, port, username.get(), password.orElse(""), connected);
            } else {
                client.connect(host, port, connected);
            }
        });
    }
}
