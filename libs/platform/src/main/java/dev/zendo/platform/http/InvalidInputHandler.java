package dev.zendo.platform.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body refused by the strict JSON reading: a 400 naming the field. */
@Singleton
@Produces
class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidInputException exception) {
        return exception.problem().response();
    }
}
