package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.SecretCipher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs a delivery with its subscription's secret and POSTs it once. */
@Singleton
class DeliverySender {

    private final SecretCipher cipher;
    private final WebhookClient client;
    private final Clock clock;

    DeliverySender(SecretCipher cipher, WebhookClient client, Clock clock) {
        this.cipher = cipher;
        this.client = client;
        this.clock = clock;
    }

    /** One attempt at {@code delivery}; never throws. */
    AttemptResult send(PendingDelivery delivery) {
        String secret;
        try {
            secret = cipher.decrypt(delivery.subscriptionId(), delivery.secretCiphertext());
        } catch (IllegalStateException e) {
            return AttemptResult.notSent("the subscription's signing secret cannot be decrypted with the configured keyset");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Zendo-Signature", Signature.header(secret, clock.instant().getEpochSecond(), delivery.body()));
        headers.put("Zendo-Event-Id", delivery.eventId().toString());
        headers.put("Zendo-Event-Type", delivery.eventType());
        headers.put("Zendo-Delivery-Id", delivery.id().toString());
        return client.post(delivery.url(), delivery.body(), headers);
    }
}
