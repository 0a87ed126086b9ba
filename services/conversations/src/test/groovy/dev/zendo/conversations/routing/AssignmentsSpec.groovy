package dev.zendo.conversations.routing

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.ConversationAssigned
import dev.zendo.events.v1.Envelope
import dev.zendo.platform.http.ApiException
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

/** Supervisors and agents move threads through Assignments, which keeps capacity, the conversation row and events right. */
class AssignmentsSpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers())

    @Shared
    Fixture fixture = new Fixture(context)

    @Shared
    Assignments assignments = context.getBean(Assignments)

    static final Actor SUPERVISOR = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId('supervisor').build()

    def 'assigning a waiting thread makes it active with the agent, on the thread and the conversation, and says so'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "ana-$website")
        def group = fixture.group(website, 'ROUND_ROBIN', [agent], true)
        def thread = fixture.waiting(website, group)

        when:
        assignments.assign(thread, agent, SUPERVISOR, true)

        then:
        with(fixture.thread(thread)) {
            status == 'ACTIVE'
            agent_id == agent
            assigned_at != null
        }
        fixture.conversation(thread) == [status: 'ACTIVE', agent_id: agent, group_id: group]
        def event = assigned(website).last()
        event.actor == SUPERVISOR
        event.conversationId == fixture.conversationOf(thread).toString()
        event.conversationAssigned == ConversationAssigned.newBuilder()
                .setConversationId(fixture.conversationOf(thread).toString()).setThreadId(thread.toString())
                .setAgentId(agent).setGroupId(group.toString()).build()
    }

    def 'a transfer names the previous agent and hands the freed slot to the next waiting thread'() {
        given:
        def website = fixture.website()
        def ana = fixture.member(website, "ana-$website", max: 1)
        def ben = fixture.member(website, "ben-$website", max: 1)
        def group = fixture.group(website, 'ROUND_ROBIN', [ana, ben], true)
        [ana, ben].each { fixture.online(website, it) }
        def first = fixture.waiting(website, group)
        assignments.assign(first, ana, SUPERVISOR, true)
        def next = fixture.waiting(website, group)

        when:
        assignments.assign(first, ben, SUPERVISOR, true)

        then:
        fixture.agentOf(first) == ben
        assigned(website).last().conversationAssigned.previousAgentId == ana
        within(10).eventually {
            assert fixture.agentOf(next) == ana
        }
    }

    def 'a supervisor may go beyond capacity; routing and agents may not'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "ana-$website", max: 1)
        def group = fixture.group(website, 'ROUND_ROBIN', [agent], true)
        def busy = fixture.waiting(website, group)
        assignments.assign(busy, agent, SUPERVISOR, true)
        def extra = fixture.waiting(website, group)

        when:
        assignments.assign(extra, agent, SUPERVISOR, true)

        then:
        def e = thrown(ApiException)
        e.status.code == 409
        e.code() == 'agent_at_capacity'
        fixture.thread(extra).status == 'PENDING'

        when:
        assignments.assign(extra, agent, SUPERVISOR, false)

        then:
        fixture.agentOf(extra) == agent
        fixture.activeByAgent(website)[agent] == 2
    }

    def 'assigning #what is refused with #status'() {
        given:
        def website = fixture.website()
        fixture.member(website, "ana-$website")
        fixture.member(website, "viewer-$website", role: 'VIEWER')
        fixture.member(website, "disabled-$website", disabled: true)
        def group = fixture.group(website, 'ROUND_ROBIN', [], true)
        def thread = fixture.waiting(website, group)
        if (closed) {
            fixture.close(thread)
        }
        def eventsBefore = fixture.events(website).size()

        when:
        assignments.assign(unknownThread ? UUID.randomUUID() : thread, "$agent-$website".toString(), SUPERVISOR, false)

        then:
        def e = thrown(ApiException)
        e.status.code == status
        e.code() == code
        fixture.events(website).size() == eventsBefore
        fixture.thread(thread).agent_id == null

        where:
        what                    | agent      | closed | unknownThread || status | code
        'a closed thread'       | 'ana'      | true   | false         || 409    | 'thread_closed'
        'an unknown thread'     | 'ana'      | false  | true          || 404    | 'not_found'
        'to a viewer'           | 'viewer'   | false  | false         || 400    | 'invalid_request'
        'to a disabled agent'   | 'disabled' | false  | false         || 400    | 'invalid_request'
        'to a non-member'       | 'stranger' | false  | false         || 400    | 'invalid_request'
    }

    def 'sending a thread to a group puts it at the back of that queue and frees its agent'() {
        given:
        def website = fixture.website()
        def ana = fixture.member(website, "ana-$website")
        def sales = fixture.group(website, 'ROUND_ROBIN', [ana], true)
        def billing = fixture.group(website, 'ROUND_ROBIN', ["nobody-$website".toString()])
        def waitingInBilling = fixture.waiting(website, billing)
        def thread = fixture.waiting(website, sales)
        assignments.assign(thread, ana, SUPERVISOR, true)

        when:
        assignments.toGroup(thread, billing, SUPERVISOR)

        then:
        with(fixture.thread(thread)) {
            status == 'PENDING'
            agent_id == null
            group_id == billing
        }
        fixture.conversation(thread) == [status: 'PENDING', agent_id: null, group_id: billing]
        with(assigned(website).last().conversationAssigned) {
            agentId == ''
            previousAgentId == ana
            groupId == billing.toString()
        }
        context.getBean(QueuePositions).of(waitingInBilling).asInt == 1
        context.getBean(QueuePositions).of(thread).asInt == 2
    }

    def 'threads that waited behind one sent to another group move up and learn their place'() {
        given:
        def website = fixture.website()
        def sales = fixture.group(website, 'ROUND_ROBIN', ["nobody-$website".toString()], true)
        def billing = fixture.group(website, 'ROUND_ROBIN', ["nobody-$website".toString()])
        def threads = fixture.waiting(website, sales, 3)

        when:
        assignments.toGroup(threads[0], billing, SUPERVISOR)

        then:
        threads.collect { context.getBean(QueuePositions).of(it).asInt } == [1, 1, 2]
        fixture.events(website)
                .findAll { it.payloadCase == Envelope.PayloadCase.QUEUE_POSITION_CHANGED }
                .collect { [UUID.fromString(it.queuePositionChanged.threadId), it.queuePositionChanged.position] }
                .containsAll([[threads[1], 1], [threads[2], 2]])
    }

    def 'sending a thread to a group of another website is refused'() {
        given:
        def website = fixture.website()
        def other = fixture.website()
        def group = fixture.group(website, 'ROUND_ROBIN', [], true)
        def foreign = fixture.group(other, 'ROUND_ROBIN', [], true)
        def thread = fixture.waiting(website, group)

        when:
        assignments.toGroup(thread, foreign, SUPERVISOR)

        then:
        def e = thrown(ApiException)
        e.status.code == 404
        fixture.thread(thread).group_id == group
    }

    private List<Envelope> assigned(UUID website) {
        fixture.events(website).findAll { it.payloadCase == Envelope.PayloadCase.CONVERSATION_ASSIGNED }
    }
}
