package dev.zendo.realtimeedge.support

import com.google.protobuf.Timestamp
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.ConversationAccess
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.MessageCreated
import dev.zendo.events.v1.WebsiteCreated
import dev.zendo.events.v1.WebsiteDeleted
import dev.zendo.events.v1.WidgetSettings
import dev.zendo.realtimeedge.origins.WebsiteDirectory
import dev.zendo.realtimeedge.server.EdgeServer
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import io.micronaut.context.ApplicationContext
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/**
 * A running edge (real Kafka, real token issuers serving JWKS over HTTP) and what its specs need: tokens, websites on
 * {@code zendo.websites}, events on website topics and WebSocket clients.
 */
abstract class EdgeSpec extends Specification {

    static final String ORIGIN = 'https://shop.example'

    @Shared
    @AutoCleanup
    TestIssuer websites = TestIssuer.start('zendo-websites', 'zendo-realtime')

    @Shared
    @AutoCleanup
    TestIssuer conversations = TestIssuer.start('zendo-conversations', 'zendo-realtime')

    @Shared
    @AutoCleanup
    ApplicationContext context

    @Shared
    @AutoCleanup
    KafkaProducer<String, byte[]> producer

    @Shared
    int port

    final List<EdgeClient> clients = []

    PollingConditions conditions = new PollingConditions(timeout: 20, delay: 0.05)

    /** Settings a spec changes for its edge. */
    Map<String, Object> settings() {
        [:]
    }

    def setupSpec() {
        Map<String, Object> properties = new HashMap<>(TestInfra.properties('realtime-edge', KAFKA, REDIS))
        properties.putAll([
                'zendo.realtime.auth.tickets-jwks-url' : websites.jwksUrl(),
                'zendo.realtime.auth.visitors-jwks-url': conversations.jwksUrl(),
                'zendo.realtime.node-id'               : 'edge-spec',
                'zendo.realtime.auth.checked-signatures-secret': 'edge-spec-secret-0123456789abcdef0'])
        properties.putAll(settings())
        context = ApplicationContext.builder().environments('test').properties(properties).start()
        port = context.getBean(EdgeServer).port()
        producer = new KafkaProducer<>([(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                                        (ProducerConfig.ACKS_CONFIG)             : 'all'] as Map<String, Object>,
                new StringSerializer(), new ByteArraySerializer())
        new PollingConditions(timeout: 30).eventually {
            assert context.getBean(WebsiteDirectory).caughtUp()
        }
    }

    def cleanup() {
        clients*.close()
    }

    /** The {@code agent:*} presence frames a client received about {@code agentId}, oldest first. */
    static List<String> presenceOf(EdgeClient client, String agentId) {
        client.events().findAll { it.type.startsWith('agent:') && it.data.agent_id == agentId }*.type
    }

    /** A website created on {@code zendo.websites} and known to the edge, showing agents visitors' drafts when {@code sneakPeek}. */
    UUID website(List<String> origins = [ORIGIN], boolean sneakPeek = false) {
        UUID id = UUID.randomUUID()
        publish(WebsiteDirectory.TOPIC, id.toString(), Envelope.newBuilder().setEventId(UUID.randomUUID().toString())
                .setType('website.created').setWebsiteId(id.toString()).setAudience(Audience.AUDIENCE_SERVICES)
                .setOccurredAt(now())
                .setWebsiteCreated(WebsiteCreated.newBuilder().setWebsiteId(id.toString()).addAllAllowedOrigins(origins)
                        .setWidget(WidgetSettings.newBuilder().setSneakPeek(sneakPeek))).build())
        conditions.eventually {
            assert context.getBean(WebsiteDirectory).website(id).isPresent()
        }
        id
    }

    void deleteWebsite(UUID id) {
        publish(WebsiteDirectory.TOPIC, id.toString(), Envelope.newBuilder().setEventId(UUID.randomUUID().toString())
                .setType('website.deleted').setWebsiteId(id.toString()).setAudience(Audience.AUDIENCE_SERVICES).setOccurredAt(now())
                .setWebsiteDeleted(WebsiteDeleted.newBuilder().setWebsiteId(id.toString())).build())
    }

    /** Writes an event to a website's topic, keyed by its conversation (or website). */
    void publish(Envelope event) {
        publish("zendo.site.${event.websiteId}", event.hasConversationId() ? event.conversationId : event.websiteId, event)
    }

    void publish(String topic, String key, Envelope event) {
        producer.send(new ProducerRecord<>(topic, key, event.toByteArray())).get()
    }

    /** A {@code message.created} event of a conversation, with its audience and access. */
    static Envelope message(UUID websiteId, UUID conversationId, UUID visitorId, long seq, Audience audience = Audience.AUDIENCE_CONVERSATION,
                            ConversationAccess access = ConversationAccess.getDefaultInstance()) {
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType('message.created')
                .setWebsiteId(websiteId.toString()).setConversationId(conversationId.toString()).setVisitorId(visitorId.toString())
                .setAudience(audience).setOccurredAt(now()).setAccess(access)
                .setMessageCreated(MessageCreated.newBuilder().setMessageId(UUID.randomUUID().toString())
                        .setConversationId(conversationId.toString()).setSeq(seq).setBody("message ${seq}")).build()
    }

    static Timestamp now() {
        Instant at = Instant.now()
        Timestamp.newBuilder().setSeconds(at.epochSecond).setNanos(at.nano).build()
    }

    String ticket(String agentId, Map<UUID, String> roles, Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10))) {
        websites.token(agentId, [token_use: 'realtime', websites: roles.collect { id, role -> [id: id.toString(), role: role] }],
                'zendo-realtime', expiresAt)
    }

    String visitorToken(UUID visitorId, UUID websiteId, Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10))) {
        conversations.token(visitorId.toString(), [token_use: 'visitor', website_id: websiteId.toString()], 'zendo-realtime', expiresAt)
    }

    EdgeClient connect(String origin = null, int readLimit = Integer.MAX_VALUE) {
        EdgeClient client = EdgeClient.connect(port, origin, readLimit)
        clients << client
        client
    }

    /** A client authenticated with {@code token}, once {@code ready}. */
    EdgeClient authenticated(String token, String origin = ORIGIN, int readLimit = Integer.MAX_VALUE) {
        EdgeClient client = connect(origin, readLimit)
        client.send([type: 'auth', v: 1, token: token])
        conditions.eventually {
            assert client.ofType('ready').size() == 1
        }
        client
    }

    /** An authenticated client subscribed to {@code websiteId}, once {@code subscribed}. */
    EdgeClient subscribed(String token, UUID websiteId, String cursor = null, String origin = ORIGIN) {
        EdgeClient client = authenticated(token, origin)
        Map frame = [type: 'subscribe', website_id: websiteId.toString(), ref: 's']
        if (cursor != null) {
            frame.cursor = cursor
        }
        client.send(frame)
        conditions.eventually {
            assert client.ofType('subscribed').size() == 1
        }
        client
    }
}
