package dev.zendo.inbox;

import dev.zendo.events.v1.Envelope;

import java.sql.Connection;
import java.util.Set;

/**
 * Handles the events of some topics, as a bean of the consuming service: the inbox calls it once per event id, in the
 * transaction that also marks the event processed. An exception rolls both back and the event is tried again.
 */
public interface EventHandler {

    /** The topics whose events this handler receives. */
    Set<String> topics();

    /**
     * Applies {@code event} using {@code connection}, whose transaction the inbox commits after it returns.
     * Events of one partition (so of one key) arrive one after another, in topic order.
     */
    void handle(Envelope event, Connection connection) throws Exception;
}
