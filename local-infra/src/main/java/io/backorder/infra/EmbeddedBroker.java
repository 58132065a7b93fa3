package io.backorder.infra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;

import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.ICoreMessage;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.jboss.logging.Logger;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * An embedded ActiveMQ Artemis broker with one acceptor for AMQP 1.0 and CORE on 127.0.0.1, security
 * off, and the dead-letter and redelivery settings the services rely on.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String DEAD_LETTER_QUEUE = "DLQ";
    public static final String EXPIRY_QUEUE = "ExpiryQueue";
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 5;
    public static final long DEFAULT_REDELIVERY_DELAY_MILLIS = 200;
    /** As deploy/infra/artemis/broker.properties. */
    public static final int GROUP_BUCKETS = 1024;

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);
    private static final String ACCEPTOR_NAME = "amqp";
    private static final int START_ATTEMPTS = 3;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Artemis logs a dozen INFO lines per start and, with an SLF4J binding at INFO, an audit line per
     * message. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger ARTEMIS_LOGGER = java.util.logging.Logger
            .getLogger("org.apache.activemq");

    private final ActiveMQServer server;
    private final int port;
    private Vertx clientVertx;
    private AmqpConnection clientConnection;

    private EmbeddedBroker(ActiveMQServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker; with {@code persistent}, messages survive a restart in {@code dataDir}. */
    public static EmbeddedBroker start(Path dataDir, boolean persistent) {
        return start(dataDir, persistent, DEFAULT_MAX_DELIVERY_ATTEMPTS, DEFAULT_REDELIVERY_DELAY_MILLIS);
    }

    /**
     * Starts a broker whose queues move a message to {@value #DEAD_LETTER_QUEUE} after
     * {@code maxDeliveryAttempts} failed deliveries, waiting {@code redeliveryDelayMillis} (doubling each
     * time, at most 5 s) between them.
     */
    public static EmbeddedBroker start(Path dataDir, boolean persistent, int maxDeliveryAttempts,
            long redeliveryDelayMillis) {
        Objects.requireNonNull(dataDir, "dataDir");
        quietArtemisUnlessConfigured();
        Exception lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            ActiveMQServer server = ActiveMQServers.newActiveMQServer(
                    configuration(dataDir.toAbsolutePath(), persistent, port, maxDeliveryAttempts,
                            redeliveryDelayMillis),
                    persistent);
            try {
                server.start();
                if (server.isActive() && server.getRemotingService().getAcceptor(ACCEPTOR_NAME).isStarted()) {
                    LOG.infof("Artemis started with AMQP on 127.0.0.1:%d%s", port, persistent ? " (persistent)" : "");
                    return new EmbeddedBroker(server, port);
                }
                // most likely somebody else took the port between FreePorts.next() and the bind
                lastFailure = new IllegalStateException("AMQP acceptor on port " + port + " did not start");
            } catch (Exception e) {
                lastFailure = e;
            }
            stopQuietly(server);
        }
        throw new IllegalStateException("The embedded Artemis broker did not start after "
                + START_ATTEMPTS + " attempts", lastFailure);
    }

    public int amqpPort() {
        return port;
    }

    /**
     * Takes the broker down as an outage would (clients lose their connections), keeping its port and, when
     * persistent, its messages; {@link #startServer()} brings it back.
     */
    public synchronized void stopServer() {
        closeClient();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Stopping the broker failed", e);
        }
        LOG.infof("Artemis on port %d stopped", port);
    }

    public synchronized void startServer() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Restarting the broker failed", e);
        }
        if (!server.isActive() || !server.getRemotingService().getAcceptor(ACCEPTOR_NAME).isStarted()) {
            throw new IllegalStateException("The broker did not come back on port " + port);
        }
        LOG.infof("Artemis on port %d started again", port);
    }

    public String host() {
        return FreePorts.LOOPBACK;
    }

    /** Messages in the queue, including those scheduled for redelivery and those delivered but not settled. */
    public long messageCount(String queueName) {
        Queue queue = server.locateQueue(SimpleString.of(queueName));
        return queue == null ? 0 : queue.getMessageCount();
    }

    /**
     * The bodies of the messages {@link #messageCount} counts, as text, without consuming them: first
     * the waiting ones in queue order, then those scheduled for redelivery, then those out for delivery.
     */
    public List<String> peekMessageBodies(String queueName) {
        Queue queue = server.locateQueue(SimpleString.of(queueName));
        if (queue == null) {
            return List.of();
        }
        List<String> bodies = new ArrayList<>();
        try (LinkedListIterator<MessageReference> waiting = queue.browserIterator()) {
            waiting.forEachRemaining(reference -> bodies.add(bodyText(reference.getMessage())));
        }
        queue.getScheduledMessages().forEach(reference -> bodies.add(bodyText(reference.getMessage())));
        queue.getDeliveringMessages()
                .values()
                .forEach(references -> references.forEach(reference -> bodies.add(bodyText(reference.getMessage()))));
        return bodies;
    }

    /**
     * Sends a durable AMQP 1.0 message to an anycast address the way the suite's outbox relay does: the body as
     * an AmqpValue string with content type {@code application/cloudevents+json}. Returns once the broker has
     * accepted the message.
     */
    public void sendAmqp(String address, String body, String messageId) {
        sendAmqp(address, body, messageId, "application/cloudevents+json", null);
    }

    /**
     * Sends an envelope as the outbox relay does, in the message group of its correlation id: the broker delivers the
     * messages of one group in order, to one consumer at a time.
     */
    public void sendEnvelope(String address, String body, String messageId, String correlationId) {
        sendAmqp(address, body, messageId, "application/cloudevents+json", correlationId);
    }

    /**
     * Like {@link #sendAmqp(String, String, String)} with another content type. With {@code application/json} the
     * SmallRye connector decodes the body itself and silently leaves an undecodable one unsettled, which is why the
     * suite never uses that content type on the wire.
     */
    public void sendAmqp(String address, String body, String messageId, String contentType) {
        sendAmqp(address, body, messageId, contentType, null);
    }

    private synchronized void sendAmqp(String address, String body, String messageId, String contentType,
            String groupId) {
        AmqpSender sender = await(clientConnection().createSender(address), "open a sender to " + address);
        try {
            await(sender.sendWithAck(AmqpMessage.create()
                    .id(messageId)
                    .durable(true)
                    .contentType(contentType)
                    .groupId(groupId)
                    .withBody(body)
                    .build()), "send to " + address);
        } finally {
            await(sender.close(), "close the sender to " + address);
        }
    }

    public synchronized void stop() {
        closeClient();
        Exception failure = stopQuietly(server);
        if (failure != null) {
            LOG.warnf(failure, "Stopping the embedded Artemis broker on port %d failed", port);
        }
    }

    private void closeClient() {
        if (clientVertx != null) {
            if (clientConnection != null) {
                awaitQuietly(clientConnection.close()); // else the broker logs a connection failure
            }
            awaitQuietly(clientVertx.close());
            clientVertx = null;
            clientConnection = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private AmqpConnection clientConnection() {
        if (clientConnection == null || clientConnection.isDisconnected()) {
            if (clientVertx == null) {
                // no file cache: Vert.x would otherwise create a cache directory for nothing
                clientVertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
            }
            AmqpClient client = AmqpClient.create(clientVertx,
                    new AmqpClientOptions().setHost(host())
                            .setPort(port)
                            .setConnectTimeout((int) CLIENT_TIMEOUT.toMillis()));
            clientConnection = await(client.connect(), "connect to 127.0.0.1:" + port);
        }
        return clientConnection;
    }

    private static Configuration configuration(Path dataDir, boolean persistent, int port, int maxDeliveryAttempts,
            long redeliveryDelayMillis) {
        Configuration config = new ConfigurationImpl()
                .setName("backorder-embedded")
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                // a nearly full disk must not block producers in a test
                .setMaxDiskUsage(-1)
                // the analyzer may halt the JVM when a busy test machine stalls a broker thread
                .setCriticalAnalyzer(false)
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                        .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE))
                        .setMaxDeliveryAttempts(maxDeliveryAttempts)
                        .setRedeliveryDelay(redeliveryDelayMillis)
                        .setRedeliveryMultiplier(2.0)
                        .setMaxRedeliveryDelay(5000)
                        // messages are grouped by order; buckets keep the broker's group table bounded
                        .setDefaultGroupBuckets(GROUP_BUCKETS)
                        .setAutoCreateAddresses(true)
                        .setAutoCreateQueues(true)
                        .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                        .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        try {
            config.addAcceptorConfiguration(ACCEPTOR_NAME,
                    "tcp://" + FreePorts.LOOPBACK + ":" + port + "?protocols=AMQP,CORE");
        } catch (Exception e) {
            throw new IllegalStateException("Invalid acceptor configuration", e);
        }
        for (String queue : List.of(DEAD_LETTER_QUEUE, EXPIRY_QUEUE)) {
            config.addQueueConfiguration(QueueConfiguration.of(queue)
                    .setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST));
        }
        return config;
    }

    private static void quietArtemisUnlessConfigured() {
        if (ARTEMIS_LOGGER.getLevel() == null) {
            ARTEMIS_LOGGER.setLevel(Level.WARNING);
        }
    }

    private static String bodyText(Message message) {
        if (message instanceof AMQPMessage amqp) {
            return amqpBodyText(amqp.getBody());
        }
        ICoreMessage core = message.toCore();
        ActiveMQBuffer body = core.getReadOnlyBodyBuffer();
        if (core.getType() == Message.TEXT_TYPE) {
            SimpleString text = body.readNullableSimpleString();
            return text == null ? null : text.toString();
        }
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String amqpBodyText(Section body) {
        if (body instanceof Data data) {
            return binaryText(data.getValue());
        }
        if (body instanceof AmqpValue value) {
            return value.getValue() instanceof Binary binary ? binaryText(binary) : String.valueOf(value.getValue());
        }
        return body == null ? null : body.toString();
    }

    private static String binaryText(Binary binary) {
        return new String(binary.getArray(), binary.getArrayOffset(), binary.getLength(), StandardCharsets.UTF_8);
    }

    private static Exception stopQuietly(ActiveMQServer server) {
        try {
            server.stop();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static <T> T await(Future<T> future, String action) {
        try {
            return future.toCompletionStage()
                    .toCompletableFuture()
                    .get(CLIENT_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("AMQP client could not " + action + " on the embedded broker",
                    e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private static void awaitQuietly(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Closing the AMQP test client failed", e);
        }
    }
}
