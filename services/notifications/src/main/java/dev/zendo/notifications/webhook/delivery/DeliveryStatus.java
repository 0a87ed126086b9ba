package dev.zendo.notifications.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Where a delivery stands: waiting for its (next) attempt, taken by the receiver, or given up. */
@Serdeable
public enum DeliveryStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("failed")
    FAILED
}
