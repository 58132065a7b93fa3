package io.backorder.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

class EmbeddedBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private Vertx vertx;
    private final List<AmqpConnection> connections = new ArrayList<>();
    private EmbeddedBroker broker;

    @BeforeEach
    void createVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeClientsThenBroker() throws Exception {
        for (AmqpConnection connection : connections) {
            await(connection.close());
        }
        await(vertx.close());
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void sentMessageIsCountedPeekedAndReceivedAsJson() throws Exception {
        broker = EmbeddedBroker.start(dataDir, false);
        assertEquals(0, broker.messageCount("stock-events"));
        assertEquals(List.of(), broker.peekMessageBodies("stock-events"));

        broker.sendAmqp("stock-events", "{\"sku\":\"A-1\",\"quantity\":3}", "msg-1");
        broker.sendAmqp("stock-events", "{\"sku\":\"B-2\",\"quantity\":0}", "msg-2");

        assertEquals(2, broker.messageCount("stock-events"));
        assertEquals(List.of("{\"sku\":\"A-1\",\"quantity\":3}", "{\"sku\":\"B-2\",\"quantity\":0}"),
                broker.peekMessageBodies("stock-events"));

        BlockingQueue<AmqpMessage> received = new LinkedBlockingQueue<>();
        AmqpConnection connection = connect();
        await(connection.createReceiver("stock-events")).handler(received::add);
        AmqpMessage first = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        AmqpMessage second = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals("msg-1", first.id());
        assertEquals("application/cloudevents+json", first.contentType());
        assertTrue(first.isDurable());
        assertEquals(new JsonObject().put("sku", "A-1").put("quantity", 3), new JsonObject(first.bodyAsString()));
        assertEquals("msg-2", second.id());
        assertTrue(eventually(() -> broker.messageCount("stock-events") == 0));
    }

    @Test
    void peeksCoreTextMessages() throws Exception {
        broker = EmbeddedBroker.start(dataDir, false);
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + broker.amqpPort());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession()) {
            session.createQueue(QueueConfiguration.of("core-text").setRoutingType(RoutingType.ANYCAST));
            try (ClientProducer producer = session.createProducer("core-text")) {
                ClientMessage message = session.createMessage(Message.TEXT_TYPE, true);
                message.getBodyBuffer().writeNullableSimpleString(SimpleString.of("{\"core\":true}"));
                producer.send(message);
            }
            assertEquals(List.of("{\"core\":true}"), broker.peekMessageBodies("core-text"));
        }
    }

    @Test
    void messageModifiedAsFailedUntilMaxAttemptsEndsInDeadLetterQueue() throws Exception {
        broker = EmbeddedBroker.start(dataDir, false, 3, 50);
        broker.sendAmqp("poison", "{\"bad\":true}", "poison-1");
        AtomicInteger deliveries = new AtomicInteger();
        consumeWithoutAutoAck("poison", message -> {
            deliveries.incrementAndGet();
            message.modified(true, false);
        });

        assertTrue(eventually(() -> broker.messageCount(EmbeddedBroker.DEAD_LETTER_QUEUE) == 1));
        assertEquals(3, deliveries.get());
        // the broker updates the source queue's count after moving the message, not atomically with it
        assertTrue(eventually(() -> broker.messageCount("poison") == 0));
        assertEquals(List.of("{\"bad\":true}"), broker.peekMessageBodies(EmbeddedBroker.DEAD_LETTER_QUEUE));
    }

    @Test
    void rejectedMessageGoesStraightToDeadLetterQueue() throws Exception {
        broker = EmbeddedBroker.start(dataDir, false);
        broker.sendAmqp("rejects", "{\"invalid\":true}", "reject-1");
        AtomicInteger deliveries = new AtomicInteger();
        consumeWithoutAutoAck("rejects", message -> {
            deliveries.incrementAndGet();
            message.rejected();
        });

        assertTrue(eventually(() -> broker.messageCount(EmbeddedBroker.DEAD_LETTER_QUEUE) == 1));
        assertEquals(1, deliveries.get());
    }

    @Test
    void persistentBrokerKeepsMessagesAcrossRestarts() {
        try (EmbeddedBroker first = EmbeddedBroker.start(dataDir, true)) {
            first.sendAmqp("durable-orders", "{\"order\":7}", "order-7");
        }
        broker = EmbeddedBroker.start(dataDir, true);
        assertEquals(List.of("{\"order\":7}"), broker.peekMessageBodies("durable-orders"));
    }

    @Test
    void anOutageKeepsPortAndMessagesAndTheBrokerComesBack() {
        broker = EmbeddedBroker.start(dataDir, true);
        int port = broker.amqpPort();
        broker.sendAmqp("outage-orders", "{\"order\":8}", "order-8");

        broker.stopServer();
        broker.startServer();

        assertEquals(port, broker.amqpPort());
        assertEquals(List.of("{\"order\":8}"), broker.peekMessageBodies("outage-orders"));
        broker.sendAmqp("outage-orders", "{\"order\":9}", "order-9");
        assertEquals(2, broker.messageCount("outage-orders"));
    }

    private AmqpConnection connect() throws Exception {
        AmqpConnection connection = await(AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host())
                .setPort(broker.amqpPort())).connect());
        connections.add(connection);
        return connection;
    }

    private void consumeWithoutAutoAck(String address, Consumer<AmqpMessage> handler)
            throws Exception {
        await(connect().createReceiver(address, new AmqpReceiverOptions().setAutoAcknowledgement(false)))
                .handler(handler::accept);
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            OsProcesses.sleep(Duration.ofMillis(50));
        }
        return true;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
