package dev.zendo.realtimeedge.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A client frame: one flat JSON object (strict JSON; nested values are kept only as "present") with typed accessors
 * that refuse missing or mistyped fields.
 */
final class ClientFrame {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Object NESTED = new Object();

    private final Map<String, Object> fields;

    private ClientFrame(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The frame, or empty when the text is not one JSON object. */
    static Optional<ClientFrame> parse(String text) {
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Map<String, Object> fields = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                fields.put(name, switch (value) {
                    case VALUE_STRING -> json.getText();
                    case VALUE_NUMBER_INT -> json.getNumberValue();
                    case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case START_OBJECT, START_ARRAY -> {
                        json.skipChildren();
                        yield NESTED;
                    }
                    default -> NESTED;
                });
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                return Optional.empty();
            }
            fields.values().removeIf(value -> value == null);
            return Optional.of(new ClientFrame(fields));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A string field, null when absent; {@link BadField} when of another type. */
    String string(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new BadField(name, "a string");
    }

    /** A required string field. */
    String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw new BadField(name, "a string");
        }
        return value;
    }

    /** A required canonical UUID field. */
    UUID uuid(String name) {
        String value = requiredString(name);
        try {
            UUID parsed = UUID.fromString(value);
            if (parsed.toString().equals(value)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            throw new BadField(name, "a lower-case UUID");
        }
        throw new BadField(name, "a lower-case UUID");
    }

    /** An optional canonical UUID field. */
    UUID optionalUuid(String name) {
        return has(name) ? uuid(name) : null;
    }

    /** A required integer field. */
    long integer(String name) {
        Object value = fields.get(name);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new BadField(name, "an integer");
    }

    /** A required boolean field. */
    boolean bool(String name) {
        if (fields.get(name) instanceof Boolean value) {
            return value;
        }
        throw new BadField(name, "true or false");
    }

    /** A field is missing or of the wrong type. */
    static final class BadField extends RuntimeException {

        BadField(String name, String expected) {
            super("\"" + name + "\" must be " + expected + ".", null, false, false);
        }
    }
}
