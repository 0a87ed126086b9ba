package dev.zendo.conversations.visitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * What a visitor said about itself without proof: shown to agents, never used to find anyone.
 *
 * @param userId the user id it claimed
 * @param email  the email it claimed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitorClaims(@Nullable String userId, @Nullable String email) {
}
