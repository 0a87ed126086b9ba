package dev.zendo.conversations.message

import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.platform.http.ApiException
import io.micronaut.http.HttpStatus

/** Read cursors: each participant's last seen seq, never moving back, and unread counts from them. */
class ReadCursorsSpec extends ModelSpecification {

    ReadCursors getCursors() { context.getBean(ReadCursors) }

    def 'a cursor moves forward only, and announces each move to the conversation'() {
        given:
        def conversation = conversation()
        (1..5).each { visitorSays(conversation, "m$it") }
        def agent = agent('Ana')

        when:
        def moves = [3L, 2L, 3L, 5L, 0L].collect { cursors.markRead(conversation.id(), ReaderKind.AGENT, agent, it) }

        then:
        moves == [new ReadCursor(3, true), new ReadCursor(3, false), new ReadCursor(3, false), new ReadCursor(5, true), new ReadCursor(5, false)]
        cursors.cursor(conversation.id(), ReaderKind.AGENT, agent) == 5
        def reads = events(conversation.websiteId()).findAll { it.hasReadUpTo() }
        reads*.readUpTo*.seq == [3L, 5L]
        reads.every { it.audience == Audience.AUDIENCE_CONVERSATION && it.readUpTo.reader.kind == ActorKind.ACTOR_KIND_AGENT && it.readUpTo.reader.id == agent }
    }

    def 'concurrent marks leave the highest seq'() {
        given:
        def conversation = conversation()
        (1..20).each { visitorSays(conversation, "m$it") }
        def agent = agent('Ana')

        when:
        concurrently(20) { int n -> cursors.markRead(conversation.id(), ReaderKind.AGENT, agent, n + 1L) }

        then:
        cursors.cursor(conversation.id(), ReaderKind.AGENT, agent) == 20
    }

    def 'a seq of #seq is refused with 400 naming seq and nothing changes'() {
        given:
        def conversation = conversation()
        (1..3).each { visitorSays(conversation, "m$it") }
        def before = counts()

        when:
        cursors.markRead(conversation.id(), ReaderKind.VISITOR, conversation.visitorId().toString(), seq)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.startsWith('seq: ')
        counts() == before

        where:
        seq << [-1L, 4L, Long.MAX_VALUE]
    }

    def 'an unknown conversation answers 404'() {
        when:
        cursors.markRead(UUID.randomUUID(), ReaderKind.AGENT, 'a', 0)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.NOT_FOUND
    }

    def 'unread counts: agents count the visitor messages after their cursor, the visitor counts replies and system lines but never notes'() {
        given:
        def conversation = conversation()
        def ana = agent('Ana')
        def visitor = conversation.visitorId().toString()
        visitorSays(conversation, 'v1')                                               // 1
        visitorSays(conversation, 'v2')                                               // 2
        post(conversation, agentAuthor(ana), 'a3')                                    // 3
        post(conversation, agentAuthor(ana), 'n4', MessageKind.NOTE)                  // 4
        messages.system(conversation.websiteId(), conversation.id(), 's5', actor(ActorKind.ACTOR_KIND_SYSTEM, null)) // 5
        visitorSays(conversation, 'v6')                                               // 6

        expect:
        cursors.unread(conversation.id(), ReaderKind.AGENT, ana) == 3
        cursors.unread(conversation.id(), ReaderKind.VISITOR, visitor) == 2

        when:
        cursors.markRead(conversation.id(), ReaderKind.AGENT, ana, 2)
        cursors.markRead(conversation.id(), ReaderKind.VISITOR, visitor, 3)

        then:
        cursors.unread(conversation.id(), ReaderKind.AGENT, ana) == 1
        cursors.unread(conversation.id(), ReaderKind.AGENT, 'another-agent') == 3
        cursors.unread(conversation.id(), ReaderKind.VISITOR, visitor) == 1
    }

    def 'unread counts for an inbox page come in one call, one per conversation'() {
        given:
        def website = website()
        def ana = agent('Ana')
        def quiet = conversation(website)
        def busy = conversation(website)
        def read = conversation(website)
        (1..3).each { visitorSays(busy, "b$it") }
        visitorSays(read, 'r1')
        post(read, agentAuthor(ana), 'reply')
        cursors.markRead(read.id(), ReaderKind.AGENT, ana, 1)

        expect:
        cursors.unreadByAgent(ana, [quiet.id(), busy.id(), read.id()]) == [(quiet.id()): 0L, (busy.id()): 3L, (read.id()): 0L]
        cursors.unreadByAgent('another-agent', [busy.id(), read.id()]) == [(busy.id()): 3L, (read.id()): 1L]
        cursors.unreadByAgent(ana, []) == [:]
    }
}
