package dev.zendo.identity.agent;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

/** Agents in the {@code agent} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AgentRepository extends CrudRepository<Agent, UUID> {

    Optional<Agent> findByEmail(String email);

    boolean existsByEmail(String email);

    /** The agent, locked until the transaction ends, so concurrent changes apply one after the other. */
    @Query("SELECT * FROM agent WHERE id = :id FOR UPDATE")
    Optional<Agent> lockById(UUID id);

    /** The enabled agent whose email is {@code email} (still, once its row is locked until the transaction ends). */
    default Optional<Agent> lockEnabledByEmail(String email) {
        return findByEmail(email)
                .flatMap(found -> lockById(found.id()))
                .filter(agent -> !agent.disabled() && agent.email().equals(email));
    }
}
