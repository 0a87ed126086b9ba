package dev.zendo.conversations.message

import dev.zendo.conversations.conversation.ConversationView
import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.platform.http.ApiException
import io.micronaut.http.HttpStatus
import spock.lang.Shared

/** Reading a conversation's messages by seq, a page at a time, with notes for agents only. */
class HistorySpec extends ModelSpecification {

    /** Seqs 1 to 12: text, with notes at 4, 8 and 12. */
    @Shared
    ConversationView conversation

    History getHistory() { context.getBean(History) }

    def setupSpec() {
        conversation = conversation()
        def agent = agent('Ana')
        (1..12).each { n ->
            if (n % 4 == 0) {
                post(conversation, agentAuthor(agent), "note $n", MessageKind.NOTE)
            } else {
                visitorSays(conversation, "text $n")
            }
        }
    }

    def 'an agent reads #before / #after / #limit as seqs #seqs with has_more #hasMore'() {
        expect:
        def page = history.page(conversation.id(), before, after, limit, true)
        page.messages()*.seq() == seqs
        page.hasMore() == hasMore

        where:
        before | after | limit || seqs                           | hasMore
        null   | null  | null  || (1L..12L).toList()             | false
        null   | null  | 5     || [8L, 9L, 10L, 11L, 12L]        | true
        8      | null  | 5     || [3L, 4L, 5L, 6L, 7L]           | true
        6      | null  | 5     || [1L, 2L, 3L, 4L, 5L]           | false
        1      | null  | 5     || []                             | false
        null   | 0     | 5     || [1L, 2L, 3L, 4L, 5L]           | true
        null   | 7     | 5     || [8L, 9L, 10L, 11L, 12L]        | false
        null   | 12    | 5     || []                             | false
        null   | 100   | 5     || []                             | false
        10     | 2     | 5     || [3L, 4L, 5L, 6L, 7L]           | true
        10     | 4     | 5     || [5L, 6L, 7L, 8L, 9L]           | false
        null   | null  | 12    || (1L..12L).toList()             | false
        null   | null  | 11    || (2L..12L).toList()             | true
        null   | null  | 200   || (1L..12L).toList()             | false
        null   | null  | 1     || [12L]                          | true
    }

    def 'a visitor never gets notes: #before / #after / #limit is seqs #seqs'() {
        expect:
        def page = history.page(conversation.id(), before, after, limit, false)
        page.messages()*.seq() == seqs
        page.messages().every { it.kind() != MessageKind.NOTE }
        page.hasMore() == hasMore

        where:
        before | after | limit || seqs                            | hasMore
        null   | null  | null  || [1L, 2L, 3L, 5L, 6L, 7L, 9L, 10L, 11L] | false
        null   | null  | 3     || [9L, 10L, 11L]                  | true
        9      | null  | 3     || [5L, 6L, 7L]                    | true
        null   | 3     | 3     || [5L, 6L, 7L]                    | true
        null   | 10    | 3     || [11L]                           | false
    }

    def 'pages read back with before cover every message once'() {
        when:
        def seen = []
        Long before = null
        def page
        while ((page = history.page(conversation.id(), before, null, 5, true)).messages()) {
            seen.addAll(0, page.messages()*.seq())
            before = page.messages().first().seq()
            if (!page.hasMore()) {
                break
            }
        }

        then:
        seen == (1L..12L).toList()
    }

    def 'a page asked with #field #value is refused with 400 naming #field'() {
        when:
        history.page(conversation.id(), before, after, limit, true)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.startsWith("$field: ")

        where:
        field    | before | after | limit
        'limit'  | null   | null  | 0
        'limit'  | null   | null  | -1
        'limit'  | null   | null  | 201
        'before' | 0      | null  | 10
        'before' | -5     | null  | 10
        'after'  | null   | -1    | 10
        value = [limit: limit, before: before, after: after][field]
    }

    def 'another conversation reads none of these messages'() {
        expect:
        history.page(conversation().id(), null, null, null, true).messages().isEmpty()
    }
}
