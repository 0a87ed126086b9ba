package dev.zendo.conversations.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** What a search hit found: a message, or a visitor by name, email or label. */
@Serdeable
public enum HitType {
    MESSAGE, VISITOR;

    /** The API spelling: lower case. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
