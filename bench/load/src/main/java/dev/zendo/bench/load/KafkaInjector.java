package dev.zendo.bench.load;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.MessageCreated;
import dev.zendo.events.v1.MessageKind;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes {@code message.created} envelopes of one conversation (one key, so one partition and one order) to a
 * website's topic {@code zendo.site.<id>}, as conversations' outbox relay does, for the edge to fan out.
 */
final class KafkaInjector implements Injector {

    /** Sends still pending when the broker is gone (a run that failed) are dropped after this, so the run ends. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String websiteId;
    private final String conversationId = UUID.randomUUID().toString();
    private final String visitorId = UUID.randomUUID().toString();
    private final LongAdder failures = new LongAdder();

    KafkaInjector(String bootstrap, String websiteId) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = "zendo.site." + websiteId;
        this.websiteId = websiteId;
    }

    @Override
    public void send(Payload payload) {
        Instant now = Instant.now();
        Timestamp at = Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
        Envelope event = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType("message.created")
                .setOccurredAt(at).setWebsiteId(websiteId).setConversationId(conversationId).setVisitorId(visitorId)
                .setAudience(Audience.AUDIENCE_CONVERSATION)
                .setMessageCreated(MessageCreated.newBuilder().setMessageId(UUID.randomUUID().toString())
                        .setConversationId(conversationId).setSeq(payload.index() + 1).setKind(MessageKind.MESSAGE_KIND_TEXT)
                        .setAuthor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitorId)).setBody(payload.text()).setCreatedAt(at))
                .build();
        producer.send(new ProducerRecord<>(topic, conversationId, event.toByteArray()), (metadata, error) -> {
            if (error != null) {
                failures.increment();
            }
        });
    }

    @Override
    public long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
