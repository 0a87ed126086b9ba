package dev.zendo.websites.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** The two kinds of website keys. */
@Serdeable
public enum KeyKind {
    /** {@code pk_…}: identifies the website to its widget; public, stored as is. */
    @JsonProperty("public")
    PUBLIC("pk_"),
    /** {@code sk_…}: for the website's servers; shown once, stored as a SHA-256 hash. */
    @JsonProperty("secret")
    SECRET("sk_");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** What every key of this kind starts with. */
    public String prefix() {
        return prefix;
    }

    /** The API spelling: {@code public} or {@code secret}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind in event contracts. */
    dev.zendo.events.v1.KeyKind toEvent() {
        return this == PUBLIC ? dev.zendo.events.v1.KeyKind.KEY_KIND_PUBLIC : dev.zendo.events.v1.KeyKind.KEY_KIND_SECRET;
    }
}
