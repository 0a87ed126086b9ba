package dev.zendo.platform.http;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** An error a service answers on purpose, with a status, a stable code and a message safe to show the caller. */
public class ApiException extends HttpStatusException {

    private final String code;
    private final String field;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, null, message);
    }

    private ApiException(HttpStatus status, String code, String field, String message) {
        super(status, field == null ? message : field + ": " + message);
        this.code = code;
        this.field = field;
    }

    /** The stable machine-readable code of this error. */
    public String code() {
        return code;
    }

    /** The JSON path of the request field at fault (e.g. {@code body}, {@code items[2].name}), or null. */
    public String field() {
        return field;
    }

    /** 404: the resource does not exist, or the caller may not know that it does. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    /** 403: the caller is known to the resource's tenant but lacks the permission. */
    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /** 400 about the request as a whole. */
    public static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    /** 400 about one field, named in the error body's {@code errors} as validation errors are. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", field, message);
    }
}
