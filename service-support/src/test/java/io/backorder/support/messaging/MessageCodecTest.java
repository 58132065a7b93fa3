package io.backorder.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.backorder.contracts.Envelope;
import io.backorder.contracts.Message;
import io.backorder.contracts.inventory.PromiseConfidence;
import io.backorder.contracts.inventory.PromiseDateChanged;
import io.backorder.contracts.inventory.StockAllocated;

class MessageCodecTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final MessageCodec codec = new MessageCodec(mapper, "inventory-service");

    @Test
    void writingInOnePassGivesTheDocumentOfWrappingThenWriting() throws Exception {
        UUID orderId = UUID.randomUUID();
        var allocated = new StockAllocated(orderId, UUID.randomUUID(), "SKU-1", 2, 1, "WH1", 42.5,
                "tier GOLD +20; \"quoted\" \u00e9");
        var moved = new PromiseDateChanged(orderId, UUID.randomUUID(), "SKU-1", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 9), PromiseConfidence.MEDIUM, "supplier ETA slipped");

        for (Message message : List.of(allocated, moved)) {
            MessageCodec.Written written = codec.wrapAndWrite(message, "cause-1");
            Envelope twoPass = codec.wrap(message, "cause-1");

            ObjectNode onePassJson = (ObjectNode) mapper.readTree(written.body());
            ObjectNode twoPassJson = (ObjectNode) mapper.readTree(codec.write(twoPass));
            assertThat(onePassJson.get("id").asText()).isEqualTo(written.envelope().id());
            // a fresh id and time per envelope; everything else is the same document
            for (ObjectNode json : List.of(onePassJson, twoPassJson)) {
                json.remove("id");
                json.remove("time");
            }
            assertThat(onePassJson).isEqualTo(twoPassJson);
            assertThat(codec.payload(codec.read(written.body()), message.getClass())).isEqualTo(message);
        }
    }
}
