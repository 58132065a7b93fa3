package io.backorder.order.service;

import java.util.List;
import java.util.Optional;

import io.backorder.contracts.notification.CustomerContact;
import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.contracts.notification.SendCustomerMessage;
import io.backorder.order.Offer;
import io.backorder.order.Order;
import io.backorder.order.saga.CustomerNotice;

/** Turns a saga's customer notices into messages for notification-service, with the order as the step left it. */
final class CustomerMessages {

    private CustomerMessages() {
    }

    static SendCustomerMessage of(Order order, CustomerNotice notice) {
        OfferSnapshot offer = Optional.ofNullable(notice.offerId())
                .flatMap(order::findOffer)
                .map(CustomerMessages::offer)
                .orElse(null);
        return new SendCustomerMessage(order.id(), notice.kind(), contact(order), snapshot(order), offer,
                notice.actions(), notice.deduplicationKey());
    }

    static CustomerContact contact(Order order) {
        return new CustomerContact(order.customerId(), order.customerEmail(), order.customerPhone(),
                order.customerLocale(), order.emailOptIn(), order.smsOptIn());
    }

    static OrderSnapshot snapshot(Order order) {
        List<OrderSnapshot.Line> lines = order.lines()
                .stream()
                .map(line -> new OrderSnapshot.Line(line.id(), line.sku(), line.description(), line.quantity(),
                        line.state().name(), line.promiseDate(), line.promiseHistory()))
                .toList();
        return new OrderSnapshot(order.id(), order.reference(), order.placedAt(), order.currency(), lines,
                order.authorizedTotal(), order.capturedTotal(), order.refundedTotal());
    }

    static OfferSnapshot offer(Offer offer) {
        return new OfferSnapshot(offer.id(), offer.reason(), offer.expiresAt(), offer.defaultOption(),
                offer.options()
                        .stream()
                        .map(option -> new OfferSnapshot.Option(option.kind(), offer.lineId(), option.alternativeSku(),
                                option.description(), option.amount()))
                        .toList());
    }
}
