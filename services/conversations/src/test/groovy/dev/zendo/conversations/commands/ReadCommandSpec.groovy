package dev.zendo.conversations.commands

import dev.zendo.conversations.conversation.ConversationView
import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.message.MessageKind
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.ReadRequested
import dev.zendo.outbox.Events
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.util.concurrent.PollingConditions

/**
 * The realtime edge's read commands, consumed from a commands topic of the spec's own: applied through the REST read
 * paths with their checks (producing ReadUpTo), refused and malformed ones dropped and counted without stopping the
 * commands after them, and a replayed command applied once.
 */
class ReadCommandSpec extends ModelSpecification {

    /** Static: the context's settings are read while the base class is set up, before this class's fields. */
    static final String TOPIC = TestInfra.uniqueName('zendo.realtime.commands-spec')

    @Override
    Map<String, Object> settings() {
        super.settings() + [
                'zendo.conversations.commands.topic'       : TOPIC,
                'zendo.inbox.group'                        : TestInfra.uniqueName('commands-spec'),
                'zendo.inbox.max-backoff'                  : '200ms',
                'zendo.conversations.replica.websites-topic': TestInfra.uniqueName('zendo.websites-spec'),
                'zendo.conversations.replica.identity-topic': TestInfra.uniqueName('zendo.identity-spec'),
        ] as Map<String, Object>
    }

    def 'a visitor’s read command moves its cursor and announces ReadUpTo'() {
        given: 'a conversation with three messages for the visitor to read'
        def c = chat()
        def command = read(c.websiteId(), c.id(), visitorActor(c), 2)

        when:
        send(command)

        then:
        processed(command)
        cursor(c, 'VISITOR', c.visitorId().toString()) == 2
        readUpTo(c) == [[kind: ActorKind.ACTOR_KIND_VISITOR, id: c.visitorId().toString(), seq: 2L]]
    }

    def 'an agent’s read command moves its cursor and announces ReadUpTo'() {
        given: 'a limited agent of the website and a waiting conversation, which every agent sees'
        def c = chat()
        def agent = member(c.websiteId(), 'AGENT')
        def command = read(c.websiteId(), c.id(), agentActor(agent), 3)

        when:
        send(command)

        then:
        processed(command)
        cursor(c, 'AGENT', agent) == 3
        readUpTo(c) == [[kind: ActorKind.ACTOR_KIND_AGENT, id: agent, seq: 3L]]
    }

    def 'a read command that the REST read endpoints would refuse changes nothing: #refusal'() {
        given:
        def c = chat()
        def other = chat()
        def command = made.call(c, other)
        def refusedBefore = counter('refused')

        when:
        send(command)

        then: 'it is processed, not parked, and counted as refused'
        processed(command)
        counter('refused') == refusedBefore + 1
        rows('SELECT count(*) FROM inbox_parked WHERE event_id = ?::uuid', command.eventId)[0][0] == 0

        and: 'no cursor moved and nothing was announced'
        rows('SELECT count(*) FROM read_cursors WHERE conversation_id IN (?, ?)', c.id(), other.id())[0][0] == 0
        readUpTo(c).empty
        readUpTo(other).empty

        where:
        refusal                                                    | made
        'a conversation of another website'                        | { mine, theirs -> read(mine.websiteId(), theirs.id(), agentActor(member(mine.websiteId(), 'OWNER')), 1) }
        'another visitor’s conversation'                           | { mine, theirs -> read(mine.websiteId(), mine.id(), visitorActor(sameSiteVisitor(mine)), 1) }
        'a visitor of another website'                             | { mine, theirs -> read(theirs.websiteId(), mine.id(), visitorActor(theirs), 1) }
        'the visitor’s own conversation named with another website' | { mine, theirs -> read(theirs.websiteId(), mine.id(), visitorActor(mine), 1) }
        'an agent who is no member'                                | { mine, theirs -> read(mine.websiteId(), mine.id(), agentActor(member(theirs.websiteId(), 'OWNER')), 1) }
        'a limited agent on another agent’s conversation'          | { mine, theirs -> read(mine.websiteId(), mine.id(), agentActor(assignedElsewhere(mine)), 1) }
        'a seq beyond the latest message'                          | { mine, theirs -> read(mine.websiteId(), mine.id(), visitorActor(mine), 4) }
    }

    def 'malformed commands between two good ones are dropped and the good ones applied'() {
        given:
        def c = chat()
        def first = read(c.websiteId(), c.id(), visitorActor(c), 1)
        def last = read(c.websiteId(), c.id(), visitorActor(c), 3)
        def malformed = [
                Events.envelope().setWebsiteId(c.websiteId().toString()).setActor(visitorActor(c)).build(),
                read(c.websiteId(), c.id(), Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_SYSTEM).setId('routing').build(), 2),
                read(c.websiteId(), c.id(), actor(ActorKind.ACTOR_KIND_VISITOR, 'not-a-uuid'), 2),
                Events.build(read(c.websiteId(), c.id(), visitorActor(c), 2).toBuilder().setWebsiteId('nope')),
                Events.build(read(c.websiteId(), c.id(), visitorActor(c), 2).toBuilder()
                        .setReadRequested(ReadRequested.newBuilder().setConversationId(c.id().toString()).setSeq(2)
                                .setReader(agentActor('someone-else')))),
        ]
        def malformedBefore = counter('malformed')

        when: 'they arrive in one partition (one conversation key), with a record that is no envelope at all among them'
        send(first)
        producer { it.send(new ProducerRecord<String, byte[]>(TOPIC, c.id().toString(), 'garbage'.bytes)).get() }
        malformed.each { send(it, c.id().toString()) }
        send(last)

        then:
        processed(last)
        counter('malformed') == malformedBefore + malformed.size()
        readUpTo(c)*.seq == [1L, 3L]
        cursor(c, 'VISITOR', c.visitorId().toString()) == 3

        and: 'only the record that is no envelope was parked, by the inbox, once'
        rows('SELECT count(*) FROM inbox_parked WHERE topic = ? AND event_id IS NULL', TOPIC)[0][0] == 1
    }

    def 'a replayed command is applied once'() {
        given:
        def c = chat()
        def agent = member(c.websiteId(), 'AGENT')
        def command = read(c.websiteId(), c.id(), agentActor(agent), 2)
        def duplicatesBefore = context.getBean(MeterRegistry).counter('zendo.inbox.duplicates').count()
        def appliedBefore = counter('applied')

        when:
        send(command)
        send(command)

        then:
        new PollingConditions(timeout: 30, delay: 0.05).eventually {
            assert context.getBean(MeterRegistry).counter('zendo.inbox.duplicates').count() == duplicatesBefore + 1
        }
        counter('applied') == appliedBefore + 1
        readUpTo(c) == [[kind: ActorKind.ACTOR_KIND_AGENT, id: agent, seq: 2L]]
    }

    /** A waiting conversation of a new website with three messages: the visitor's, an agent's reply, the visitor's. */
    ConversationView chat() {
        def c = conversation()
        visitorSays(c, 'Hi')
        post(c, agentAuthor(agent('Ana')), 'Hello!', MessageKind.TEXT)
        visitorSays(c, 'Thanks')
        c
    }

    /** A new agent who is a member of the website in {@code role}. */
    String member(UUID websiteId, String role) {
        def id = agent('Member')
        execute('INSERT INTO replica_members (website_id, agent_id, role, max_concurrent_chats, accepting_chats) VALUES (?, ?, ?, 5, true)',
                websiteId, id, role)
        id
    }

    /** A limited agent of the conversation's website, while the conversation is given to another agent. */
    String assignedElsewhere(ConversationView c) {
        assignDirectly(c, member(c.websiteId(), 'AGENT'))
        member(c.websiteId(), 'AGENT')
    }

    ConversationView sameSiteVisitor(ConversationView c) {
        conversation(c.websiteId())
    }

    static Actor visitorActor(ConversationView c) {
        actor(ActorKind.ACTOR_KIND_VISITOR, c.visitorId().toString())
    }

    static Actor agentActor(String agentId) {
        actor(ActorKind.ACTOR_KIND_AGENT, agentId)
    }

    /** A ReadRequested as the edge publishes it. */
    static Envelope read(UUID websiteId, UUID conversationId, Actor reader, long seq) {
        Events.build(Events.envelope()
                .setWebsiteId(websiteId.toString())
                .setConversationId(conversationId.toString())
                .setActor(reader)
                .setReadRequested(ReadRequested.newBuilder().setConversationId(conversationId.toString()).setReader(reader).setSeq(seq)))
    }

    void send(Envelope command, String key = command.readRequested.conversationId) {
        producer { it.send(new ProducerRecord<String, byte[]>(TOPIC, key, command.toByteArray())).get() }
    }

    static void producer(Closure work) {
        new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ProducerConfig.ACKS_CONFIG)             : 'all',
        ] as Map<String, Object>, new StringSerializer(), new ByteArraySerializer()).withCloseable(work)
    }

    /** Waits until the inbox has processed {@code command}. */
    void processed(Envelope command) {
        new PollingConditions(timeout: 30, delay: 0.05).eventually {
            assert rows('SELECT count(*) FROM inbox_processed WHERE event_id = ?::uuid', command.eventId)[0][0] == 1
        }
    }

    long cursor(ConversationView c, String kind, String reader) {
        rows('SELECT seq FROM read_cursors WHERE conversation_id = ? AND reader_kind = ? AND reader_id = ?', c.id(), kind, reader)
                .collect { it[0] as long }.find() ?: 0L
    }

    /** The ReadUpTo events of the conversation, in order. */
    List<Map> readUpTo(ConversationView c) {
        events(c.websiteId()).findAll { it.hasReadUpTo() && it.readUpTo.conversationId == c.id().toString() }
                .collect { [kind: it.readUpTo.reader.kind, id: it.readUpTo.reader.id, seq: it.readUpTo.seq] }
    }

    double counter(String outcome) {
        context.getBean(MeterRegistry).counter('zendo.commands', 'command', 'read', 'outcome', outcome).count()
    }
}
