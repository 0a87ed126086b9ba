package dev.zendo.notifications.webhook

import com.google.protobuf.Timestamp
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.AgentRegistered
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.MemberAdded
import dev.zendo.events.v1.MessageCreated
import dev.zendo.events.v1.MessageKind
import dev.zendo.events.v1.Role
import dev.zendo.events.v1.WebsiteCreated
import dev.zendo.testsupport.ServiceApi
import dev.zendo.testsupport.TestInfra
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.errors.TopicExistsException
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.util.concurrent.PollingConditions

import java.time.Instant
import java.util.concurrent.ExecutionException

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.MAIL
import static dev.zendo.testsupport.TestInfra.Need.SEAL_OPENER_KEY
import static dev.zendo.testsupport.TestInfra.Need.WEBHOOK_SECRETS_KEYSET

/**
 * The notifications service for webhook specs: a fresh database, an inbox group of its own, loopback allowed as a
 * webhook host, retries shrunk to fractions of a second. Websites and members reach its replica as websites publishes
 * them, on a websites topic of this JVM's webhook specs; website events are produced to their site topics as conversations publishes them.
 */
class WebhooksApi extends ServiceApi {

    /** Settings every webhook spec's service runs with; a spec may add its own. */
    static final Map<String, Object> SETTINGS = [
            'zendo.inbox.max-backoff'                            : '200ms',
            'zendo.notifications.webhooks.allowed-hosts'         : '127.0.0.1,localhost',
            'zendo.notifications.webhooks.attempt-timeout'       : '2s',
            'zendo.notifications.webhooks.initial-backoff'       : '100ms',
            'zendo.notifications.webhooks.max-backoff'           : '400ms',
            'zendo.notifications.webhooks.jitter'                : '0',
            'zendo.notifications.webhooks.retry-window'          : '2m',
            'zendo.notifications.webhooks.poll-interval'         : '100ms',
    ]

    /** The websites and identity topics of this JVM's webhook specs. */
    static final String WEBSITES_TOPIC = TestInfra.uniqueName('zendo.websites-webhooks')
    static final String IDENTITY_TOPIC = TestInfra.uniqueName('zendo.identity-webhooks')
    /** The prefix of this JVM's webhook specs' website topics: other modules' website topics stay unread. */
    static final String SITE_TOPIC_PREFIX = TestInfra.uniqueName('zendo.site-webhooks') + '.'

    static {
        [WEBSITES_TOPIC, IDENTITY_TOPIC].each { createTopic(it) }
    }

    private static WebhooksApi instance

    private final KafkaProducer<String, byte[]> producer

    WebhooksApi(Map<String, Object> settings = [:]) {
        super('notifications', [DATABASE, KAFKA, MAIL, SEAL_OPENER_KEY, WEBHOOK_SECRETS_KEYSET], SETTINGS + [
                'zendo.inbox.group'                  : TestInfra.uniqueName('webhooks-spec'),
                'zendo.notifications.websites-topic' : WEBSITES_TOPIC,
                'zendo.notifications.identity-topic' : IDENTITY_TOPIC,
                'zendo.notifications.site-topic-prefix': SITE_TOPIC_PREFIX,
                'zendo.inbox.topic-refresh'          : '200ms',
        ] + settings)
        producer = new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ProducerConfig.ACKS_CONFIG)             : 'all',
        ] as Map<String, Object>, new StringSerializer(), new ByteArraySerializer())
    }

    /** The service shared by the webhook specs of this JVM, started on first use. */
    static synchronized WebhooksApi get() {
        if (instance == null) {
            instance = new WebhooksApi()
        }
        instance
    }

    @Override
    void close() {
        producer?.close()
        super.close()
    }

    /** A valid access token of a new agent. */
    Agent agent() {
        String id = TestInfra.uniqueName('agent')
        new Agent(id: id, token: identity.token(id, [token_use: 'access', email: "${id}@example.com".toString(), name: "Agent $id".toString()]))
    }

    /** A website created by a new owner, in the service's replica, with its site topic. */
    Site site() {
        def owner = agent()
        def site = new Site(id: UUID.randomUUID(), owner: owner)
        createTopic(site.topic)
        produce(WEBSITES_TOPIC, site.id.toString(), envelope(site, Audience.AUDIENCE_SERVICES) {
            it.setWebsiteCreated(WebsiteCreated.newBuilder().setWebsiteId(site.id.toString()).setName('Shop').setOwnerAgentId(owner.id))
        })
        join(site, owner, Role.ROLE_OWNER)
        site
    }

    /** A new agent who is a member of {@code site} in {@code role} ({@code ROLE_ADMIN}, …), once the replica knows it. */
    Agent member(Site site, Role role) {
        def agent = agent()
        join(site, agent, role)
        agent
    }

    /** A subscription of {@code site} to {@code url}, as its owner creates it: the answer, with the secret. */
    Map webhook(Site site, String url, List<String> types = ['*']) {
        expect(201, call('POST', "/v1/websites/$site.id/webhooks", site.owner.token, [url: url, event_types: types]))
    }

    /** Produces {@code events} to the site's topic, keyed by conversation as conversations keys them, in order. */
    void publish(Site site, List<Envelope> events) {
        events.each { produce(site.topic, it.conversationId ?: it.websiteId, it) }
    }

    /** A visitor's text message {@code seq} of {@code conversationId}, as conversations publishes it. */
    Envelope message(Site site, UUID conversationId, long seq, String body = "message $seq") {
        def visitor = UUID.nameUUIDFromBytes(conversationId.toString().bytes).toString()
        envelope(site, Audience.AUDIENCE_CONVERSATION) {
            it.setConversationId(conversationId.toString()).setVisitorId(visitor)
                    .setMessageCreated(MessageCreated.newBuilder().setMessageId(UUID.randomUUID().toString())
                            .setConversationId(conversationId.toString()).setThreadId(UUID.nameUUIDFromBytes(visitor.bytes).toString())
                            .setSeq(seq).setKind(MessageKind.MESSAGE_KIND_TEXT).setBody(body)
                            .setAuthor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitor))
                            .setAuthorName('Jolly Camel 13').setCreatedAt(timestamp(Instant.now())))
        }
    }

    /** An envelope of {@code site} with a new event id, the type named by the payload {@code payload} sets. */
    static Envelope envelope(Site site, Audience audience, Closure<Envelope.Builder> payload) {
        def builder = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setWebsiteId(site.id.toString()).setAudience(audience)
        payload.call(builder)
        builder.setType(builder.payloadCase.name().toLowerCase(Locale.ROOT).replaceFirst('_', '.')).build()
    }

    static Timestamp timestamp(Instant instant) {
        Timestamp.newBuilder().setSeconds(instant.epochSecond).setNanos(instant.nano).build()
    }

    /** The deliveries of {@code webhook}'s log, newest first (one page of up to 100). */
    List<Map> deliveries(Site site, Map webhook) {
        expect(200, call('GET', "/v1/websites/$site.id/webhooks/$webhook.id/deliveries?limit=100", site.owner.token)).deliveries as List<Map>
    }

    static PollingConditions within(double seconds) {
        new PollingConditions(timeout: seconds, delay: 0.05)
    }

    private void join(Site site, Agent agent, Role role) {
        produce(WEBSITES_TOPIC, site.id.toString(), envelope(site, Audience.AUDIENCE_SERVICES) {
            it.setMemberAdded(MemberAdded.newBuilder().setWebsiteId(site.id.toString()).setAgentId(agent.id).setRole(role)
                    .setMaxConcurrentChats(5).setAcceptingChats(true))
        })
        within(30).eventually {
            def reply = this.call('GET', "/v1/websites/$site.id/webhooks", agent.token)
            assert reply.status in [200, 403]: "the replica does not know $agent.id in $site.id yet: $reply"
        }
    }

    /** Publishes {@code agent} signing up with {@code email}, as identity does, once the replica knows it. */
    void registered(Agent agent, String email) {
        def event = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(timestamp(Instant.now()))
                .setType('agent.registered').setAudience(Audience.AUDIENCE_SERVICES)
                .setAgentRegistered(AgentRegistered.newBuilder().setAgentId(agent.id).setEmail(email).setName('Owner').setEmailVerified(true))
                .build()
        produce(IDENTITY_TOPIC, agent.id, event)
        within(30).eventually {
            assert sql('SELECT email FROM agent WHERE id = ?', [agent.id])*.email == [email]
        }
    }

    private void produce(String topic, String key, Envelope event) {
        producer.send(new ProducerRecord<String, byte[]>(topic, key, event.toByteArray())).get()
    }

    /** Creates {@code topic} unless it exists. */
    private static void createTopic(String topic) {
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>).withCloseable { admin ->
            try {
                admin.createTopics([new NewTopic(topic, 3, (short) 1)]).all().get()
            } catch (ExecutionException e) {
                if (!(e.cause instanceof TopicExistsException)) {
                    throw e
                }
            }
        }
    }

    /** An agent and its access token. */
    static class Agent {
        String id
        String token
    }

    /** A website known to the service. */
    static class Site {
        UUID id
        Agent owner

        String getTopic() {
            SITE_TOPIC_PREFIX + id
        }
    }
}
