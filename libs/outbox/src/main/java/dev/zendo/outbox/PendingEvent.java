package dev.zendo.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** An event appended in a transaction that has not committed yet. */
record PendingEvent(UUID eventId, String topic, String key, byte[] payload) {

    /** A 64-bit lock id for this event's topic and key: the same for every event of the key, in every instance. */
    long keyLock() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(topic.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
