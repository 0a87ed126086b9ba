package dev.zendo.conversations.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Whether an agent is connected and taking chats (online), connected but away, or not connected (offline). */
@Serdeable
public enum PresenceStatus {
    @JsonProperty("online")
    ONLINE,
    @JsonProperty("away")
    AWAY,
    @JsonProperty("offline")
    OFFLINE;
}
