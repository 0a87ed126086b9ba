package dev.zendo.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The JSON body of every error response of every Zendo service.
 *
 * @param status  the HTTP status code
 * @param error   a stable machine-readable code, e.g. {@code invalid_request}, {@code not_found}
 * @param message a human-readable sentence
 * @param errors  one entry per invalid field, when the request named any
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message,
                       @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldError> errors) {

    /**
     * One invalid field.
     *
     * @param field   the field's path in the request body or the parameter's name
     * @param message what is wrong with it
     */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
