package dev.zendo.notifications.webhook.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery about to be attempted, with what the attempt needs.
 *
 * @param id               the delivery's id
 * @param subscriptionId   its subscription
 * @param websiteId        the subscription's website
 * @param eventId          the event delivered
 * @param eventType        its type
 * @param body             the JSON body, the same on every attempt
 * @param url              where to POST it
 * @param secretCiphertext the subscription's signing secret, encrypted
 * @param attempts         automatic attempts made before this one
 * @param createdAt        when the delivery was queued
 */
record PendingDelivery(UUID id, UUID subscriptionId, UUID websiteId, UUID eventId, String eventType, String body, String url,
                       byte[] secretCiphertext, int attempts, Instant createdAt) {

    @Override
    public String toString() {
        return "PendingDelivery[id=" + id + ", subscriptionId=" + subscriptionId + ", eventId=" + eventId + "]";
    }
}
