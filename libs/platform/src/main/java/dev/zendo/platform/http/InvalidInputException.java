package dev.zendo.platform.http;

import io.micronaut.http.codec.CodecException;

/** A request body refused by {@link StrictJsonBody} before it is bound, carrying the field and what is wrong with it. */
final class InvalidInputException extends CodecException {

    private final transient InputProblem problem;

    InvalidInputException(InputProblem problem) {
        super(problem.field() + ": " + problem.message());
        this.problem = problem;
    }

    InputProblem problem() {
        return problem;
    }
}
