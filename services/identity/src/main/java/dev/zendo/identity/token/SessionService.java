package dev.zendo.identity.token;

import dev.zendo.auth.keys.SigningSettings;
import dev.zendo.auth.token.TokenSigner;
import dev.zendo.identity.IdentitySettings;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentRepository;
import dev.zendo.identity.agent.AgentView;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/** Hands out token pairs: a short-lived signed access token and a refresh token that continues the session. */
@Singleton
public class SessionService {

    private final TokenSigner signer;
    private final RefreshTokenService refreshTokens;
    private final AgentRepository agents;
    private final long accessSeconds;
    private final long refreshSeconds;

    SessionService(TokenSigner signer, RefreshTokenService refreshTokens, AgentRepository agents,
             SigningSettings signing, IdentitySettings settings) {
        this.signer = signer;
        this.refreshTokens = refreshTokens;
        this.agents = agents;
        this.accessSeconds = signing.ttl().toSeconds();
        this.refreshSeconds = settings.refreshTokenTtl().toSeconds();
    }

    /** A new session (refresh token family) for {@code agent}. */
    @Transactional
    public TokenResponse start(Agent agent) {
        return pair(agent, refreshTokens.startFamily(agent.id()));
    }

    /** The next pair of the session {@code refreshToken} belongs to; empty when that token is not good (any more). */
    @Transactional
    public Optional<TokenResponse> refresh(String refreshToken) {
        return refreshTokens.exchange(refreshToken).flatMap(exchange -> agents.findById(exchange.agentId())
                .filter(agent -> !agent.disabled())
                .map(agent -> pair(agent, exchange.next())));
    }

    private TokenResponse pair(Agent agent, String refreshToken) {
        TokenSigner.SignedToken access = signer.sign(agent.id().toString(),
                Map.of("token_use", "access", "email", agent.email(), "name", agent.name(), "email_verified", agent.emailVerified()));
        return new TokenResponse(access.token(), "Bearer", accessSeconds, refreshToken, refreshSeconds, AgentView.of(agent));
    }
}
