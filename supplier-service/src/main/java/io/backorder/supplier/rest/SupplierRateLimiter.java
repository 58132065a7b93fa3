package io.backorder.supplier.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.backorder.supplier.TokenBucket;
import io.backorder.supplier.config.SupplierConfig;

/**
 * Limits each supplier's requests to the supplier endpoint with a token bucket per supplier, before the request is
 * read or validated, so a flood of bad requests is limited too. Buckets live in memory: with several replicas each
 * one limits separately, so a supplier gets up to the limit times the number of replicas.
 */
@ApplicationScoped
public class SupplierRateLimiter {

    static final String SUPPLIER_PATH = "/supplier/";

    private final SupplierConfig.RateLimit config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public SupplierRateLimiter(SupplierConfig config) {
        this.config = config.rateLimit();
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void limit(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith(SUPPLIER_PATH)) {
            return;
        }
        String supplierId = SupplierIdentity.of(context.getSecurityContext().getUserPrincipal());
        if (supplierId == null) {
            return;
        }
        long now = System.nanoTime();
        long waitNanos = buckets.computeIfAbsent(supplierId, id -> newBucket(id, now)).tryTake(now);
        if (waitNanos > 0) {
            throw new TooManyRequestsProblem(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1));
        }
    }

    private TokenBucket newBucket(String supplierId, long now) {
        SupplierConfig.RateLimit.Limit own = config.suppliers().get(supplierId);
        return own != null
                ? new TokenBucket(own.capacity(), own.refillPerMinute(), now)
                : new TokenBucket(config.capacity(), config.refillPerMinute(), now);
    }
}
