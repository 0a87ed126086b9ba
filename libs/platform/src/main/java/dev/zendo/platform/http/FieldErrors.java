package dev.zendo.platform.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An error (mostly a 400) whose {@link ApiError} names the invalid fields by their JSON path in the request body, such as
 * {@code widget.pre_chat_fields[0].kind}.
 */
final class FieldErrors {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    private FieldErrors() {
    }

    /** The JSON (snake_case) spelling of a Java property name: {@code maxConcurrentChats} is {@code max_concurrent_chats}. */
    static String jsonName(String javaName) {
        return WORD_BOUNDARY.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    static HttpResponse<ApiError> badRequest(List<ApiError.FieldError> fields) {
        return response(HttpStatus.BAD_REQUEST, "invalid_request", fields);
    }

    static HttpResponse<ApiError> response(HttpStatus status, String code, List<ApiError.FieldError> fields) {
        String message = fields.get(0).field() + ": " + fields.get(0).message();
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), code, message, fields));
    }
}
