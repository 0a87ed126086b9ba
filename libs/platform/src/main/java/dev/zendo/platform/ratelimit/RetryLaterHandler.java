package dev.zendo.platform.ratelimit;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers {@link RetryLaterException} with the usual JSON error and a {@code Retry-After} in seconds. */
@Singleton
@Produces
class RetryLaterHandler implements ExceptionHandler<RetryLaterException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    RetryLaterHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RetryLaterException exception) {
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(exception.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds())));
    }
}
