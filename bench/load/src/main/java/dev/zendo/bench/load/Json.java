package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The generator's one JSON mapper: frames, REST bodies and the figures file. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
