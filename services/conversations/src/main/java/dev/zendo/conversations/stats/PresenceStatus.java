package dev.zendo.conversations.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Whether an agent is connected and taking chats (online), connected but away, or not connected (offline). */
@Serdeable
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE;

    /** The API spelling: lower case. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
