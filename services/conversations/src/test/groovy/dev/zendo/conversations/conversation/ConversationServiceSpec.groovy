package dev.zendo.conversations.conversation

import dev.zendo.conversations.thread.ThreadStatus
import dev.zendo.platform.http.ApiException
import io.micronaut.http.HttpStatus

/** Conversations: one per visitor per website, found only within their website. */
class ConversationServiceSpec extends ModelSpecification {

    def 'a visitor gets one conversation with a website, also when asked for it concurrently'() {
        given:
        def website = website()
        def visitor = visitor(website)

        when:
        def results = concurrently(10) { conversations.lockOrOpen(website, visitor) }

        then:
        results.every { it instanceof LockedConversation }
        results*.id().unique().size() == 1
        rows('SELECT count(*) FROM conversations WHERE visitor_id = ?', visitor).first()[0] == 1

        and: 'before its first message it has no thread and shows as closed'
        with(conversations.ofVisitor(website, visitor).orElseThrow()) {
            id() == results.first().id()
            websiteId() == website
            visitorId() == visitor
            lastSeq() == 0
            currentThreadId() == null
            status() == ThreadStatus.CLOSED
            lastMessagePreview() == null
        }
        events(website).isEmpty()
    }

    def 'a conversation is found only within its website'() {
        given:
        def conversation = conversation()

        expect:
        conversations.find(conversation.websiteId(), conversation.id()).get() == conversation
        conversations.find(website(), conversation.id()).isEmpty()
        conversations.find(conversation.websiteId(), UUID.randomUUID()).isEmpty()
        conversations.ofVisitor(conversation.websiteId(), conversation.visitorId()).get() == conversation
        conversations.ofVisitor(website(), conversation.visitorId()).isEmpty()
    }

    def 'a visitor #who gets no conversation: 404'() {
        given:
        def website = website()
        def stranger = strangerOf.call(this)
        def before = counts()

        when:
        conversations.lockOrOpen(website, stranger)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.NOT_FOUND
        counts() == before

        where:
        who                     | strangerOf
        'of another website'    | { ModelSpecification s -> s.visitor(s.website()) }
        'nobody knows'          | { ModelSpecification s -> UUID.randomUUID() }
    }
}
