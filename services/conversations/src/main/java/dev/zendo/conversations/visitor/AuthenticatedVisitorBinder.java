package dev.zendo.conversations.visitor;

import dev.zendo.platform.http.ApiException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Binds {@link AuthenticatedVisitor} parameters from the Bearer token; a missing or invalid token is a 401. */
@Singleton
class AuthenticatedVisitorBinder implements TypedRequestArgumentBinder<AuthenticatedVisitor> {

    private final VisitorTokenVerifier verifier;

    AuthenticatedVisitorBinder(VisitorTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Argument<AuthenticatedVisitor> argumentType() {
        return Argument.of(AuthenticatedVisitor.class);
    }

    @Override
    public BindingResult<AuthenticatedVisitor> bind(ArgumentConversionContext<AuthenticatedVisitor> context, HttpRequest<?> request) {
        Optional<AuthenticatedVisitor> visitor = verifier.verify(request);
        if (visitor.isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid visitor token is required.");
        }
        return () -> visitor;
    }
}
