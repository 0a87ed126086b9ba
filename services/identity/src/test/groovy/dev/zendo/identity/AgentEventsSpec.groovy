package dev.zendo.identity

import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TestInfra
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.util.concurrent.PollingConditions

import java.time.Duration

import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_DISABLED
import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_REGISTERED
import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_UPDATED
import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_EMAIL_VERIFICATION_REQUESTED

/**
 * Sign-up, profile change and disabling each publish exactly one lifecycle event on the identity topic (and a new
 * or changed email a verification request); failed requests publish none.
 */
class AgentEventsSpec extends IdentitySpecification {

    @Shared
    @AutoCleanup
    KafkaConsumer<String, byte[]> consumer

    @Shared
    List<ConsumerRecord<String, byte[]>> received = []

    def setupSpec() {
        consumer = new KafkaConsumer<String, byte[]>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ConsumerConfig.GROUP_ID_CONFIG)         : TestInfra.uniqueName('identity-events-spec'),
                (ConsumerConfig.AUTO_OFFSET_RESET_CONFIG): 'earliest',
        ] as Map<String, Object>, new StringDeserializer(), new ByteArrayDeserializer())
        consumer.subscribe([topic])
    }

    def 'signing up publishes agent.registered with the agent, unverified, for services only, caused by the agent'() {
        when:
        def agent = signup().agent

        then:
        def events = eventsOf(agent.id, 2)
        events[1].payloadCase == Envelope.PayloadCase.AGENT_EMAIL_VERIFICATION_REQUESTED
        with(events[0]) {
            type == 'agent.registered'
            eventId ==~ /[0-9a-f-]{36}/
            occurredAt.seconds > 0
            websiteId == ''
            audience == Audience.AUDIENCE_SERVICES
            actor.kind == ActorKind.ACTOR_KIND_AGENT
            actor.id == agent.id
            agentRegistered.agentId == agent.id
            agentRegistered.email == agent.email
            agentRegistered.name == agent.name
            !agentRegistered.emailVerified
        }
    }

    def 'a profile change publishes agent.updated with the whole new profile'() {
        given:
        def session = signup()
        def email = uniqueEmail()

        when:
        send(patch('/v1/agents/me', [name: 'Grace Hopper', email: email, avatar_url: 'https://example.com/g.png']).bearerAuth(session.access_token))

        then:
        def events = eventsOf(session.agent.id, 4)
        events*.payloadCase == [AGENT_REGISTERED, AGENT_EMAIL_VERIFICATION_REQUESTED, AGENT_UPDATED, AGENT_EMAIL_VERIFICATION_REQUESTED]
        with(events[2].agentUpdated) {
            agentId == session.agent.id
            it.email == email
            name == 'Grace Hopper'
            avatarUrl == 'https://example.com/g.png'
            !emailVerified
        }
        events[2].actor.id == session.agent.id
        events[3].agentEmailVerificationRequested.email == email
    }

    def 'disabling the agent publishes agent.disabled'() {
        given:
        def session = signup()

        when:
        send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(session.access_token))

        then:
        def events = eventsOf(session.agent.id, 3)
        events*.payloadCase == [AGENT_REGISTERED, AGENT_EMAIL_VERIFICATION_REQUESTED, AGENT_DISABLED]
        events[2].agentDisabled.agentId == session.agent.id
        events[2].audience == Audience.AUDIENCE_SERVICES
    }

    def 'failed requests, a profile change that changes nothing and a password change publish nothing'() {
        given:
        def taken = signup()
        def session = signup()

        when:
        assert send(post('/v1/auth/signup', [email: taken.agent.email, password: PASSWORD, name: 'Copy'])).status == 409
        assert send(post('/v1/auth/signup', [email: uniqueEmail(), password: 'password123', name: 'Weak'])).status == 400
        assert send(patch('/v1/agents/me', [email: taken.agent.email]).bearerAuth(session.access_token)).status == 409
        assert send(patch('/v1/agents/me', [name: session.agent.name]).bearerAuth(session.access_token)).status == 200
        assert send(delete('/v1/agents/me', [password: 'not-the-password']).bearerAuth(session.access_token)).status == 403
        assert send(post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret'])
                .bearerAuth(session.access_token)).status == 200
        def marker = signup().agent

        then:
        eventsOf(marker.id, 2)
        drain()
        received.findAll { it.key() in [taken.agent.id, session.agent.id] }.collect { Envelope.parseFrom(it.value()).payloadCase }.sort() ==
                [AGENT_REGISTERED, AGENT_REGISTERED, AGENT_EMAIL_VERIFICATION_REQUESTED, AGENT_EMAIL_VERIFICATION_REQUESTED].sort()
    }

    /** The events keyed by {@code agentId}, once there are {@code count} of them; fails if there are more. */
    private List<Envelope> eventsOf(String agentId, int count) {
        new PollingConditions(timeout: 20, delay: 0.1).eventually {
            consumer.poll(Duration.ofMillis(100)).forEach { received << it }
            assert received.count { it.key() == agentId } >= count
        }
        drain()
        def records = received.findAll { it.key() == agentId }
        assert records.size() == count
        records.collect { Envelope.parseFrom(it.value()) }
    }

    /** Reads every partition up to its current end, so nothing published so far is missed. */
    private void drain() {
        def end = consumer.endOffsets(consumer.assignment())
        while (end.any { partition, offset -> consumer.position(partition) < offset }) {
            received.addAll(consumer.poll(Duration.ofMillis(100)))
        }
    }
}
