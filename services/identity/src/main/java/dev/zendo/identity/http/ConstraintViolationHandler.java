package dev.zendo.identity.http;

import dev.zendo.platform.http.ApiError;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** A request that fails validation gets a 400 naming every invalid field. */
@Singleton
@Produces
@Replaces(ConstraintExceptionHandler.class)
class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ApiError.FieldError> errors = new ArrayList<>(exception.getConstraintViolations().stream()
                .map(violation -> new ApiError.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldError::field).thenComparing(ApiError.FieldError::message))
                .toList());
        if (errors.isEmpty()) {
            errors.add(new ApiError.FieldError(FieldErrors.BODY, "is not valid"));
        }
        return FieldErrors.badRequest(errors);
    }

    /** "register.request.avatarUrl" (method, parameter, property) becomes "avatar_url". */
    private static String field(ConstraintViolation<?> violation) {
        List<String> properties = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(node -> node.getKind() == ElementKind.PROPERTY)
                .map(Path.Node::getName)
                .map(FieldErrors::jsonName)
                .toList();
        return properties.isEmpty() ? FieldErrors.BODY : String.join(".", properties);
    }
}
