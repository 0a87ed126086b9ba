package dev.zendo.conversations.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** What a search hit found: a message, or a visitor by name, email or label. */
@Serdeable
public enum HitType {
    @JsonProperty("message")
    MESSAGE,
    @JsonProperty("visitor")
    VISITOR;
}
