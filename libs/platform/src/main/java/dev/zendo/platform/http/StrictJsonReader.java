package dev.zendo.platform.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads every JSON request body, checked by {@link StrictJsonBody} first, before the framework's JSON reader binds it. */
@Singleton
@Order(StrictJsonReader.ORDER)
@Consumes(MediaType.APPLICATION_JSON)
final class StrictJsonReader<T> implements MessageBodyReader<T> {

    /** Ahead of the framework's own JSON reader. */
    static final int ORDER = JsonMessageHandler.ORDER - 10;

    private final JsonMessageHandler<T> json;

    StrictJsonReader(JsonMapper mapper) {
        this.json = new JsonMessageHandler<>(mapper);
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return json.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        return checked(type, mediaType, headers, body.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        try {
            return checked(type, mediaType, headers, body.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private T checked(Argument<T> type, MediaType mediaType, Headers headers, byte[] body) {
        StrictJsonBody.problem(body, FreeTextFields.of(type.getType())).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        return json.read(type, mediaType, headers, new ByteArrayInputStream(body));
    }
}
