package dev.zendo.conversations.agent

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.message.Author
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.MessageKind
import dev.zendo.conversations.message.MessageService
import dev.zendo.conversations.message.PostMessage
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * The inbox lists: which conversations each view and filter holds for supervisors (everything) and agents (the queue and
 * their own), newest activity first, keyset-paginated without loss or repeats, and the counts.
 */
class InboxListSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    ConversationsApi.Agent supervisor = api.member(site, 'SUPERVISOR')

    @Shared
    ConversationsApi.Agent agent = api.member(site, 'AGENT')

    @Shared
    ConversationsApi.Agent other = api.member(site, 'AGENT')

    @Shared
    UUID sales = UUID.randomUUID()

    @Shared
    UUID urgent

    /** The spec's conversations by name. */
    @Shared
    Map<String, UUID> named = [:]

    def setupSpec() {
        api.sql("INSERT INTO replica_groups (group_id, website_id, name, routing, is_default) VALUES (?, ?, 'Sales', 'ROUND_ROBIN', false)", [sales, site.id])
        urgent = api.tagOf(site, 'Urgent')
        ['q1', 'q2', 'mineA', 'otherB', 'partC', 'closedA', 'closedB'].eachWithIndex { name, i ->
            named[name] = api.waitingConversation(site, "Message of $name").id
            api.sql('UPDATE conversations SET last_message_at = ? WHERE id = ?', [Instant.now().minus(i + 1, ChronoUnit.MINUTES), named[name]])
        }
        api.sql('UPDATE conversations SET group_id = ? WHERE id = ?', [sales, named.q2])
        api.sql('INSERT INTO conversation_tags (conversation_id, tag_id, tagged_by, tagged_at) VALUES (?, ?, ?, now())', [named.q1, urgent, supervisor.id])
        api.assignDirectly(named.mineA, agent.id)
        api.assignDirectly(named.otherB, other.id)
        api.assignDirectly(named.partC, other.id)
        api.context.getBean(MessageService).post(new PostMessage(site.id, named.partC, new Author(AuthorKind.AGENT, agent.id, agent.name),
                MessageKind.NOTE, null, 'I looked at this one'))
        api.assignDirectly(named.closedA, agent.id)
        api.closeDirectly(named.closedA)
        api.assignDirectly(named.closedB, other.id)
        api.closeDirectly(named.closedB)
        api.context.getBean(dev.zendo.conversations.conversation.ConversationService).lockOrOpen(site.id, visitorWithoutThread())
    }

    def '#caller sees #expected in view #view filtered by #filter'() {
        given:
        def query = ([view: view] + filter.collectEntries { key, value -> [(key): resolve(value)] })
                .findAll { it.value != null }.collect { "$it.key=$it.value" }.join('&')

        when:
        def page = ConversationsApi.expect(200, api.call('GET', "/v1/inbox/$site.id/conversations?$query", token(caller)))

        then:
        page.items.collect { name(it.id) } == expected
        page.next_cursor == null

        where:
        caller       | view     | filter                 || expected
        'supervisor' | null     | [:]                    || ['q1', 'q2', 'mineA', 'otherB', 'partC']
        'supervisor' | 'open'   | [:]                    || ['q1', 'q2', 'mineA', 'otherB', 'partC']
        'supervisor' | 'queue'  | [:]                    || ['q1', 'q2']
        'supervisor' | 'mine'   | [:]                    || []
        'supervisor' | 'closed' | [:]                    || ['closedA', 'closedB']
        'supervisor' | 'open'   | [group_id: 'sales']    || ['q2']
        'supervisor' | 'open'   | [tag_id: 'urgent']     || ['q1']
        'supervisor' | 'open'   | [agent_id: 'other']    || ['otherB', 'partC']
        'supervisor' | 'closed' | [agent_id: 'agent']    || ['closedA']
        'agent'      | null     | [:]                    || ['q1', 'q2', 'mineA', 'partC']
        'agent'      | 'queue'  | [:]                    || ['q1', 'q2']
        'agent'      | 'mine'   | [:]                    || ['mineA']
        'agent'      | 'closed' | [:]                    || ['closedA']
        'agent'      | 'open'   | [agent_id: 'other']    || ['partC']
        'agent'      | 'open'   | [group_id: 'sales']    || ['q2']
        'agent'      | 'queue'  | [tag_id: 'urgent']     || ['q1']
        'other'      | 'mine'   | [:]                    || ['otherB', 'partC']
        'other'      | 'closed' | [:]                    || ['closedB']
    }

    def 'an item shows the visitor, the preview, the tags and what the caller has not read'() {
        when:
        def item = ConversationsApi.expect(200, api.call('GET', "/v1/inbox/$site.id/conversations?view=queue", supervisor.token))
                .items.find { it.id == named.q1.toString() }

        then:
        item.status == 'pending'
        item.visitor.label.startsWith('Visitor ')
        item.last_message_preview == 'Message of q1'
        item.unread_count == 1
        item.tags == [[id: urgent.toString(), name: 'Urgent', color: '#123456']]
        item.thread_id != null
        item.group_id == site.groupId.toString()
    }

    def 'pages of #limit chain through every conversation once, newest first'() {
        given:
        def all = ConversationsApi.expect(200, api.call('GET', "/v1/inbox/$site.id/conversations?view=open", supervisor.token)).items*.id

        when:
        def seen = []
        def cursor = null
        def pages = 0
        while (pages == 0 || cursor != null) {
            def page = ConversationsApi.expect(200, api.call('GET',
                    "/v1/inbox/$site.id/conversations?view=open&limit=$limit${cursor ? "&cursor=$cursor" : ''}", supervisor.token))
            assert page.items.size() <= limit
            seen += page.items*.id
            cursor = page.next_cursor
            pages++
        }

        then:
        seen == all
        pages == expectedPages

        where:
        limit || expectedPages
        1     || 5
        2     || 3
        4     || 2
        5     || 1
        100   || 1
    }

    def 'conversations with the same latest activity are paged by id, none lost or repeated'() {
        given:
        def tie = api.site()
        def at = Instant.now().minus(1, ChronoUnit.HOURS)
        def ids = (1..7).collect { api.waitingConversation(tie).id }
        ids.each { api.sql('UPDATE conversations SET last_message_at = ? WHERE id = ?', [at, it]) }

        when:
        def seen = []
        def cursor = null
        while (true) {
            def page = ConversationsApi.expect(200, api.call('GET',
                    "/v1/inbox/$tie.id/conversations?view=queue&limit=3${cursor ? "&cursor=$cursor" : ''}", tie.owner.token))
            seen += page.items*.id
            cursor = page.next_cursor
            if (cursor == null) {
                break
            }
        }

        then:
        seen == ids.collect { it.toString() }.sort().reverse()
    }

    def '#caller counts each list as it sees them'() {
        expect:
        ConversationsApi.expect(200, api.call('GET', "/v1/inbox/$site.id/conversations/counts", token(caller))) == counts

        where:
        caller       || counts
        'supervisor' || [mine: 0, queue: 2, open: 5, closed: 2, closed_capped: false]
        'agent'      || [mine: 1, queue: 2, open: 4, closed: 1, closed_capped: false]
        'other'      || [mine: 2, queue: 2, open: 4, closed: 1, closed_capped: false]
    }

    def 'counts take the same filters as the lists'() {
        expect:
        ConversationsApi.expect(200, api.call('GET', "/v1/inbox/$site.id/conversations/counts?group_id=$sales", supervisor.token)) ==
                [mine: 0, queue: 1, open: 1, closed: 0, closed_capped: false]
    }

    private UUID visitorWithoutThread() {
        def id = UUID.randomUUID()
        api.sql('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())',
                [id, site.id, 'Quiet Visitor 1'])
        id
    }

    private String name(String id) {
        named.find { it.value.toString() == id }?.key ?: id
    }

    private Object resolve(Object value) {
        switch (value) {
            case 'sales': return sales
            case 'urgent': return urgent
            case 'agent': return agent.id
            case 'other': return other.id
            default: return value
        }
    }

    private String token(String caller) {
        [supervisor: supervisor, agent: agent, other: other][caller].token
    }
}
