package dev.zendo.inbox;

import dev.zendo.events.v1.Envelope;

import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Handles the events of some topics, as a bean of the consuming service: the inbox calls it once per event id, in the
 * transaction that also marks the event processed. An exception rolls both back and the event is tried again.
 */
public interface EventHandler {

    /** The topics whose events this handler receives. */
    Set<String> topics();

    /**
     * A pattern of further topics whose events this handler receives, also of topics created after the start (they
     * are found within {@code zendo.inbox.topic-refresh}); empty for none.
     */
    default Optional<Pattern> topicPattern() {
        return Optional.empty();
    }

    /**
     * Applies {@code event} using {@code connection}, whose transaction the inbox commits after it returns.
     * Events of one partition (so of one key) arrive one after another, in topic order.
     */
    void handle(Envelope event, Connection connection) throws Exception;
}
