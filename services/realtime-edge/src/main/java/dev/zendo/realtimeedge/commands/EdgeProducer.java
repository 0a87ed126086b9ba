package dev.zendo.realtimeedge.commands;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Envelope;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The edge's one Kafka producer (idempotent, {@code acks=all}) for the events it makes itself: typing, presence and
 * client commands. Publishing never blocks nor throws: the topic check and the send run on the producer's own thread,
 * and a failure is logged (without the payload) and counted in {@code zendo.realtime.produce.failures}.
 */
@Singleton
public class EdgeProducer {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeProducer.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int LINGER_MILLIS = 5;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final TopicProvisioner topics;
    private final Clock clock;
    private final MeterRegistry meters;
    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;

    EdgeProducer(KafkaSettings kafka, TopicProvisioner topics, Clock clock, MeterRegistry meters) {
        this.topics = topics;
        this.clock = clock;
        this.meters = meters;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MILLIS,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
            Thread thread = new Thread(runnable, "edge-producer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Stamps {@code envelope} with a fresh event id, the current time and the type its payload names, and sends it to
     * {@code topic} (created first if this node has not seen it) under {@code key}, in the order of the calls.
     */
    public void publish(String topic, String key, Envelope.Builder envelope) {
        Envelope event = envelope
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(timestamp(clock.instant()))
                .setType(type(envelope.getPayloadCase()))
                .build();
        try {
            sender.execute(() -> send(topic, key, event));
        } catch (RejectedExecutionException e) {
            failed(event.getType(), "overloaded");
            LOG.warn("edge producer: dropped a {} event for {}, {} events are waiting", event.getType(), topic, sender.getQueue().size());
        }
    }

    private void send(String topic, String key, Envelope event) {
        try {
            topics.ensure(topic);
            producer.send(new ProducerRecord<>(topic, key, event.toByteArray()), (metadata, error) -> {
                if (error != null) {
                    topics.forget(topic);
                    failed(event.getType(), "send");
                    LOG.warn("edge producer: a {} event to {} failed: {}", event.getType(), topic, error.toString());
                }
            });
        } catch (RuntimeException e) {
            failed(event.getType(), "send");
            LOG.warn("edge producer: a {} event to {} failed: {}", event.getType(), topic, e.toString());
        }
    }

    private void failed(String type, String reason) {
        Counter.builder("zendo.realtime.produce.failures")
                .description("Events the edge made but could not hand to Kafka")
                .tag("type", type)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The dotted type of a payload, as every Zendo event names it: {@code typing_changed} is {@code typing.changed}. */
    private static String type(Envelope.PayloadCase payload) {
        if (payload == Envelope.PayloadCase.PAYLOAD_NOT_SET) {
            throw new IllegalArgumentException("the envelope carries no payload");
        }
        return payload.name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("edge producer: {} events were still waiting at shutdown and are dropped", sender.shutdownNow().size());
        }
        producer.close(CLOSE_TIMEOUT);
    }
}
