package dev.zendo.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** A body over {@code micronaut.server.max-request-size} : a 413 naming the body. */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ContentLengthExceededException exception) {
        return FieldErrors.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                List.of(new ApiError.FieldError("body", "is larger than this service accepts")));
    }
}
