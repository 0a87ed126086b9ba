package dev.zendo.identity.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * An agent's profile as the API shows it.
 *
 * @param id            the agent's id
 * @param email         the agent's email
 * @param name          the agent's display name
 * @param avatarUrl     the agent's picture, absent when none is set
 * @param emailVerified whether the agent proved the email theirs (a verification link, a password reset or a sign-in code)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentView(String id, String email, String name, @Nullable String avatarUrl, boolean emailVerified) {

    public static AgentView of(Agent agent) {
        return new AgentView(agent.id().toString(), agent.email(), agent.name(), agent.avatarUrl(), agent.emailVerified());
    }
}
