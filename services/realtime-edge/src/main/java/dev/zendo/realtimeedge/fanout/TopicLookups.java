package dev.zendo.realtimeedge.fanout;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The broker calls subscribing needs (creating a website topic, its partitions and offsets) and the look-back for a
 * conversation the node has not seen, made off the site feed's thread and the event loops so that a slow broker
 * never holds up delivery to subscribed sockets.
 */
public interface TopicLookups {

    /** The topic's partitions and offsets, creating the topic when missing; completes exceptionally when Kafka fails. */
    CompletableFuture<TopicBounds> bounds(String topic);

    /**
     * The conversation as the newest event naming its visitor says, searched backwards through the last
     * {@code zendo.realtime.lookup-records} records of the conversation's partition of the website topic; empty when
     * none of them names it (or the topic does not exist).
     */
    CompletableFuture<Optional<KnownConversation>> conversation(UUID websiteId, UUID conversationId);
}
