package dev.zendo.identity.token;

import dev.zendo.identity.agent.AgentView;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * What a sign-in, sign-up, refresh or password change answers.
 *
 * @param accessToken      the JWT to send as {@code Authorization: Bearer}
 * @param tokenType        always {@code Bearer}
 * @param expiresIn        seconds the access token is valid
 * @param refreshToken     the opaque token to exchange for the next pair; usable once
 * @param refreshExpiresIn seconds the refresh token is valid
 * @param agent            who signed in
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        long refreshExpiresIn,
        AgentView agent) {
}
