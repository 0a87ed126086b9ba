package dev.zendo.platform.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.function.Function;

/**
 * Request bodies must use the JSON type a field declares: {@code ["a"]} or {@code 5} is no string, {@code "yes"} no
 * boolean, {@code "5"} or {@code 1.5} no integer (the lenient default would quietly coerce them).
 */
@Factory
class StrictJsonTypes {

    @Singleton
    Deserializer<String> strings() {
        return new Strict<>("a string", null, node -> node.isString() ? node.getStringValue() : null);
    }

    @Singleton
    Deserializer<Boolean> booleans() {
        return new Strict<>("true or false", false, node -> node.isBoolean() ? node.getBooleanValue() : null);
    }

    @Singleton
    Deserializer<Integer> integers() {
        return new Strict<>("an integer", 0, node -> {
            Number number = node.isNumber() ? node.getNumberValue() : null;
            return number instanceof Integer || number instanceof Long && number.longValue() == number.intValue()
                    ? number.intValue() : null;
        });
    }

    @Singleton
    Deserializer<Long> longs() {
        return new Strict<>("an integer", 0L, node -> {
            Number number = node.isNumber() ? node.getNumberValue() : null;
            return number instanceof Integer || number instanceof Long ? number.longValue() : null;
        });
    }

    /** Reads one JSON type only; a primitive field left out gets Java's default. */
    private record Strict<T>(String expected, T primitiveDefault, Function<JsonNode, T> read) implements Deserializer<T> {

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            T value = read.apply(node);
            if (value == null) {
                throw new WrongJsonTypeException("must be " + expected);
            }
            return value;
        }

        @Override
        public T getDefaultValue(DecoderContext context, Argument<? super T> type) {
            return type.isPrimitive() ? primitiveDefault : null;
        }
    }
}
