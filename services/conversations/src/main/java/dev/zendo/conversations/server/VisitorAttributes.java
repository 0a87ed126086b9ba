package dev.zendo.conversations.server;

import dev.zendo.conversations.message.MessageText;
import dev.zendo.platform.http.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Merges a change into a visitor's custom attributes, refusing bad keys, values and sizes with a 400 naming the key. */
final class VisitorAttributes {

    /** The most attributes a visitor holds. */
    static final int MAX_KEYS = 50;
    /** The longest string value, in code points. */
    static final int MAX_VALUE = 500;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private VisitorAttributes() {
    }

    /** {@code current} with {@code change} applied: each value replaces the key's, a null removes it. */
    static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> change) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        change.forEach((key, value) -> {
            String field = "attributes." + key;
            if (!KEY.matcher(key).matches()) {
                throw ApiException.invalid(field + ": keys are 1 to 40 lower-case letters, digits and _, starting with a letter");
            }
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value(field, value));
            }
        });
        if (merged.size() > MAX_KEYS) {
            throw ApiException.invalid("attributes: a visitor has at most " + MAX_KEYS + " attributes");
        }
        return merged;
    }

    private static Object value(String field, Object value) {
        if (value instanceof String text) {
            String clean = MessageText.clean(text);
            if (clean.codePointCount(0, clean.length()) > MAX_VALUE) {
                throw ApiException.invalid(field + ": must be at most " + MAX_VALUE + " characters");
            }
            return clean;
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value;
        }
        throw ApiException.invalid(field + ": must be a string, a number, a boolean or null");
    }
}
