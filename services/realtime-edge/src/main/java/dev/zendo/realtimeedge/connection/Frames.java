package dev.zendo.realtimeedge.connection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Encodes the server's JSON frames (docs/protocol.md, "Server → client") straight into pooled buffers. */
public final class Frames {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Frames() {
    }

    /** Writes the fields of one JSON object. */
    @FunctionalInterface
    public interface Fields {
        /** Writes fields into the open object. */
        void write(JsonGenerator json) throws IOException;
    }

    /** A text frame holding the object {@code {"type": type, …fields}}. */
    public static TextWebSocketFrame frame(String type, Fields fields) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(128);
        try (JsonGenerator json = JSON.createGenerator((java.io.OutputStream) new ByteBufOutputStream(buffer))) {
            json.writeStartObject();
            json.writeStringField("type", type);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            buffer.release();
            throw new UncheckedIOException(e);
        }
        return new TextWebSocketFrame(buffer);
    }

    /** {@code error} with a code, a message and the client's {@code ref} (when it sent one). */
    public static TextWebSocketFrame error(String code, String message, String ref) {
        return frame("error", json -> {
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            if (ref != null) {
                json.writeStringField("ref", ref);
            }
        });
    }

    /** Writes {@code name: {websiteId: cursor, …}}. */
    public static void cursors(JsonGenerator json, String name, Map<String, String> cursors) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> cursor : cursors.entrySet()) {
            json.writeStringField(cursor.getKey(), cursor.getValue());
        }
        json.writeEndObject();
    }

    /** RFC 3339 UTC with milliseconds. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
