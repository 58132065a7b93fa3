package io.backorder.supplier.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.DemandForecastUpdated;
import io.backorder.supplier.DemandForecast;
import io.backorder.supplier.JsonLists;
import io.backorder.supplier.rest.ForecastView;
import io.backorder.support.messaging.InvalidMessageException;
import io.backorder.support.rest.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Inventory's forecasts of end-customer demand, shared with the suppliers of each SKU: a supplier sees the forecast
 * of a SKU while it has an agreement for it that has not ended.
 */
@ApplicationScoped
public class ForecastService {

    /** A forecast made earlier than the stored one (a late redelivery) changes nothing. */
    private static final String UPSERT = """
            insert into demand_forecast (sku, from_date, daily_forecast, method, holdout_mae, holdout_bias, made_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (sku) do update set from_date = excluded.from_date,
                daily_forecast = excluded.daily_forecast, method = excluded.method,
                holdout_mae = excluded.holdout_mae, holdout_bias = excluded.holdout_bias, made_at = excluded.made_at
            where demand_forecast.made_at <= excluded.made_at""";
    private static final String SUPPLIED = """
            sku in (select a.sku from Agreement a where a.supplierId = :supplier
                and (a.validTo is null or a.validTo >= :today))""";

    private final JsonLists.Doubles json = new JsonLists.Doubles();
    private final Clock clock;

    public ForecastService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Void> record(DemandForecastUpdated forecast, Envelope envelope) {
        if (forecast.sku() == null || forecast.from() == null || forecast.dailyForecast() == null
                || forecast.dailyForecast().stream().anyMatch(day -> day == null || day < 0 || day.isNaN())) {
            throw new InvalidMessageException("A forecast needs a SKU, a start date and non-negative daily values");
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, forecast.sku())
                        .setParameter(2, forecast.from())
                        .setParameter(3, json.convertToDatabaseColumn(forecast.dailyForecast()))
                        .setParameter(4, forecast.method())
                        .setParameter(5, forecast.holdoutMae())
                        .setParameter(6, forecast.holdoutBias())
                        .setParameter(7, envelope.time())
                        .executeUpdate())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<ForecastView>> forSupplier(String supplierId) {
        return Panache.getSession()
                .chain(session -> session
                        .createSelectionQuery("from DemandForecast where " + SUPPLIED + " order by sku",
                                DemandForecast.class)
                        .setParameter("supplier", supplierId)
                        .setParameter("today", LocalDate.now(clock))
                        .getResultList())
                .map(found -> found.stream().map(ForecastView::of).toList());
    }

    /** Not found unless the supplier supplies the SKU and there is a forecast for it. */
    @WithSession
    public Uni<ForecastView> forSupplier(String supplierId, String sku) {
        return Panache.getSession()
                .chain(session -> session
                        .createSelectionQuery("from DemandForecast where sku = :sku and " + SUPPLIED,
                                DemandForecast.class)
                        .setParameter("sku", sku)
                        .setParameter("supplier", supplierId)
                        .setParameter("today", LocalDate.now(clock))
                        .getSingleResultOrNull())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundProblem("No forecast for " + sku))
                .map(ForecastView::of);
    }
}
