package dev.zendo.websites.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import dev.zendo.events.v1.RoutingStrategy;

import java.util.Locale;

/** How a group hands new conversations to its members. */
@Serdeable
public enum Routing {
    /** Members in turn. */
    @JsonProperty("round_robin")
    ROUND_ROBIN,
    /** The accepting member with the fewest open conversations. */
    @JsonProperty("least_loaded")
    LEAST_LOADED,
    /** The agent the visitor talked to last when available, else least loaded. */
    @JsonProperty("sticky")
    STICKY;

    /** How requests spell the strategies, as a regular expression. */
    static final String PATTERN = "round_robin|least_loaded|sticky";
    static final String MESSAGE = "must be round_robin, least_loaded or sticky";

    static Routing parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The API spelling: {@code round_robin}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    RoutingStrategy toEvent() {
        return RoutingStrategy.valueOf("ROUTING_STRATEGY_" + name());
    }
}
