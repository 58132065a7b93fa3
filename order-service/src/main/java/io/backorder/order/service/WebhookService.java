package io.backorder.order.service;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.backorder.order.Order;
import io.backorder.order.TimelineEntry;
import io.backorder.order.WebhookSubscription;
import io.backorder.order.repository.WebhookDeliveryRepository;
import io.backorder.order.repository.WebhookRepository;
import io.backorder.order.rest.WebhookEvent;
import io.backorder.order.rest.WebhookRequest;
import io.backorder.order.rest.WebhookView;
import io.backorder.support.rest.NotFoundProblem;
import io.backorder.support.rest.UnprocessableProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Webhook subscriptions of platforms, and the deliveries their order events turn into. A platform only ever sees its
 * own subscriptions and the events of its own orders.
 */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookService(WebhookRepository subscriptions, WebhookDeliveryRepository deliveries, ObjectMapper json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** The signing secret is returned here only; it cannot be read again. */
    @WithTransaction
    public Uni<WebhookView> subscribe(String platform, WebhookRequest request) {
        URI url = request.url();
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new UnprocessableProblem("A webhook URL must be an absolute http(s) URL");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.platform = platform;
        subscription.url = request.url().toString();
        subscription.events = String.join(",", request.events());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        subscription.secret = "whsec_" + HexFormat.of().formatHex(secret);
        subscription.createdAt = clock.instant();
        return subscriptions.persist(subscription).map(saved -> WebhookView.withSecret(saved));
    }

    @WithSession
    public Uni<List<WebhookView>> list(String platform) {
        return subscriptions.ofPlatform(platform).map(found -> found.stream().map(WebhookView::of).toList());
    }

    @WithTransaction
    public Uni<Void> unsubscribe(String platform, UUID id) {
        return owned(platform, id).flatMap(subscriptions::delete);
    }

    @WithSession
    public Uni<List<WebhookView.Delivery>> deliveries(String platform, UUID id, int page, int size) {
        return owned(platform, id).flatMap(subscription -> deliveries.ofSubscription(subscription.id, page, size))
                .map(found -> found.stream().map(WebhookView.Delivery::of).toList());
    }

    /**
     * The webhook body of each event of a saga step, in the same order; the step's timeline append queues them for
     * the subscriptions that want them.
     */
    public List<String> payloads(Order order, List<TimelineEntry> events) {
        return events.stream().map(event -> payload(order, event)).toList();
    }

    private String payload(Order order, TimelineEntry event) {
        try {
            return json.writeValueAsString(new WebhookEvent(event.eventId, event.type, event.at, order.id(),
                    order.reference(), order.status(), event.lineId, event.detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize webhook event", e);
        }
    }

    private Uni<WebhookSubscription> owned(String platform, UUID id) {
        return subscriptions.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No webhook subscription " + id))
                .invoke(subscription -> {
                    if (!subscription.platform.equals(platform)) {
                        throw new NotFoundProblem("No webhook subscription " + id);
                    }
                });
    }
}
