package dev.zendo.notifications

import com.google.protobuf.ByteString
import com.google.protobuf.Timestamp
import dev.zendo.auth.seal.Sealer
import dev.zendo.events.v1.AgentRegistered
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.InvitationCreated
import dev.zendo.events.v1.MemberAdded
import dev.zendo.events.v1.Role
import dev.zendo.events.v1.WebsiteCreated
import dev.zendo.events.v1.WidgetSettings
import dev.zendo.testsupport.ServiceApi
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.util.concurrent.PollingConditions

import java.nio.charset.StandardCharsets
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.MAIL
import static dev.zendo.testsupport.TestInfra.Need.SEAL_OPENER_KEY
import static dev.zendo.testsupport.TestInfra.Need.WEBHOOK_SECRETS_KEYSET

/**
 * One running notifications service for the specs of a JVM, consuming topics of its own, with what specs need to
 * feed it events as websites and identity write them and to read the mail it sends.
 */
class NotificationsApi extends ServiceApi {

    private static NotificationsApi shared

    final String websitesTopic
    final String identityTopic
    final String siteTopicPrefix
    final String transcriptsTopic
    final Mailbox mailbox = new Mailbox(TestInfra.infrastructure().mailApiUrl())

    private NotificationsApi(String websitesTopic, String identityTopic, String siteTopicPrefix, String transcriptsTopic,
                             Map<String, Object> settings) {
        super('notifications', [DATABASE, KAFKA, MAIL, SEAL_OPENER_KEY, WEBHOOK_SECRETS_KEYSET], settings + [
                'zendo.notifications.websites-topic': websitesTopic,
                'zendo.notifications.identity-topic': identityTopic,
                'zendo.notifications.site-topic-prefix': siteTopicPrefix,
                'zendo.notifications.transcripts.topic': transcriptsTopic,
                'zendo.inbox.topic-refresh'         : '200ms',
                'zendo.notifications.public-url'    : 'https://chat.example.test',
                'zendo.inbox.group'                 : TestInfra.uniqueName('notifications-spec'),
                'zendo.inbox.max-backoff'           : '200ms',
                'zendo.notifications.missed-reply.delay'        : '3s',
                'zendo.notifications.missed-reply.poll-interval': '200ms',
                'zendo.notifications.missed-reply.batch-size'   : '5',
        ])
        this.websitesTopic = websitesTopic
        this.identityTopic = identityTopic
        this.siteTopicPrefix = siteTopicPrefix
        this.transcriptsTopic = transcriptsTopic
    }

    /** The JVM's shared service. */
    static synchronized NotificationsApi get() {
        if (shared == null) {
            shared = start([:])
        }
        shared
    }

    /** A service of the caller's own, with {@code settings} over the specs' defaults; the caller closes it. */
    static NotificationsApi start(Map<String, Object> settings) {
        def websites = TestInfra.uniqueName('zendo.websites-spec')
        def identity = TestInfra.uniqueName('zendo.identity-spec')
        def transcripts = TestInfra.uniqueName('zendo.transcripts-spec')
        createTopics(websites, identity, transcripts)
        new NotificationsApi(websites, identity, TestInfra.uniqueName('zendo.site-spec') + '.', transcripts, settings)
    }

    static void createTopics(String... topics) {
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>).withCloseable { admin ->
            admin.createTopics(topics.collect { new NewTopic(it, 3, (short) 1) }).all().get()
        }
    }

    /** Writes {@code events} to {@code topic}, keyed as their publishers key them, and waits for the acknowledgements. */
    static void publish(String topic, String key, Envelope... events) {
        new KafkaProducer<String, byte[]>([(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>,
                new StringSerializer(), new ByteArraySerializer()).withCloseable { producer ->
            events.each { producer.send(new ProducerRecord<>(topic, key, it.toByteArray())).get() }
        }
    }

    /** An event envelope of {@code type} with a new id, happening now. */
    static Envelope.Builder envelope(String type, String websiteId = '') {
        def now = Instant.now()
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType(type).setWebsiteId(websiteId)
                .setAudience(Audience.AUDIENCE_SERVICES)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.epochSecond).setNanos(now.nano))
    }

    /** The website's own topic. */
    String siteTopic(String websiteId) {
        siteTopicPrefix + websiteId
    }

    /**
     * Publishes a new website owned by {@code ownerId}, in {@code language}, and makes its own topic; returns its id once
     * the replica holds it, so events on other topics that name it are not read before it.
     */
    String website(String ownerId, String name = 'Acme', String language = 'en') {
        def id = UUID.randomUUID().toString()
        createTopics(siteTopic(id))
        publish(websitesTopic, id, envelope('website.created', id).setWebsiteCreated(WebsiteCreated.newBuilder()
                .setWebsiteId(id).setName(name).setOwnerAgentId(ownerId)
                .setWidget(WidgetSettings.newBuilder().setLanguage(language))).build())
        new PollingConditions(timeout: 30, delay: 0.05).eventually {
            assert sql('SELECT count(*) AS n FROM website WHERE id = ?::uuid', [id])[0].n == 1
        }
        id
    }

    /** Publishes {@code agentId} joining {@code websiteId} as {@code role}. */
    void member(String websiteId, String agentId, Role role) {
        publish(websitesTopic, websiteId, envelope('member.added', websiteId).setMemberAdded(MemberAdded.newBuilder()
                .setWebsiteId(websiteId).setAgentId(agentId).setRole(role)).build())
    }

    /** Publishes an agent signing up. */
    void agent(String agentId, String email, String name = 'Agent') {
        publish(identityTopic, agentId, envelope('agent.registered').setAgentRegistered(AgentRegistered.newBuilder()
                .setAgentId(agentId).setEmail(email).setName(name).setEmailVerified(true)).build())
    }

    /** An invitation event as websites writes it, its token sealed with the specs' keyset. */
    static Envelope invitation(String websiteId, String inviteeEmail, String token, Map fields = [:]) {
        envelope('invitation.created', websiteId).setInvitationCreated(InvitationCreated.newBuilder()
                .setWebsiteId(websiteId).setInvitationId(UUID.randomUUID().toString())
                .setWebsiteName(fields.websiteName ?: 'Acme').setInviterAgentId(UUID.randomUUID().toString())
                .setInviterName(fields.inviterName ?: 'Olivia Owner').setInviterEmail('olivia@example.test')
                .setInviteeEmail(inviteeEmail).setRole(fields.role ?: Role.ROLE_AGENT)
                .setExpiresAt(Timestamp.newBuilder().setSeconds(Instant.parse('2030-01-02T03:04:05Z').epochSecond))
                .setSealedToken(fields.containsKey('sealed') ? fields.sealed : seal(token, 'zendo.websites.InvitationCreated.sealed_token'))
                .setAcceptPathTemplate('/invitations/accept#token={token}')).build()
    }

    /** {@code secret} sealed for notifications with {@code contextInfo}, as websites and identity seal. */
    static ByteString seal(String secret, String contextInfo) {
        ByteString.copyFrom(Sealer.of(TestSealKeys.publicKeyset()).seal(secret.getBytes(StandardCharsets.UTF_8),
                contextInfo.getBytes(StandardCharsets.UTF_8)))
    }

    /** An identity access token of agent {@code agentId}. */
    String agentToken(String agentId) {
        identity.token(agentId, [token_use: 'access', email: "${agentId}@example.test".toString(), name: 'Agent'])
    }

    /** A new address no other spec uses. */
    static String newAddress(String name = 'someone') {
        "${name}-${UUID.randomUUID().toString().substring(0, 8)}@example.test"
    }
}
