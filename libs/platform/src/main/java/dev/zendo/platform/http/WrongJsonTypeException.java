package dev.zendo.platform.http;

import io.micronaut.serde.exceptions.SerdeException;

/** A JSON value of another type than the field declares, thrown by {@link StrictJsonTypes} with what was expected. */
final class WrongJsonTypeException extends SerdeException {

    private final String expectation;

    WrongJsonTypeException(String expectation) {
        super(expectation);
        this.expectation = expectation;
    }

    /** What the field must be, as in {@code must be a string}. */
    String expectation() {
        return expectation;
    }
}
