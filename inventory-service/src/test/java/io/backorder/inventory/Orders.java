package io.backorder.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.backorder.contracts.CustomerTier;
import io.backorder.contracts.inventory.ReserveStock;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Builds ReserveStock commands and calls transactional services from test threads. */
final class Orders {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final UUID orderId = UUID.randomUUID();
    private final List<ReserveStock.Line> lines = new ArrayList<>();
    private CustomerTier tier = CustomerTier.STANDARD;
    private BigDecimal value = new BigDecimal("10.00");
    private Instant placedAt = Instant.now();
    private boolean shipComplete;

    static Orders order() {
        return new Orders();
    }

    Orders tier(CustomerTier customerTier) {
        tier = customerTier;
        return this;
    }

    Orders value(String orderValue) {
        value = new BigDecimal(orderValue);
        return this;
    }

    Orders placedDaysAgo(int days) {
        placedAt = Instant.now().minus(Duration.ofDays(days));
        return this;
    }

    Orders placedAt(Instant instant) {
        placedAt = instant;
        return this;
    }

    Orders shipComplete() {
        shipComplete = true;
        return this;
    }

    Orders line(String sku, int quantity) {
        lines.add(new ReserveStock.Line(UUID.randomUUID(), sku, quantity));
        return this;
    }

    UUID lineId(int index) {
        return lines.get(index).lineId();
    }

    UUID orderId() {
        return orderId;
    }

    ReserveStock command() {
        return new ReserveStock(orderId, "customer-" + orderId, tier, value, placedAt, shipComplete, null,
                List.copyOf(lines));
    }

    static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
