package dev.zendo.conversations.commands;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.agent.AgentMessages;
import dev.zendo.conversations.widget.VisitorReads;
import dev.zendo.events.v1.Envelope;
import dev.zendo.inbox.EventHandler;
import dev.zendo.platform.http.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the realtime edge's {@code ReadRequested} commands through the very methods the REST read endpoints use
 * (an agent's {@code POST /v1/inbox/{w}/conversations/{id}/read}, a visitor's {@code POST /v1/widget/read}), with their
 * checks; the moved cursor is announced with {@code ReadUpTo} as usual. A command that is malformed or refused is
 * dropped: logged without its content, counted, and marked processed like any other, so it is never tried again.
 *
 * <p>The cursor moves in a transaction of its own inside the inbox's: a refusal rolls back only that one, never the
 * inbox's mark. Should the mark fail to commit after the move did, the command comes again and moves nothing: a cursor
 * never goes back, and an unchanged cursor announces nothing.
 */
@Singleton
class ReadCommandHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReadCommandHandler.class);
    private static final TransactionDefinition OWN_TRANSACTION = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final CommandSettings settings;
    private final AgentMessages agents;
    private final VisitorReads visitors;
    private final TransactionOperations<Connection> transactions;
    private final Counter applied;
    private final Counter refused;
    private final Counter malformed;

    ReadCommandHandler(CommandSettings settings, AgentMessages agents, VisitorReads visitors,
                       TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.settings = settings;
        this.agents = agents;
        this.visitors = visitors;
        this.transactions = transactions;
        this.applied = outcome(meters, "applied");
        this.refused = outcome(meters, "refused");
        this.malformed = outcome(meters, "malformed");
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.topic());
    }

    @Override
    public void handle(Envelope event, Connection connection) {
        ReadCommand command;
        try {
            command = ReadCommand.of(event);
        } catch (ReadCommand.MalformedCommand e) {
            malformed.increment();
            LOG.warn("commands: dropped malformed command {} ({} is missing or wrong)", event.getEventId(), e.getMessage());
            return;
        }
        try {
            transactions.execute(OWN_TRANSACTION, status -> apply(command));
            applied.increment();
        } catch (ApiException e) {
            refused.increment();
            LOG.info("commands: refused read command {} of website {}: {} {}", event.getEventId(), command.websiteId(),
                    e.getStatus().getCode(), e.code());
        }
    }

    private Object apply(ReadCommand command) {
        if (command.byVisitor()) {
            return visitors.read(command.websiteId(), UUID.fromString(command.reader().getId()), command.conversationId(), command.seq());
        }
        return agents.read(new AuthenticatedAgent(command.reader().getId(), null, null, false), command.websiteId(),
                command.conversationId(), command.seq());
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("zendo.commands").tag("command", "read").tag("outcome", outcome)
                .description("Commands from the realtime edge: applied, refused by the REST endpoints' checks, or malformed (both dropped)")
                .register(meters);
    }
}
