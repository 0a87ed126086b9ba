package dev.zendo.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The wire-level rules every JSON request body must follow before it is bound: well-formed UTF-8 (no overlong forms,
 * no encoded surrogates), exactly one JSON value with nothing after it, no field given twice, no {@code null} inside an
 * array, and no name or string the {@link TextPolicy} refuses (except in {@link FreeText} fields, which the service
 * cleans). A problem is named by its JSON path, as the client sent it.
 */
final class StrictJsonBody {

    private static final JsonFactory FACTORY = new JsonFactory();

    private StrictJsonBody() {
    }

    /** The first problem of {@code body}, or empty when it may be bound. */
    static Optional<InputProblem> problem(byte[] body) {
        return problem(body, Set.of());
    }

    /** The first problem of {@code body}, whose strings at {@code freeText} paths may hold any text, or empty. */
    static Optional<InputProblem> problem(byte[] body, Set<String> freeText) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(InputProblem.invalid("body", "is not valid UTF-8"));
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new Scan(parser, freeText).run();
        } catch (JsonProcessingException e) {
            return Optional.of(InputProblem.invalid("body", "is not valid JSON"));
        } catch (IOException e) {
            return Optional.of(InputProblem.invalid("body", "cannot be read"));
        }
    }

    /** One pass over the tokens, keeping the path and the names already seen in each open object. */
    private static final class Scan {

        private final JsonParser parser;
        private final Set<String> freeText;
        private final Deque<Level> levels = new ArrayDeque<>();

        Scan(JsonParser parser, Set<String> freeText) {
            this.parser = parser;
            this.freeText = freeText;
        }

        Optional<InputProblem> run() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.of(InputProblem.invalid("body", "is required"));
            }
            do {
                Optional<InputProblem> problem = visit(token);
                if (problem.isPresent()) {
                    return problem;
                }
                token = levels.isEmpty() ? null : parser.nextToken();
            } while (token != null);
            if (parser.nextToken() != null) {
                return Optional.of(InputProblem.invalid("body", "must hold exactly one JSON value, with nothing after it"));
            }
            return Optional.empty();
        }

        private Optional<InputProblem> visit(JsonToken token) throws IOException {
            Level level = levels.peek();
            if (level != null && level.array && token != JsonToken.END_ARRAY) {
                level.index++;
            }
            switch (token) {
                case START_OBJECT -> levels.push(new Level(path(), false));
                case START_ARRAY -> levels.push(new Level(path(), true));
                case END_OBJECT, END_ARRAY -> levels.pop();
                case FIELD_NAME -> {
                    String name = parser.currentName();
                    Optional<String> text = TextPolicy.problem(name);
                    if (text.isPresent()) {
                        return Optional.of(InputProblem.invalid(level.path.isEmpty() ? "body" : level.path, "has a field name that " + text.get()));
                    }
                    if (!level.names.add(name)) {
                        return Optional.of(InputProblem.invalid(child(level.path, name), "is given more than once"));
                    }
                    level.name = name;
                }
                case VALUE_NULL -> {
                    if (level != null && level.array) {
                        return Optional.of(InputProblem.invalid(path(), "must not be null"));
                    }
                }
                case VALUE_STRING -> {
                    if (freeText.contains(path())) {
                        return Optional.empty();
                    }
                    Optional<String> text = TextPolicy.problem(parser.getText());
                    if (text.isPresent()) {
                        return Optional.of(InputProblem.invalid(fieldOrBody(), text.get()));
                    }
                }
                default -> {
                }
            }
            return Optional.empty();
        }

        /** The path of the value the parser stands on. */
        private String path() {
            Level level = levels.peek();
            if (level == null) {
                return "";
            }
            return level.array ? level.path + "[" + level.index + "]" : child(level.path, level.name);
        }

        private String fieldOrBody() {
            String path = path();
            return path.isEmpty() ? "body" : path;
        }

        private static String child(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    /** An open object or array: its path, and for an object the names seen, for an array the current index. */
    private static final class Level {

        final String path;
        final boolean array;
        final Set<String> names = new HashSet<>();
        String name;
        int index = -1;

        Level(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
