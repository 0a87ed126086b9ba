package dev.zendo.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Renders every framework and application error as an {@link ApiError}; server errors never leak internals. */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String code = codeOf(response.status(), context);
        if (status >= 500 && !(context.getRootCause().orElse(null) instanceof ApiException)) {
            return new ApiError(status, code, "Something went wrong on our side; it has been logged.", List.of());
        }
        List<ApiError.FieldError> fields = context.getRootCause()
                .filter(ApiException.class::isInstance)
                .map(ApiException.class::cast)
                .filter(e -> e.field() != null)
                .map(e -> List.of(new ApiError.FieldError(e.field(), e.getMessage().substring(e.field().length() + 2))))
                .orElseGet(() -> context.getErrors().stream()
                        .filter(e -> e.getPath().isPresent())
                        .map(e -> new ApiError.FieldError(fieldOf(e.getPath().get()), e.getMessage()))
                        .toList());
        String message = context.getErrors().stream().findFirst().map(Error::getMessage)
                .orElse(response.reason());
        if (!fields.isEmpty()) {
            message = fields.get(0).field() + ": " + fields.get(0).message();
        }
        return new ApiError(status, code, message, fields);
    }

    @Override
    public String contentType() {
        return MediaType.APPLICATION_JSON;
    }

    private static String codeOf(HttpStatus status, ErrorContext context) {
        return context.getRootCause()
                .filter(ApiException.class::isInstance)
                .map(e -> ((ApiException) e).code())
                .orElseGet(() -> switch (status) {
                    case BAD_REQUEST -> "invalid_request";
                    case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
                    case INTERNAL_SERVER_ERROR -> "internal_error";
                    default -> status.name().toLowerCase(Locale.ROOT);
                });
    }

    /** "signup.request.email" (method, parameter, field) becomes "email"; a bare parameter name stays. */
    private static String fieldOf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
