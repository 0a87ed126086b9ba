package dev.zendo.conversations.thread

import dev.zendo.conversations.conversation.ConversationView
import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.History
import dev.zendo.conversations.message.MessageKind
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.platform.http.ApiException
import io.micronaut.context.annotation.Requires
import io.micronaut.http.HttpStatus
import io.micronaut.runtime.event.annotation.EventListener
import jakarta.inject.Singleton

import java.util.concurrent.CopyOnWriteArrayList

/** A conversation's threads: one support session after another, closed, resolved, reopened and rated. */
class ThreadServiceSpec extends ModelSpecification {

    ThreadService getThreads() { context.getBean(ThreadService) }

    Signals getSignals() { context.getBean(Signals) }

    def setup() {
        signals.received.clear()
    }

    /** A conversation whose first thread {@code agentId} has (ACTIVE), as routing would leave it. */
    ConversationView activeWith(String agentId) {
        def conversation = conversation()
        visitorSays(conversation)
        assignDirectly(conversation, agentId)
        conversation
    }

    ConversationView reread(ConversationView conversation) {
        conversations.find(conversation.websiteId(), conversation.id()).get()
    }

    def 'closing by #by records who, why and when, announces it, writes a system line and frees the agent slot'() {
        given:
        def agent = agent('Ana')
        def conversation = activeWith(agent)
        def closer = by == 'agent' ? actor(ActorKind.ACTOR_KIND_AGENT, agent) : actor(ActorKind.ACTOR_KIND_VISITOR, conversation.visitorId().toString())

        when:
        def thread = threads.close(conversation.id(), closer, resolved, 'done')

        then:
        thread.status() == status
        thread.closedAt() != null
        thread.closedByKind() == AuthorKind.of(closer.kind)
        thread.closedById() == closer.id
        thread.closeReason() == 'done'
        reread(conversation).status() == status
        reread(conversation).agentId() == agent

        and:
        def closed = events(conversation.websiteId()).find { it.hasConversationClosed() }
        closed.audience == Audience.AUDIENCE_CONVERSATION
        closed.conversationClosed.resolved == resolved
        closed.conversationClosed.threadId == thread.id().toString()
        closed.conversationClosed.closedBy == closer
        def line = events(conversation.websiteId()).findAll { it.hasMessageCreated() }.last().messageCreated
        line.kind == dev.zendo.events.v1.MessageKind.MESSAGE_KIND_SYSTEM
        line.body == systemLine

        and:
        signals.received.findAll { it instanceof SlotFreed } == [new SlotFreed(conversation.websiteId(), agent)]

        where:
        by        | resolved || status               | systemLine
        'agent'   | true     || ThreadStatus.RESOLVED | 'Resolved by Ana'
        'agent'   | false    || ThreadStatus.CLOSED   | 'Closed by Ana'
        'visitor' | false    || ThreadStatus.CLOSED   | 'Closed by Brave Otter 42'
    }

    def 'closing a pending thread frees no slot'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        signals.received.clear()

        when:
        threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), false, null)

        then:
        reread(conversation).status() == ThreadStatus.CLOSED
        signals.received.isEmpty()
        messages.system(conversation.websiteId(), conversation.id(), 'probe', actor(ActorKind.ACTOR_KIND_SYSTEM, null)).seq() == 3
        rows("SELECT body FROM messages WHERE conversation_id = ? AND seq = 2", conversation.id()).first()[0] == 'Closed'
    }

    def '#action when #state answers 409 #code and changes nothing'() {
        given:
        def conversation = conversation()
        setup.call(this, conversation)
        def before = counts()

        when:
        call.call(threads, conversation)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.CONFLICT
        e.code() == code
        counts() == before

        where:
        action    | state                    | setup                                                          | call                                                                     || code
        'close'   | 'there is no thread'     | { s, c -> }                                                    | { t, c -> t.close(c.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), false, null) } || 'no_thread'
        'close'   | 'it is already closed'   | { s, c -> s.visitorSays(c); s.closeBySystem(c) }              | { t, c -> t.close(c.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), true, null) }  || 'thread_closed'
        'reopen'  | 'there is no thread'     | { s, c -> }                                                    | { t, c -> t.reopen(c.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null)) }            || 'no_thread'
        'reopen'  | 'it is pending'          | { s, c -> s.visitorSays(c) }                                   | { t, c -> t.reopen(c.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null)) }            || 'thread_open'
        'rate'    | 'it is pending'          | { s, c -> s.visitorSays(c) }                                   | { t, c -> t.rate(c.id(), t.current(c.id()).get().id(), 5, null) }                 || 'thread_open'
        'rate'    | 'it was rated otherwise' | { s, c -> s.visitorSays(c); s.closeBySystem(c); s.threads.rate(c.id(), s.threads.current(c.id()).get().id(), 4, null) } | { t, c -> t.rate(c.id(), t.current(c.id()).get().id(), 5, null) } || 'already_rated'
    }

    def 'a visitor message after a close opens a new thread in the same conversation, and history stays whole'() {
        given:
        def conversation = conversation()
        def first = visitorSays(conversation, 'first session').message().threadId()
        closeBySystem(conversation)
        signals.received.clear()

        when:
        def posted = visitorSays(conversation, 'second session')

        then:
        posted.message().threadId() != first
        posted.message().conversationId() == conversation.id()
        threads.current(conversation.id()).get().id() == posted.message().threadId()
        threads.current(conversation.id()).get().status() == ThreadStatus.PENDING
        threads.all(conversation.id())*.id() == [posted.message().threadId(), first]
        reread(conversation).status() == ThreadStatus.PENDING
        reread(conversation).currentThreadId() == posted.message().threadId()

        and:
        context.getBean(History).page(conversation.id(), null, null, null, false).messages()*.body() ==
                ['first session', 'Closed', 'second session']
        events(conversation.websiteId()).count { it.hasConversationOpened() } == 2
        signals.received.findAll { it instanceof ThreadQueued }*.threadId == [posted.message().threadId()]
    }

    def 'reopened by an agent, a thread is active with that agent; by anyone else it waits in the queue (#by)'() {
        given:
        def agent = agent('Ana')
        def conversation = activeWith('someone')
        def thread = threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_AGENT, 'someone'), true, 'solved')
        signals.received.clear()
        def reopener = by == 'agent' ? actor(ActorKind.ACTOR_KIND_AGENT, agent) : actor(ActorKind.ACTOR_KIND_VISITOR, conversation.visitorId().toString())

        when:
        def reopened = threads.reopen(conversation.id(), reopener)

        then:
        reopened.id() == thread.id()
        reopened.status() == status
        reopened.agentId() == (by == 'agent' ? agent : null)
        reopened.closedAt() == null && reopened.closeReason() == null
        reread(conversation).status() == status
        reread(conversation).agentId() == reopened.agentId()

        and:
        def event = events(conversation.websiteId()).find { it.hasConversationReopened() }
        event.audience == Audience.AUDIENCE_CONVERSATION
        event.conversationReopened.reopenedBy == reopener
        events(conversation.websiteId()).findAll { it.hasMessageCreated() }.last().messageCreated.body == line
        signals.received == (by == 'agent' ? [] : [new ThreadQueued(conversation.websiteId(), conversation.id(), thread.id(), null)])

        where:
        by        || status               | line
        'agent'   || ThreadStatus.ACTIVE  | 'Reopened by Ana'
        'visitor' || ThreadStatus.PENDING | 'Reopened by Brave Otter 42'
    }

    def 'the visitor rates an ended thread once; the same rating again changes nothing'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        def thread = threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), true, null)

        when:
        def rated = threads.rate(conversation.id(), thread.id(), 5, 'Great help\u0000!')
        def again = threads.rate(conversation.id(), thread.id(), 5, 'Great help!')

        then:
        rated.rating() == 5
        rated.ratingComment() == 'Great help!'
        rated.ratedAt() != null
        again == rated
        def ratings = events(conversation.websiteId()).findAll { it.hasThreadRated() }
        ratings.size() == 1
        ratings[0].threadRated.rating == 5
        ratings[0].threadRated.comment == 'Great help!'
        ratings[0].actor.kind == ActorKind.ACTOR_KIND_VISITOR
        events(conversation.websiteId()).findAll { it.hasMessageCreated() }*.messageCreated*.body.count('Rated 5') == 1
    }

    def 'a rating of #rating with a comment of #length characters is refused naming #field'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        def thread = threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), true, null)
        def before = counts()

        when:
        threads.rate(conversation.id(), thread.id(), rating, 'c' * length)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.startsWith("$field: ")
        counts() == before

        where:
        rating | length || field
        0      | 10     || 'rating'
        6      | 10     || 'rating'
        -1     | 10     || 'rating'
        3      | 1_001  || 'comment'
    }

    def 'a thread of another conversation cannot be rated'() {
        given:
        def conversation = conversation()
        def other = this.conversation()
        visitorSays(other)
        def thread = threads.close(other.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), true, null)

        when:
        threads.rate(conversation.id(), thread.id(), 5, null)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.NOT_FOUND
    }

    def 'a close reason longer than 500 characters is refused naming reason'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)

        when:
        threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), false, 'r' * 501)

        then:
        def e = thrown(ApiException)
        e.message.startsWith('reason: ')
        reread(conversation).status() == ThreadStatus.PENDING
    }

    def 'concurrent closes of one thread close it once'() {
        given:
        def agent = agent('Ana')
        def conversation = activeWith(agent)

        when:
        def results = concurrently(8) { threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_AGENT, agent), true, null) }

        then:
        results.count { it instanceof ThreadView } == 1
        results.findAll { !(it instanceof ThreadView) }.every { it instanceof ApiException && it.code() == 'thread_closed' }
        events(conversation.websiteId()).count { it.hasConversationClosed() } == 1
        signals.received.count { it instanceof SlotFreed } == 1
    }

    def 'a visitor message racing a close lands before the close in the old thread, or after it in a new thread'() {
        given:
        def agent = agent('Ana')
        def conversation = activeWith(agent)
        def first = threads.current(conversation.id()).get().id()

        when:
        def results = concurrently(2) { int i ->
            i == 0 ? threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_AGENT, agent), true, null) : visitorSays(conversation, 'racing')
        }

        then:
        results.every { it instanceof ThreadView || it instanceof dev.zendo.conversations.message.Posted }
        def racing = rows("SELECT thread_id, seq FROM messages WHERE conversation_id = ? AND body = 'racing'", conversation.id()).first()
        def closedAt = rows("SELECT seq FROM messages WHERE conversation_id = ? AND body = 'Resolved by Ana'", conversation.id()).first()[0] as long
        racing[0] == first ? (racing[1] as long) < closedAt
                : (racing[1] as long) > closedAt && threads.current(conversation.id()).get().id() == racing[0] &&
                threads.current(conversation.id()).get().status() == ThreadStatus.PENDING
    }

    def 'a note written while the thread is closed stays in history for agents only'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        closeBySystem(conversation)
        post(conversation, agentAuthor(agent('Ana')), 'internal', MessageKind.NOTE)

        expect:
        context.getBean(History).page(conversation.id(), null, null, null, true).messages()*.body() == ['Hello', 'Closed', 'internal']
        context.getBean(History).page(conversation.id(), null, null, null, false).messages()*.body() == ['Hello', 'Closed']
    }

    void closeBySystem(ConversationView conversation) {
        threads.close(conversation.id(), actor(ActorKind.ACTOR_KIND_SYSTEM, null), false, null)
    }

    /** Collects the in-process signals for routing published in this spec's context. */
    @Singleton
    @Requires(property = 'spec.name', value = 'ThreadServiceSpec')
    static class Signals {
        final List<Object> received = new CopyOnWriteArrayList<>()

        @EventListener
        void on(ThreadQueued queued) {
            received << queued
        }

        @EventListener
        void on(SlotFreed freed) {
            received << freed
        }
    }
}
