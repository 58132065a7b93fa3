package io.backorder.inventory.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.inventory.FindSubstitutes;
import io.backorder.inventory.service.SubstituteService;
import io.backorder.support.messaging.MessageHandler;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FindSubstitutesHandler implements MessageHandler<FindSubstitutes> {

    private final SubstituteService substitutes;

    public FindSubstitutesHandler(SubstituteService substitutes) {
        this.substitutes = substitutes;
    }

    @Override
    public Class<FindSubstitutes> messageType() {
        return FindSubstitutes.class;
    }

    @Override
    public Uni<Void> handle(FindSubstitutes message, Envelope envelope) {
        return substitutes.find(message, envelope).replaceWithVoid();
    }
}
