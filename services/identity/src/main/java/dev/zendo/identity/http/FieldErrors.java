package dev.zendo.identity.http;

import dev.zendo.platform.http.ApiError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.config.naming.PropertyNamingStrategy;

import java.util.List;

/** Error responses that name the request fields at fault, by their JSON (snake_case) names. */
final class FieldErrors {

    /** The field named when the fault is with the body as a whole. */
    static final String BODY = "body";

    private FieldErrors() {
    }

    /** A 400 listing {@code errors}; its message repeats the first. */
    static HttpResponse<ApiError> badRequest(List<ApiError.FieldError> errors) {
        return response(HttpStatus.BAD_REQUEST, "invalid_request", errors);
    }

    static HttpResponse<ApiError> response(HttpStatus status, String code, List<ApiError.FieldError> errors) {
        ApiError.FieldError first = errors.get(0);
        return HttpResponse.<ApiError>status(status)
                .body(new ApiError(status.getCode(), code, first.field() + ": " + first.message(), errors));
    }

    /** The JSON name of a Java property of a request type. */
    static String jsonName(String javaName) {
        return PropertyNamingStrategy.SNAKE_CASE.translate(Argument.of(Object.class, javaName));
    }
}
