package dev.zendo.websites.events

import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.KeyKind
import dev.zendo.platform.crypto.Sha256
import dev.zendo.events.v1.Role
import dev.zendo.auth.seal.Opener
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import dev.zendo.websites.invitations.InvitationTokenSealer
import dev.zendo.websites.WebsitesApi
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.config.ConfigResource
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.charset.StandardCharsets
import java.time.Duration

/**
 * A website created through the API has its own Kafka topic, and every change reaches Kafka through the outbox:
 * lifecycle events on zendo.websites for other services, what dashboards show live on the website's topic as well.
 */
class WebsiteEventsSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    @Shared
    String bootstrap = api.context.getProperty('zendo.kafka.bootstrap-servers', String).get()

    @Shared
    @AutoCleanup
    Admin admin = Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): bootstrap] as Map<String, Object>)

    @Shared
    @AutoCleanup
    KafkaConsumer<String, byte[]> services = consumer()

    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.1)

    def "a new website's topic is created, before its first event, with the configured partitions and the replay window as retention"() {
        when:
        def website = api.createWebsite(api.agent())
        def topic = "zendo.site.$website.id".toString()

        then:
        eventually.eventually {
            assert admin.listTopics().names().get().contains(topic)
        }
        admin.describeTopics([topic]).allTopicNames().get()[topic].partitions().size() == 3
        admin.describeConfigs([new ConfigResource(ConfigResource.Type.TOPIC, topic)]).all().get().values().first()
                .get('retention.ms').value() == Duration.ofDays(7).toMillis().toString()
    }

    def 'every change of a website reaches zendo.websites in order, with unique event ids and the acting agent'() {
        given:
        def fromHere = endOffsets(services, 'zendo.websites')
        def owner = api.agent()
        def invitee = api.agent()

        when:
        def website = api.createWebsite(owner, [domains: ['shop.example'], widget: [color: '#123', visitor_session_hours: 2, sneak_peek: true, business_hours: [time_zone: 'Europe/Paris', days: [monday: [[from: '09:00', to: '17:00']]]]]])
        def w = "/v1/websites/$website.id"
        api.call('PATCH', w, owner.token, [name: 'Renamed'])
        def invitation = api.call('POST', "$w/invitations", owner.token, [email: invitee.email, role: 'supervisor']).body
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token])
        api.call('PATCH', "$w/members/$invitee.id", owner.token, [role: 'admin'])
        def group = api.call('POST', "$w/groups", owner.token, [name: 'Sales', routing: 'sticky']).body
        api.call('POST', "$w/canned-responses", owner.token, [shortcut: 'hi', text: 'Hello'])
        def rotated = api.call('POST', "$w/keys/rotate", owner.token, [kind: 'public']).body
        api.call('DELETE', "$w/members/$invitee.id", owner.token)
        api.call('DELETE', w, owner.token)
        api.call('POST', "$w/restore", owner.token)
        def records = readUntil(services, fromHere) { List<ConsumerRecord> read -> read.count { it.key() == website.id } >= 15 }
            .findAll { it.key() == website.id }

        then:
        def events = records.collect { Envelope.parseFrom(it.value()) }
        events*.type == ['website.created', 'member.added', 'group.changed', 'website.updated', 'invitation.created',
                         'member.added', 'group.changed', 'member.role_changed', 'group.changed', 'canned.response_changed',
                         'key.rotated', 'group.changed', 'member.removed', 'website.deleted', 'website.restored']
        events.every { it.websiteId == website.id && it.audience == Audience.AUDIENCE_SERVICES && it.hasOccurredAt() }
        events*.eventId.toSet().size() == events.size()
        records.every { new String(it.headers().lastHeader('event_id').value(), StandardCharsets.UTF_8) == Envelope.parseFrom(it.value()).eventId }
        events.find { it.type == 'member.added' }.actor.id == owner.id
        events.findAll { it.type == 'member.added' }[1].actor.id == invitee.id

        and: 'lifecycle payloads carry what other services replicate'
        with(events[0].websiteCreated) {
            name == website.name
            ownerAgentId == owner.id
            domainsList == ['shop.example']
            publicKey == website.public_key
            widget.color == '#123'
            widget.visitorSessionHours == 2
            widget.sneakPeek
            widget.businessHours.timeZone == 'Europe/Paris'
            widget.businessHours.hoursList.collect { [it.weekday, it.from, it.to] } == [[1, '09:00', '17:00']]
            defaultGroupId == events[2].groupChanged.groupId
        }
        events[3].websiteUpdated.name == 'Renamed'
        events.find { it.type == 'key.rotated' }.keyRotated.with { keyId == rotated.id && publicKey == rotated.public_key && hasOverlapUntil() }
        events.find { it.type == 'website.deleted' }.websiteDeleted.hasPurgeAfter()
        with(events.find { it.type == 'member.role_changed' }.memberRoleChanged) {
            agentId == invitee.id
            oldRole == Role.ROLE_SUPERVISOR
            newRole == Role.ROLE_ADMIN
        }
        with(events.findAll { it.type == 'group.changed' }*.groupChanged.find { it.groupId == group.id }) {
            name == 'Sales'
            !isDefault
        }

        and: 'the invitation event carries what the notifications service needs to send the email'
        with(events[4].invitationCreated) {
            invitationId == invitation.id
            websiteName == 'Renamed'
            inviterAgentId == owner.id
            inviterName == owner.name
            inviterEmail == owner.email
            inviteeEmail == invitee.email
            role == Role.ROLE_SUPERVISOR
            acceptPathTemplate == '/invitations/accept#token={token}'
            opened(sealedToken.toByteArray()) == invitation.token
            token == ''
            acceptPath == ''
            hasExpiresAt()
        }
    }

    def 'key events name the keys by id and carry secret keys only as their SHA-256, so conversations can check them'() {
        given:
        def fromHere = endOffsets(services, 'zendo.websites')
        def owner = api.agent()
        def website = api.createWebsite(owner)
        def w = "/v1/websites/$website.id"

        when:
        def first = api.call('GET', "$w/keys", owner.token).body
        def rotated = api.call('POST', "$w/keys/rotate", owner.token, [kind: 'secret']).body
        def previous = first.find { it.kind == 'secret' }
        api.call('POST', "$w/keys/$previous.id/revoke", owner.token)
        def records = readUntil(services, fromHere) { List<ConsumerRecord> read ->
            read.count { it.key() == website.id && Envelope.parseFrom(it.value()).hasKeyRotated() } == 2
        }.findAll { it.key() == website.id }
        def events = records.collect { Envelope.parseFrom(it.value()) }

        then:
        with(events.find { it.hasWebsiteCreated() }.websiteCreated) {
            publicKeyId == first.find { it.kind == 'public' }.id
            secretKeyId == previous.id
            secretKeySha256.toByteArray() == Sha256.of(website.secret_key)
        }
        with(events.findAll { it.hasKeyRotated() }*.keyRotated) {
            it[0].kind == KeyKind.KEY_KIND_SECRET
            it[0].keyId == rotated.id
            it[0].previousKeyId == previous.id
            it[0].publicKey == ''
            it[0].secretKeySha256.toByteArray() == Sha256.of(rotated.secret)
            it[1].keyId == previous.id
            it[1].revoked
            it[1].secretKeySha256.isEmpty()
        }

        and: 'no record holds a secret key itself'
        records.every { !contains(it.value(), website.secret_key) && !contains(it.value(), rotated.secret) }
    }

    def 'the invitation event carries the token only sealed for notifications, and the opened token accepts the invitation'() {
        given:
        def fromHere = endOffsets(services, 'zendo.websites')
        def owner = api.agent()
        def invitee = api.agent()
        def website = api.createWebsite(owner)

        when:
        def invitation = api.call('POST', "/v1/websites/$website.id/invitations", owner.token, [email: invitee.email, role: 'agent']).body
        def record = readUntil(services, fromHere) { List<ConsumerRecord> read ->
            read.any { it.key() == website.id && Envelope.parseFrom(it.value()).hasInvitationCreated() }
        }.find { it.key() == website.id && Envelope.parseFrom(it.value()).hasInvitationCreated() }
        def outboxRows = api.sql("SELECT payload FROM outbox WHERE event_key = '$website.id'")

        then: 'neither the Kafka record nor any outbox row holds the plaintext token'
        !contains(record.value(), invitation.token)
        record.headers().every { !contains(it.value(), invitation.token) }
        outboxRows.size() >= 3
        outboxRows.every { !contains(it.payload as byte[], invitation.token) }

        when: 'the notifications service opens the sealed token'
        def token = opened(Envelope.parseFrom(record.value()).invitationCreated.sealedToken.toByteArray())

        then:
        token == invitation.token
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: token]).status == 200
    }

    def 'what dashboards show live reaches the website topic for its agents, and never the invitation token'() {
        given:
        def owner = api.agent()
        def invitee = api.agent()
        def website = api.createWebsite(owner)
        def w = "/v1/websites/$website.id"
        def site = consumer()
        def fromStart = assignFromStart(site, "zendo.site.$website.id")

        when:
        def invitation = api.call('POST', "$w/invitations", owner.token, [email: invitee.email, role: 'agent']).body
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token])
        api.call('POST', "$w/canned-responses", owner.token, [shortcut: 'bye', text: 'Goodbye'])
        api.call('PATCH', "$w/members/$invitee.id", invitee.token, [accepting_chats: false])
        api.call('POST', "$w/keys/rotate", owner.token, [kind: 'secret'])
        def events = readUntil(site, fromStart) { List<ConsumerRecord> read ->
            read.size() >= 6 && api.sql("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND event_key = '$website.id'")[0].n == 0
        }.collect { Envelope.parseFrom(it.value()) }

        then:
        events*.type == ['member.added', 'group.changed', 'member.added', 'group.changed', 'canned.response_changed', 'member.role_changed']
        events.every { it.audience == Audience.AUDIENCE_AGENTS && it.websiteId == website.id }
        events.every { !it.toByteString().toStringUtf8().contains(invitation.token) }

        cleanup:
        site?.close()
    }

    private static String opened(byte[] sealed) {
        new String(Opener.of(TestSealKeys.privateKeyset()).open(sealed, InvitationTokenSealer.CONTEXT_INFO.getBytes(StandardCharsets.UTF_8)).get(),
                StandardCharsets.UTF_8)
    }

    private static boolean contains(byte[] bytes, String text) {
        new String(bytes, StandardCharsets.ISO_8859_1).contains(text)
    }

    private KafkaConsumer<String, byte[]> consumer() {
        new KafkaConsumer<String, byte[]>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) : bootstrap,
                (ConsumerConfig.GROUP_ID_CONFIG)          : TestInfra.uniqueName('websites-events-spec'),
                (ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG): false,
        ] as Map<String, Object>, new StringDeserializer(), new ByteArrayDeserializer())
    }

    /** Assigns every partition of {@code topic} at its current end: only what happens next is read. */
    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer consumer, String topic) {
        def partitions = consumer.partitionsFor(topic).collect { new TopicPartition(topic, it.partition()) }
        consumer.assign(partitions)
        consumer.endOffsets(partitions)
    }

    /** Assigns every partition of {@code topic} from its start, once the new topic's metadata has reached the consumer. */
    private Map<TopicPartition, Long> assignFromStart(KafkaConsumer consumer, String topic) {
        List<TopicPartition> partitions = []
        eventually.eventually {
            partitions.clear()
            partitions.addAll(consumer.partitionsFor(topic).collect { new TopicPartition(topic, it.partition()) })
            assert partitions.size() == 3
        }
        consumer.assign(partitions)
        partitions.collectEntries { [(it): 0L] }
    }

    /**
     * Reads from {@code offsets} until {@code done} holds for what was read (partition order per key), checking again
     * after every poll, also one that read nothing (the outbox marks rows sent only after Kafka took them); on timeout
     * the failure lists what was read and the outbox rows still unsent.
     */
    private List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> offsets,
                                                          Closure<Boolean> done) {
        offsets.each { partition, offset -> consumer.seek(partition, offset) }
        List<ConsumerRecord<String, byte[]>> read = []
        eventually.eventually {
            consumer.poll(Duration.ofMillis(200)).forEach { read << it }
            assert done(read): "read ${read.collect { "$it.topic-$it.partition@$it.offset" }}, positions " +
                    "${offsets.keySet().collectEntries { [(it): consumer.position(it)] }}, unsent outbox rows " +
                    api.sql('SELECT id, topic, event_key, attempts, retry_at, parked_at, last_error FROM outbox WHERE sent_at IS NULL')
        }
        read
    }
}
