package dev.zendo.websites.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** A member's role in one website; what each may do is {@link Permission}'s matrix. */
@Serdeable
public enum Role {
    @JsonProperty("owner")
    OWNER,
    @JsonProperty("admin")
    ADMIN,
    @JsonProperty("supervisor")
    SUPERVISOR,
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("viewer")
    VIEWER;

    /** How requests and responses spell the roles, as a regular expression. */
    public static final String PATTERN = "owner|admin|supervisor|agent|viewer";

    /** The role spelled as in the API ({@code "owner"}). */
    public static Role parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The API spelling, as {@link JsonProperty} names it: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role in event contracts. */
    public dev.zendo.events.v1.Role toEvent() {
        return dev.zendo.events.v1.Role.valueOf("ROLE_" + name());
    }
}
