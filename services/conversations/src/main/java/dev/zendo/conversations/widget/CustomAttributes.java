package dev.zendo.conversations.widget;

import dev.zendo.platform.http.ApiException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A visitor's custom attributes: keys {@code [a-z][a-z0-9_]{0,39}}, values a string (at most
 * {@value #MAX_VALUE_LENGTH} characters), a number or a boolean, at most {@value #MAX_KEYS} keys in all. Setting a key
 * to null removes it.
 */
@Singleton
class CustomAttributes {

    /** What a phone number may look like. */
    static final String PHONE = "\\+?[0-9 ()./-]{3,32}";
    static final int MAX_KEYS = 50;
    static final int MAX_VALUE_LENGTH = 1_000;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    CustomAttributes(JsonMapper json) {
        this.json = json;
    }

    /**
     * The stored attributes ({@code storedJson}) with {@code changes} applied, as JSON; 400 naming
     * {@code <field>.<key>} for a bad key or value, or {@code field} when there would be too many.
     */
    String apply(String storedJson, Map<String, Object> changes, String field) {
        Map<String, Object> attributes = new TreeMap<>(read(storedJson));
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String key = change.getKey();
            if (!KEY.matcher(key).matches()) {
                throw ApiException.invalid(field + "." + key + ": a key must match [a-z][a-z0-9_]{0,39}");
            }
            Object value = change.getValue();
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, checked(value, field + "." + key));
            }
        }
        if (attributes.size() > MAX_KEYS) {
            throw ApiException.invalid(field + ": a visitor has at most " + MAX_KEYS + " custom attributes");
        }
        try {
            return json.writeValueAsString(new LinkedHashMap<>(attributes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object checked(Object value, String field) {
        if (value instanceof String text) {
            if (text.length() > MAX_VALUE_LENGTH) {
                throw ApiException.invalid(field + ": must be at most " + MAX_VALUE_LENGTH + " characters");
            }
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw ApiException.invalid(field + ": must be a string, a number or a boolean");
    }

    private Map<String, Object> read(String storedJson) {
        try {
            return json.readValue(storedJson, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
