package dev.zendo.conversations.message

import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.thread.ThreadQueued
import dev.zendo.conversations.thread.ThreadStatus
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.platform.http.ApiException
import groovy.json.JsonSlurperClassic
import io.micronaut.context.annotation.Requires
import io.micronaut.serde.ObjectMapper
import io.micronaut.http.HttpStatus
import io.micronaut.runtime.event.annotation.EventListener
import jakarta.inject.Singleton

import java.util.concurrent.CopyOnWriteArrayList

/** Posting messages: seq under the conversation's lock, idempotent retries, sanitised bodies, notes for agents only. */
class MessageServiceSpec extends ModelSpecification {

    def 'a visitor message gets the next seq and is announced to the visitor and the agents'() {
        given:
        def conversation = conversation()

        when:
        def first = visitorSays(conversation, 'Hello')
        def second = visitorSays(conversation, 'Anyone there?')

        then:
        first.created() && second.created()
        first.message().seq() == 1
        second.message().seq() == 2
        second.message().threadId() == first.message().threadId()
        second.message().author() == visitorOf(conversation)
        second.message().kind() == MessageKind.TEXT

        and:
        def stored = conversations.find(conversation.websiteId(), conversation.id()).get()
        stored.lastSeq() == 2
        stored.lastMessagePreview() == 'Anyone there?'
        stored.lastMessageAt() == second.message().createdAt()

        and:
        def created = events(conversation.websiteId()).findAll { it.hasMessageCreated() }
        created*.audience == [Audience.AUDIENCE_CONVERSATION] * 2
        created*.messageCreated*.seq == [1L, 2L]
        created[1].messageCreated.body == 'Anyone there?'
        created[1].messageCreated.authorName == 'Brave Otter 42'
        created[1].messageCreated.threadId == first.message().threadId().toString()
        created[1].conversationId == conversation.id().toString()
        created[1].actor.kind == ActorKind.ACTOR_KIND_VISITOR
    }

    def 'the first visitor message opens a pending thread in the website default group and tells routing'() {
        given:
        def group = UUID.randomUUID()
        def conversation = conversation(website(group))
        context.getBean(QueuedThreads).received.clear()

        when:
        def posted = visitorSays(conversation, 'I need help with my order')

        then:
        def stored = conversations.find(conversation.websiteId(), conversation.id()).get()
        stored.currentThreadId() == posted.message().threadId()
        stored.status() == ThreadStatus.PENDING
        stored.groupId() == group

        and:
        def opened = events(conversation.websiteId()).find { it.hasConversationOpened() }
        opened.audience == Audience.AUDIENCE_CONVERSATION
        opened.conversationOpened.threadId == posted.message().threadId().toString()
        opened.conversationOpened.groupId == group.toString()
        opened.conversationOpened.subject == 'I need help with my order'

        and:
        context.getBean(QueuedThreads).received == [new ThreadQueued(conversation.websiteId(), conversation.id(), posted.message().threadId(), group)]
    }

    def 'a retried send with the same client_msg_id stores one message'() {
        given:
        def conversation = conversation()

        when:
        def first = post(conversation, visitorOf(conversation), 'Hi', MessageKind.TEXT, 'c-1')
        def retry = post(conversation, visitorOf(conversation), 'Hi', MessageKind.TEXT, 'c-1')

        then:
        first.created()
        !retry.created()
        retry.message() == first.message()
        rows('SELECT count(*) FROM messages WHERE conversation_id = ?', conversation.id()).first()[0] == 1
        events(conversation.websiteId()).count { it.hasMessageCreated() } == 1
    }

    def 'concurrent retries of one client_msg_id store one message and every caller gets it'() {
        given:
        def conversation = conversation()
        visitorSays(conversation, 'the thread is open')

        when:
        def results = concurrently(10) { post(conversation, visitorOf(conversation), 'Same message', MessageKind.TEXT, 'retry-1') }

        then:
        results.every { it instanceof Posted }
        results.count { it.created() } == 1
        results*.message().unique().size() == 1
        rows("SELECT count(*) FROM messages WHERE conversation_id = ? AND client_msg_id = 'retry-1'", conversation.id()).first()[0] == 1
        events(conversation.websiteId()).count { it.hasMessageCreated() && it.messageCreated.clientMsgId == 'retry-1' } == 1
    }

    def 'concurrent first messages with one client_msg_id open one thread and store one message'() {
        given:
        def conversation = conversation()

        when:
        def results = concurrently(10) { visitor -> post(conversation, visitorOf(conversation), 'First!', MessageKind.TEXT, 'first') }

        then:
        results.every { it instanceof Posted }
        results.count { it.created() } == 1
        rows('SELECT count(*) FROM threads WHERE conversation_id = ?', conversation.id()).first()[0] == 1
        rows('SELECT count(*) FROM messages WHERE conversation_id = ?', conversation.id()).first()[0] == 1
    }

    def 'seq stays strictly increasing with no gaps under 20 concurrent senders'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        visitorSays(conversation, 'opening the thread')

        when:
        def results = concurrently(20) { int sender ->
            (1..15).collect { n ->
                def author = sender % 2 == 0 ? visitorOf(conversation) : agentAuthor(agent)
                def kind = sender % 4 == 1 ? MessageKind.NOTE : MessageKind.TEXT
                post(conversation, author, "sender $sender message $n", kind, "s$sender-$n").message().seq()
            }
        }

        then:
        results.every { it instanceof List }
        def seqs = rows('SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq', conversation.id()).collect { it[0] as long }
        seqs == (1L..301L).toList()
        results.every { List<Long> mine -> mine == mine.toSorted() && mine.toUnique().size() == mine.size() }
        conversations.find(conversation.websiteId(), conversation.id()).get().lastSeq() == 301

        and: 'the events of the conversation carry every seq once, in outbox order'
        events(conversation.websiteId()).findAll { it.hasMessageCreated() }*.messageCreated*.seq == (1L..301L).toList()
    }

    def 'a client_msg_id used again for #what answers 409 client_msg_id_conflict'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        visitorSays(conversation)
        post(conversation, agentAuthor(agent), 'Original', MessageKind.TEXT, 'dup')

        when:
        post(conversation, author.call(conversation, agent), body, kind, 'dup')

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.CONFLICT
        e.code() == 'client_msg_id_conflict'

        where:
        what               | author                                    | kind             | body
        'another author'   | { c, a -> visitorOf(c) }                  | MessageKind.TEXT | 'Original'
        'another agent'    | { c, a -> agentAuthor('someone-else') }   | MessageKind.TEXT | 'Original'
        'another body'     | { c, a -> agentAuthor(a) }                | MessageKind.TEXT | 'Changed'
        'another kind'     | { c, a -> agentAuthor(a) }                | MessageKind.NOTE | 'Original'
    }

    def 'a body is stored as plain text without control characters (#what)'() {
        given:
        def conversation = conversation()

        expect:
        visitorSays(conversation, body).message().body() == stored
        rows('SELECT body FROM messages WHERE conversation_id = ?', conversation.id()).first()[0] == stored

        where:
        what                        | body                                  || stored
        'controls stripped'         | 'a\u0000b\u0007c\u001Bd\u007Fe\u0085' || 'abcde'
        'tab and newline kept'      | 'line 1\n\tline 2'                    || 'line 1\n\tline 2'
        'CRLF becomes a newline'    | 'one\r\ntwo\rthree'                   || 'one\ntwo\nthree'
        'emoji kept'                | 'ok 👍🏽 👩‍👩‍👧'                              || 'ok 👍🏽 👩‍👩‍👧'
        'right-to-left text kept'   | '\u200Fשלום عليكم'                     || '\u200Fשלום عليكم'
        'lone surrogates stripped'  | 'a\uD800b\uDC00c'                     || 'abc'
        'byte order mark stripped'  | '\uFEFFhello'                         || 'hello'
        'non-characters stripped'   | 'a\uFFFEb\uFDD0c'                     || 'abc'
        'markup stays text'         | '<b>bold</b> & <script>x</script>'   || '<b>bold</b> & <script>x</script>'
        '10,000 characters'         | 'x' * 10_000                          || 'x' * 10_000
        '10,000 emoji'              | '😀' * 10_000                          || '😀' * 10_000
    }

    def 'a body that is #what is refused with 400 naming body, and nothing changes'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        def before = counts()

        when:
        visitorSays(conversation, body)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.startsWith('body: ')
        counts() == before

        where:
        what                      | body
        'longer than 10,000'      | 'x' * 10_001
        '10,001 emoji'            | '😀' * 10_001
        'empty'                   | ''
        'missing'                 | null
        'only whitespace'         | ' \n\t '
        'only control characters' | '\u0000\u0001\u001F'
    }

    def 'a client_msg_id that is #what is refused with 400 naming client_msg_id, and nothing changes'() {
        given:
        def conversation = conversation()
        visitorSays(conversation)
        def before = counts()

        when:
        post(conversation, visitorOf(conversation), 'Hi', MessageKind.TEXT, clientMsgId)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.startsWith('client_msg_id: ')
        counts() == before

        where:
        what                   | clientMsgId
        'empty'                | ''
        'blank'                | '   '
        'longer than 128'      | 'c' * 129
        'with a control'       | 'c\u0000'
    }

    def 'a message to #what is refused with 404, and nothing changes'() {
        given:
        def conversation = conversation()
        def other = this.conversation()
        visitorSays(conversation)
        def before = counts()

        when:
        messages.post(new PostMessage(websiteOf.call(conversation, other), idOf.call(conversation, other), authorOf.call(conversation, other),
                MessageKind.TEXT, null, 'Hi'))

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.NOT_FOUND
        counts() == before

        where:
        what                                        | websiteOf                | idOf                       | authorOf
        'another website\'s conversation'           | { c, o -> o.websiteId() } | { c, o -> c.id() }         | { c, o -> agentAuthor('a') }
        'an unknown conversation'                   | { c, o -> c.websiteId() } | { c, o -> UUID.randomUUID() } | { c, o -> agentAuthor('a') }
        'another visitor\'s conversation'           | { c, o -> c.websiteId() } | { c, o -> c.id() }         | { c, o -> visitorOf(o) }
    }

    def 'an agent text on #state answers 409 #code and stores nothing, while a note is accepted on a closed thread'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        setup.call(this, conversation)
        def before = counts()

        when:
        post(conversation, agentAuthor(agent), 'Hello?')

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.CONFLICT
        e.code() == code
        counts() == before

        where:
        state                 | setup                                                                       || code
        'no thread yet'       | { spec, c -> }                                                              || 'no_thread'
        'a closed thread'     | { spec, c -> spec.visitorSays(c); spec.closeThread(c) }                     || 'thread_closed'
    }

    def 'an agent note on a closed thread is stored in that thread'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        def thread = visitorSays(conversation).message().threadId()
        closeThread(conversation)

        when:
        def note = post(conversation, agentAuthor(agent), 'Follow up tomorrow', MessageKind.NOTE)

        then:
        note.created()
        note.message().threadId() == thread
    }

    def 'notes never appear in a visitor-audience event'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        visitorSays(conversation, 'Hello')
        post(conversation, agentAuthor(agent), 'Hi, how can I help?')
        post(conversation, agentAuthor(agent), 'SECRET-NOTE-1: VIP customer', MessageKind.NOTE)
        concurrently(5) { n -> post(conversation, agentAuthor(agent), "SECRET-NOTE-${n + 2}".toString(), MessageKind.NOTE) }
        closeThread(conversation)
        post(conversation, agentAuthor(agent), 'SECRET-NOTE-7 after closing', MessageKind.NOTE)

        when:
        def all = events(conversation.websiteId())

        then:
        def notes = all.findAll { it.hasMessageCreated() && it.messageCreated.kind == dev.zendo.events.v1.MessageKind.MESSAGE_KIND_NOTE }
        notes.size() == 7
        notes.every { it.audience == Audience.AUDIENCE_AGENTS }
        all.findAll { it.audience != Audience.AUDIENCE_AGENTS }.every { Envelope visible -> !visible.toString().contains('SECRET-NOTE') }

        and: 'the conversation preview, which lists show, never holds a note'
        !conversations.find(conversation.websiteId(), conversation.id()).get().lastMessagePreview().contains('SECRET')
    }

    def 'a system message is stored in the current thread and announced with its cause'() {
        given:
        def conversation = conversation()
        def agent = agent('Ana')
        def thread = visitorSays(conversation).message().threadId()

        when:
        def message = messages.system(conversation.websiteId(), conversation.id(), 'Ana joined', actor(ActorKind.ACTOR_KIND_AGENT, agent))

        then:
        message.kind() == MessageKind.SYSTEM
        message.author().kind() == AuthorKind.SYSTEM
        message.threadId() == thread
        message.seq() == 2
        def event = events(conversation.websiteId()).findAll { it.hasMessageCreated() }.last()
        event.audience == Audience.AUDIENCE_CONVERSATION
        event.messageCreated.kind == dev.zendo.events.v1.MessageKind.MESSAGE_KIND_SYSTEM
        event.actor.id == agent
        conversations.find(conversation.websiteId(), conversation.id()).get().lastMessagePreview() == 'Hello'
    }

    def 'a message is written in API bodies in snake_case with lower-case kinds'() {
        given:
        def conversation = conversation()
        def message = post(conversation, visitorOf(conversation), 'Hi', MessageKind.TEXT, 'c-9').message()

        when:
        def json = new JsonSlurperClassic().parseText(context.getBean(ObjectMapper).writeValueAsString(message)) as Map

        then:
        json.keySet() == ['id', 'conversation_id', 'thread_id', 'seq', 'client_msg_id', 'author', 'kind', 'body', 'created_at'] as Set
        json.author == [kind: 'visitor', id: conversation.visitorId().toString(), name: 'Brave Otter 42']
        json.kind == 'text'
        json.seq == 1
        json.client_msg_id == 'c-9'
    }

    void closeThread(conversation) {
        execute("UPDATE threads SET status = 'CLOSED', closed_at = now() WHERE conversation_id = ?", conversation.id())
        execute("UPDATE conversations SET status = 'CLOSED' WHERE id = ?", conversation.id())
    }

    /** Collects the ThreadQueued signals published in this spec's context. */
    @Singleton
    @Requires(property = 'spec.name', value = 'MessageServiceSpec')
    static class QueuedThreads {
        final List<ThreadQueued> received = new CopyOnWriteArrayList<>()

        @EventListener
        void on(ThreadQueued queued) {
            received << queued
        }
    }
}
