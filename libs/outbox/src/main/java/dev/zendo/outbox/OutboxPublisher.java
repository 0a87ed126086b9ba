package dev.zendo.outbox;

import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Sends rows to Kafka with one idempotent producer and waits for each row's acknowledgement or error. */
@Singleton
class OutboxPublisher {

    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private KafkaProducer<String, byte[]> producer;

    OutboxPublisher(KafkaSettings kafka, TopicProvisioner topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /**
     * Publishes {@code rows} in order; the result holds, per row, null when Kafka acknowledged it, else its error.
     * The topic of a row that failed for a reason that may pass is forgotten by the provisioner, so the next attempt
     * makes sure it exists again (it may have been deleted).
     */
    List<Throwable> publish(List<OutboxRow> rows) throws InterruptedException {
        Map<String, Throwable> unusableTopics = ensureTopics(rows);
        KafkaProducer<String, byte[]> producer = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Throwable topicError = unusableTopics.get(row.topic());
            acks.add(topicError != null ? CompletableFuture.failedFuture(topicError) : send(producer, row));
        }
        List<Throwable> errors = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Throwable error = outcome(acks.get(i));
            if (error != null && !Failures.permanent(error)) {
                topics.forget(rows.get(i).topic());
            }
            errors.add(error);
        }
        return errors;
    }

    private Map<String, Throwable> ensureTopics(List<OutboxRow> rows) {
        Map<String, Throwable> unusable = new HashMap<>();
        rows.stream().map(OutboxRow::topic).distinct().forEach(topic -> {
            try {
                topics.ensure(topic);
            } catch (TopicProvisioner.TopicProvisioningException e) {
                unusable.put(topic, e);
            }
        });
        return unusable;
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, OutboxRow row) {
        try {
            return producer.send(row.toRecord());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable outcome(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /*
     * One request in flight per partition: with more, a first request refused by a partition that is still becoming
     * leader can be overtaken by the next, and the broker then rejects the retry as out of sequence until delivery
     * times out. Records still batch while a request is in flight.
     */
    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Closes the producer, waiting up to {@code timeout} for records in flight; the next publish opens a new one. */
    synchronized void close(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }
}
