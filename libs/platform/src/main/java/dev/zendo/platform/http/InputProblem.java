package dev.zendo.platform.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * Why a request is refused before it reaches its endpoint.
 *
 * @param status  400, or 415 for a body that is not JSON
 * @param field   the body field's JSON path, a parameter's name, {@code path}, {@code body} or {@code Content-Type}
 * @param message what is wrong with it
 */
record InputProblem(HttpStatus status, String field, String message) {

    static InputProblem invalid(String field, String message) {
        return new InputProblem(HttpStatus.BAD_REQUEST, field, message);
    }

    HttpResponse<ApiError> response() {
        String code = status == HttpStatus.BAD_REQUEST ? "invalid_request" : "unsupported_media_type";
        return FieldErrors.response(status, code, List.of(new ApiError.FieldError(field, message)));
    }
}
