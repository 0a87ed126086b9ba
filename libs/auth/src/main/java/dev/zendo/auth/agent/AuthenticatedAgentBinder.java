package dev.zendo.auth.agent;

import dev.zendo.platform.http.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds {@link AuthenticatedAgent} parameters from the Bearer token; a missing or invalid token is a 401. Binding is
 * postponed until after the filters, where Micronaut runs it on the route's executor: verifying may fetch identity's
 * JWKS (a cache miss or an unknown key id), and that must happen on the blocking pool, never on a Netty event loop.
 */
@Singleton
@Requires(bean = AgentTokenVerifier.class)
public class AuthenticatedAgentBinder implements TypedRequestArgumentBinder<AuthenticatedAgent>, PostponedRequestArgumentBinder<AuthenticatedAgent> {

    private final AgentTokenVerifier verifier;

    AuthenticatedAgentBinder(AgentTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Argument<AuthenticatedAgent> argumentType() {
        return Argument.of(AuthenticatedAgent.class);
    }

    @Override
    public BindingResult<AuthenticatedAgent> bind(ArgumentConversionContext<AuthenticatedAgent> context, HttpRequest<?> request) {
        Optional<AuthenticatedAgent> agent = verifier.verify(request);
        if (agent.isEmpty()) {
            throw unauthorized();
        }
        return () -> agent;
    }

    static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required.");
    }
}
