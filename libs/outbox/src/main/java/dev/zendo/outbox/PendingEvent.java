package dev.zendo.outbox;

import dev.zendo.platform.crypto.Sha256;
import java.nio.ByteBuffer;
import java.util.UUID;

/** An event appended in a transaction that has not committed yet. */
record PendingEvent(UUID eventId, String topic, String key, byte[] payload) {

    /** A 64-bit lock id for this event's topic and key: the same for every event of the key, in every instance. */
    long keyLock() {
        return ByteBuffer.wrap(Sha256.of(topic + '\0' + key)).getLong();
    }
}
