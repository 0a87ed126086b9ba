package dev.zendo.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Validation failures of request bodies and parameters: a 400 naming each field, as {@code widget.color} or {@code allowed_origins[0]}. */
@Singleton
@Produces
@Replaces(ConstraintExceptionHandler.class)
class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {

    /** Micronaut names list elements {@code domains[0]<list element>}. */
    private static final Pattern CONTAINER_ELEMENT = Pattern.compile("<[^>]*>");

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ApiError.FieldError> fields = exception.getConstraintViolations().stream()
                .map(violation -> new ApiError.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldError::field))
                .toList();
        return FieldErrors.badRequest(fields.isEmpty() ? List.of(new ApiError.FieldError("body", "is not valid")) : fields);
    }

    /** The violation's path without the method and parameter it starts with ({@code create.request.name} is {@code name}). */
    private static String field(ConstraintViolation<?> violation) {
        Path path = violation.getPropertyPath();
        int skipped = 0;
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                skipped++;
            } else if (node.getKind() == ElementKind.PARAMETER) {
                skipped++;
                parameter = node.getName();
            }
        }
        String[] segments = CONTAINER_ELEMENT.matcher(path.toString()).replaceAll("").split("\\.", skipped + 1);
        return FieldErrors.jsonName(segments.length > skipped ? segments[skipped] : parameter);
    }
}
