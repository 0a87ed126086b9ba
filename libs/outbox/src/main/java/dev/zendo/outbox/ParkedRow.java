package dev.zendo.outbox;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row the relay gave up on; later rows of its topic and key wait behind it.
 *
 * @param id       its position in the outbox
 * @param eventId  the event's id
 * @param topic    where it goes
 * @param key      its Kafka key
 * @param attempts how often publishing it failed
 * @param parkedAt when the relay parked it
 * @param error    the last error (its type and message)
 */
@Serdeable
public record ParkedRow(long id, UUID eventId, String topic, String key, int attempts, Instant parkedAt, String error) {
}
