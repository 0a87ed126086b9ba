package dev.zendo.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.List;

/** A body that is not JSON at all: a 400 naming the body. */
@Singleton
@Produces
@Replaces(JsonExceptionHandler.class)
class MalformedJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, JsonSyntaxException exception) {
        return FieldErrors.badRequest(List.of(new ApiError.FieldError("body", "is not valid JSON")));
    }
}
