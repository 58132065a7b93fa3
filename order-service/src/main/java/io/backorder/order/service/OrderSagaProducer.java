package io.backorder.order.service;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.backorder.order.config.OrderConfig;
import io.backorder.order.saga.OrderSaga;
import io.backorder.order.saga.SagaPolicy;

/** The saga with the shop's rules from configuration; invalid rules stop the service at start. */
public class OrderSagaProducer {

    @Produces
    @Singleton
    OrderSaga saga(OrderConfig config) {
        return new OrderSaga(policy(config));
    }

    static SagaPolicy policy(OrderConfig config) {
        OrderConfig.Payment payment = config.payment();
        OrderConfig.Offers offers = config.offers();
        List<SagaPolicy.PriceClass> classes = offers.priceClasses()
                .entrySet()
                .stream()
                .map(e -> new SagaPolicy.PriceClass(e.getKey(), e.getValue().minUnitPrice(),
                        e.getValue().slipThresholdDays()))
                .toList();
        return new SagaPolicy(
                new SagaPolicy.Charging(payment.authorizationWindow(), payment.reauthorizeBefore(),
                        payment.updateDeadline()),
                new SagaPolicy.Offers(offers.slipThresholdDays(), classes, offers.ttl(), offers.reminderBefore(),
                        offers.substitutesTimeout(), offers.maxAlternatives(), offers.defaultOption(),
                        offers.alternativePricing(), new SagaPolicy.Consolation(offers.consolation().kind(),
                                offers.consolation().discountPercent(), offers.consolation().voucherAmount())));
    }
}
