package io.backorder.supplier.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.supplier.service.ForecastService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DemandForecastUpdatedHandler implements MessageHandler<DemandForecastUpdated> {

    private final ForecastService forecasts;

    public DemandForecastUpdatedHandler(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Class<DemandForecastUpdated> messageType() {
        return DemandForecastUpdated.class;
    }

    @Override
    public Uni<Void> handle(DemandForecastUpdated message, Envelope envelope) {
        return forecasts.record(message, envelope);
    }
}
