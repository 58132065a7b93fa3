package io.backorder.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

import io.backorder.contracts.inventory.ReserveStock;

class MessageCatalogTest {

    @Test
    void everyEntryIsAConcreteRecordWithAtLeastOneDestination() {
        assertThat(MessageCatalog.all()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.payloadType().isRecord()).as(entry.typeName()).isTrue();
            assertThat(Modifier.isAbstract(entry.payloadType().getModifiers())).isFalse();
            assertThat(entry.destinations()).as(entry.typeName()).isNotEmpty();
        });
    }

    @Test
    void namesResolveBackToTheirTypes() {
        MessageCatalog.all().forEach(entry -> assertThat(MessageCatalog.byName(entry.typeName())).contains(entry));
        assertThat(MessageCatalog.of(ReserveStock.class).destinations()).containsExactly(Addresses.INVENTORY_INBOX);
    }

    @Test
    void unknownTypesAreRefused() {
        assertThat(MessageCatalog.byName("NoSuchMessage")).isEmpty();
        assertThatThrownBy(() -> MessageCatalog.of(Message.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
