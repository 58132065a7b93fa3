package io.backorder.inventory.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.inventory.LineReservation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LineReservationRepository implements PanacheRepositoryBase<LineReservation, LineReservation.Key> {

    public Uni<List<LineReservation>> forLines(Collection<UUID> lineIds) {
        return list("id.lineId in ?1 order by id.lineId, id.locationId", lineIds);
    }
}
