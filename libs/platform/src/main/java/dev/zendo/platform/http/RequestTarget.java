package dev.zendo.platform.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

/**
 * The path and query of a request, percent-decoded strictly: an escape must encode well-formed UTF-8 (no overlong
 * forms such as {@code %C0%AF} for {@code /}), and the decoded text must pass the {@link TextPolicy}.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    /** The first problem of the raw path, named {@code path}. */
    static Optional<InputProblem> pathProblem(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        for (String segment : rawPath.split("/", -1)) {
            Optional<String> problem = decode(segment, false).map(TextPolicy::problem)
                    .orElse(Optional.of("is not well-formed UTF-8 once percent-decoded"));
            if (problem.isPresent()) {
                return Optional.of(InputProblem.invalid("path", problem.get()));
            }
        }
        return Optional.empty();
    }

    /** The decoded query parameters, each name with its values, or the first problem, named by the parameter. */
    static Query query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new Query(parameters, Optional.empty());
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1), true);
            if (name.isEmpty() || TextPolicy.problem(name.get()).isPresent()) {
                return new Query(parameters, Optional.of(InputProblem.invalid("query", "has a parameter name that is not well-formed text")));
            }
            Optional<String> problem = value.map(TextPolicy::problem).orElse(Optional.of("is not well-formed UTF-8 once percent-decoded"));
            if (problem.isPresent()) {
                return new Query(parameters, Optional.of(InputProblem.invalid(name.get(), problem.get())));
            }
            parameters.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value.get());
        }
        return new Query(parameters, Optional.empty());
    }

    /**
     * The query's parameters, and its first problem if it has one.
     *
     * @param parameters each decoded name with its decoded values, in order
     * @param problem    the first problem found
     */
    record Query(Map<String, List<String>> parameters, Optional<InputProblem> problem) {
    }

    /** Strict percent-decoding; empty when an escape is broken or the bytes are not well-formed UTF-8. */
    private static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
