package dev.zendo.platform.http;

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

/** A request without the body (or a parameter) the endpoint needs: a 400 naming it. */
@Singleton
@Produces
@Replaces(UnsatisfiedRouteHandler.class)
class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        String field = exception instanceof UnsatisfiedBodyRouteException ? "body" : exception.getArgument().getName();
        return FieldErrors.badRequest(List.of(new ApiError.FieldError(field, "is required")));
    }
}
