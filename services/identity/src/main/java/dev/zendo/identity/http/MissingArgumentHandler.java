package dev.zendo.identity.http;

import dev.zendo.platform.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;

/** A request without the body (or another argument) an endpoint needs gets a 400 naming it. */
@Singleton
@Produces
@Replaces(UnsatisfiedRouteHandler.class)
class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        ApiError.FieldError error = exception instanceof UnsatisfiedBodyRouteException
                ? new ApiError.FieldError(FieldErrors.BODY, "a JSON object is required")
                : new ApiError.FieldError(exception.getArgument().getName(), "is required");
        return FieldErrors.badRequest(List.of(error));
    }
}
