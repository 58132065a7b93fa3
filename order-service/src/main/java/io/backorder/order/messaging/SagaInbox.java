package io.backorder.order.messaging;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.LineBackordered;
import io.backorder.contracts.inventory.LineRejected;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.ReservedStockShipped;
import io.backorder.contracts.inventory.StockAllocated;
import io.backorder.contracts.inventory.StockReleased;
import io.backorder.contracts.inventory.StockReserved;
import io.backorder.contracts.inventory.SubstitutesFound;
import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.CustomerNotified;
import io.backorder.contracts.notification.UpdatePaymentMethod;
import io.backorder.contracts.supplier.DropshipArranged;
import io.backorder.order.saga.OrderSaga;
import io.backorder.order.saga.Step;
import io.backorder.order.service.SagaRunner;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

/**
 * One inbox handler per message type the order service receives; each runs one saga step of the order the message
 * is about, inside the inbox transaction that also records the message as processed.
 */
public class SagaInbox {

    /** How a message of type {@code T} enters the saga. */
    @FunctionalInterface
    interface SagaInput<T> {
        void apply(OrderSaga saga, Step step, T message);
    }

    record SagaStepHandler<T extends Message>(Class<T> messageType, Function<T, UUID> orderOf, SagaInput<T> input,
            SagaRunner runner) implements MessageHandler<T> {

        @Override
        public Uni<Void> handle(T message, Envelope envelope) {
            return runner.step(orderOf.apply(message), envelope, (saga, step) -> input.apply(saga, step, message))
                    .replaceWithVoid();
        }
    }

    private final SagaRunner runner;

    public SagaInbox(SagaRunner runner) {
        this.runner = runner;
    }

    @Produces
    @Singleton
    MessageHandler<StockReserved> stockReserved() {
        return new SagaStepHandler<>(StockReserved.class, StockReserved::orderId, OrderSaga::onReservation, runner);
    }

    @Produces
    @Singleton
    MessageHandler<LineBackordered> lineBackordered() {
        return new SagaStepHandler<>(LineBackordered.class, LineBackordered::orderId, OrderSaga::onReservation,
                runner);
    }

    @Produces
    @Singleton
    MessageHandler<LineRejected> lineRejected() {
        return new SagaStepHandler<>(LineRejected.class, LineRejected::orderId, OrderSaga::onReservation, runner);
    }

    @Produces
    @Singleton
    MessageHandler<StockReleased> stockReleased() {
        return new SagaStepHandler<>(StockReleased.class, StockReleased::orderId, OrderSaga::onStockReleased,
                runner);
    }

    @Produces
    @Singleton
    MessageHandler<ReservedStockShipped> reservedStockShipped() {
        return new SagaStepHandler<>(ReservedStockShipped.class, ReservedStockShipped::orderId,
                OrderSaga::onReservedStockShipped, runner);
    }

    @Produces
    @Singleton
    MessageHandler<PromiseDateChanged> promiseDateChanged() {
        return new SagaStepHandler<>(PromiseDateChanged.class, PromiseDateChanged::orderId,
                OrderSaga::onPromiseDateChanged, runner);
    }

    @Produces
    @Singleton
    MessageHandler<StockAllocated> stockAllocated() {
        return new SagaStepHandler<>(StockAllocated.class, StockAllocated::orderId, OrderSaga::onStockAllocated,
                runner);
    }

    @Produces
    @Singleton
    MessageHandler<SubstitutesFound> substitutesFound() {
        return new SagaStepHandler<>(SubstitutesFound.class, SubstitutesFound::orderId,
                OrderSaga::onSubstitutesFound, runner);
    }

    @Produces
    @Singleton
    MessageHandler<DropshipArranged> dropshipArranged() {
        return new SagaStepHandler<>(DropshipArranged.class, DropshipArranged::orderId,
                OrderSaga::onDropshipArranged, runner);
    }

    @Produces
    @Singleton
    MessageHandler<ApplyCustomerDecision> customerDecision() {
        return new SagaStepHandler<>(ApplyCustomerDecision.class, ApplyCustomerDecision::orderId,
                OrderSaga::onCustomerDecision, runner);
    }

    @Produces
    @Singleton
    MessageHandler<UpdatePaymentMethod> paymentMethodUpdated() {
        return new SagaStepHandler<>(UpdatePaymentMethod.class, UpdatePaymentMethod::orderId,
                (saga, step, update) -> saga.onPaymentMethodUpdated(step, update.paymentMethodReference()), runner);
    }

    @Produces
    @Singleton
    MessageHandler<CustomerNotified> customerNotified() {
        return new SagaStepHandler<>(CustomerNotified.class, CustomerNotified::orderId,
                OrderSaga::onCustomerNotified, runner);
    }
}
