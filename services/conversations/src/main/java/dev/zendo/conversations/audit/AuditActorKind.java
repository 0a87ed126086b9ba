package dev.zendo.conversations.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Who took an audited action: an agent, a visitor, Zendo itself, a bot, or a website's backend with its secret key. */
@Serdeable
public enum AuditActorKind {
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("visitor")
    VISITOR,
    @JsonProperty("system")
    SYSTEM,
    @JsonProperty("bot")
    BOT,
    @JsonProperty("server_key")
    SERVER_KEY
}
