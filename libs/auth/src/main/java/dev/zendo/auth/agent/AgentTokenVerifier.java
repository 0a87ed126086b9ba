package dev.zendo.auth.agent;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.zendo.auth.keys.SigningKeys;
import dev.zendo.auth.token.TokenVerifier;
import dev.zendo.auth.token.VerifierSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checks identity's access tokens: against identity's JWKS URL, or, inside identity (no URL set), against
 * identity's own signing keys. Only tokens with {@code token_use=access} are agents' access tokens.
 */
@Singleton
@Requires(bean = VerifierSettings.class)
public class AgentTokenVerifier {

    private static final String BEARER = "Bearer ";
    private static final String VERIFIED = AgentTokenVerifier.class.getName() + ".verified";

    private final TokenVerifier verifier;

    AgentTokenVerifier(VerifierSettings settings, Optional<SigningKeys> ownKeys) {
        if (settings.jwksUrl() != null && !settings.jwksUrl().isBlank()) {
            this.verifier = TokenVerifier.remote(settings.jwksUrl(), settings.cacheTtl(), settings.refetchInterval(), settings.issuer(), settings.audience());
        } else {
            this.verifier = ownKeys
                    .map(keys -> TokenVerifier.local(keys.publicKeySet(), settings.issuer(), settings.audience()))
                    .orElseThrow(() -> new ConfigurationException("zendo.auth.agent-tokens.jwks-url: set it to identity's JWKS URL"));
        }
    }

    /** The agent the token was issued to, when it is a valid access token. */
    public Optional<AuthenticatedAgent> verify(String token) {
        return verifier.verify(token)
                .filter(claims -> "access".equals(claims.getClaim("token_use")))
                .map(AgentTokenVerifier::agentOf);
    }

    /**
     * The agent whose valid access token {@code request} carries as its Bearer token. The outcome is kept on the
     * request, so filters and argument binders that both ask verify the signature once.
     */
    @SuppressWarnings("unchecked")
    public Optional<AuthenticatedAgent> verify(HttpRequest<?> request) {
        Optional<AuthenticatedAgent> verified = (Optional<AuthenticatedAgent>) request.getAttribute(VERIFIED).orElse(null);
        if (verified == null) {
            verified = request.getHeaders().getAuthorization()
                    .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                    .map(header -> header.substring(BEARER.length()).trim())
                    .flatMap(this::verify);
            request.setAttribute(VERIFIED, verified);
        }
        return verified;
    }

    private static AuthenticatedAgent agentOf(JWTClaimsSet claims) {
        return new AuthenticatedAgent(claims.getSubject(), (String) claims.getClaim("email"), (String) claims.getClaim("name"),
                Boolean.TRUE.equals(claims.getClaim("email_verified")));
    }
}
