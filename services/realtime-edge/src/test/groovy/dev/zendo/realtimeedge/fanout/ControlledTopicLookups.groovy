package dev.zendo.realtimeedge.fanout

import dev.zendo.platform.kafka.KafkaSettings
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.realtimeedge.config.RealtimeSettings
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.annotation.PreDestroy
import jakarta.inject.Singleton
import org.apache.kafka.common.errors.TimeoutException

import java.util.concurrent.CompletableFuture
import java.util.concurrent.ConcurrentHashMap

/**
 * The real broker lookups, except that a spec may hold a topic's lookups until it releases them (a slow broker) or
 * fail them (a broker that does not answer). Only with {@code spec.topic-lookups: controlled}.
 */
@Singleton
@Replaces(KafkaTopicLookups)
@Requires(property = 'spec.topic-lookups', value = 'controlled')
class ControlledTopicLookups implements TopicLookups {

    private final KafkaTopicLookups kafka
    private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>()
    private final Set<String> failing = ConcurrentHashMap.newKeySet()
    final Set<String> asked = ConcurrentHashMap.newKeySet()

    ControlledTopicLookups(KafkaSettings kafka, TopicProvisioner topics, RealtimeSettings settings) {
        this.kafka = new KafkaTopicLookups(kafka, topics, settings)
    }

    /** Lookups of the website's topic wait until {@link #release}. */
    void hold(UUID websiteId) {
        held.put(KafkaSettings.SITE_TOPIC_PREFIX + websiteId, new CompletableFuture<Void>())
    }

    void release(UUID websiteId) {
        held.remove(KafkaSettings.SITE_TOPIC_PREFIX + websiteId)?.complete(null)
    }

    /** Lookups of the website's topic fail as a broker that times out does. */
    void fail(UUID websiteId) {
        failing.add(KafkaSettings.SITE_TOPIC_PREFIX + websiteId)
    }

    @Override
    CompletableFuture<TopicBounds> bounds(String topic) {
        asked.add(topic)
        if (failing.contains(topic)) {
            return CompletableFuture.failedFuture(new TimeoutException("Timed out waiting for a node assignment"))
        }
        CompletableFuture<Void> gate = held.get(topic)
        gate == null ? kafka.bounds(topic) : gate.thenCompose { kafka.bounds(topic) }
    }

    @Override
    CompletableFuture<Optional<KnownConversation>> conversation(UUID websiteId, UUID conversationId) {
        kafka.conversation(websiteId, conversationId)
    }

    @PreDestroy
    void close() {
        kafka.close()
    }
}
