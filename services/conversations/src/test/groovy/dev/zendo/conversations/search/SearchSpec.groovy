package dev.zendo.conversations.search

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.WorkspaceSeed
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

import static dev.zendo.conversations.ConversationsApi.expect

/** Full-text search over a website's messages and visitors: ranked, paginated, limited to what the searcher may list. */
class SearchSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    WorkspaceSeed seed = new WorkspaceSeed(api)

    ConversationsApi.Site site = api.site()

    def 'hits come best first: a message saying the words often outranks one saying them once'() {
        given:
        def conversation = seed.conversation(site, seed.visitor(site))
        def once = seed.message(conversation, 'my parcel arrived late')
        def often = seed.message(conversation, 'parcel parcel where is my parcel')

        when:
        def items = search('parcel').items

        then:
        items*.message*.id == [often.toString(), once.toString()]
        items[0].rank > items[1].rank
        items.every { it.type == 'message' && it.conversation_id == conversation.id.toString() }
    }

    def 'a message of years ago is found, with a plain-text snippet and the offsets of the match'() {
        given:
        def conversation = seed.conversation(site, seed.visitor(site))
        seed.message(conversation, 'Is the <b>refund</b> policy & the warranty the same?', 'TEXT', Instant.now().minus(3650, ChronoUnit.DAYS))

        when:
        def hit = search('warranty').items[0]

        then:
        hit.message.snippet == 'Is the <b>refund</b> policy & the warranty the same?'
        def start = hit.message.snippet.indexOf('warranty')
        hit.message.highlights == [[start: start, end: start + 8]]
        hit.message.kind == 'text'
        hit.message.author_kind == 'visitor'
    }

    def 'visitors are found by name, email and label, and notes by agents'() {
        given:
        def visitor = seed.visitor(site, [name: 'Zoltan Quibble', email: 'zq@example.org', label: 'Amber Narwhal 7'])
        def conversation = seed.conversation(site, visitor)
        def note = seed.message(conversation, 'vip customer, handle with xylophone care', 'NOTE')

        expect:
        search(query).items.collect { it.type } == [type]
        search(query).items[0].visitor.id == visitor.toString()

        and:
        search('xylophone').items[0].message.id == note.toString()
        search('xylophone').items[0].message.kind == 'note'

        where:
        query            || type
        'zoltan'         || 'visitor'
        'zq@example.org' || 'visitor'
        'narwhal'        || 'visitor'
    }

    def 'pages follow each other through the cursor without repeating or skipping a hit'() {
        given:
        def conversation = seed.conversation(site, seed.visitor(site))
        def ids = (1..25).collect { seed.message(conversation, ('ticket ' * (it % 4 + 1)) + "number $it").toString() }

        when:
        def seen = []
        def cursor = null
        def pages = 0
        while (true) {
            def page = search('ticket', site.owner, cursor, 7)
            seen.addAll(page.items*.message*.id)
            pages++
            cursor = page.next_cursor
            if (cursor == null) {
                break
            }
        }

        then:
        pages == 4
        seen.size() == 25
        seen as Set == ids as Set
    }

    def 'an agent finds only the queue and its own conversations; a supervisor finds all'() {
        given:
        def agent = api.member(site, 'AGENT')
        def colleague = api.member(site, 'AGENT')
        def supervisor = api.member(site, 'SUPERVISOR')
        def queued = seed.conversation(site, seed.visitor(site, [name: 'Pending Pangolin']), 'PENDING')
        def mine = seed.conversation(site, seed.visitor(site, [name: 'Mine Pangolin']), 'ACTIVE', agent.id)
        def theirs = seed.conversation(site, seed.visitor(site, [name: 'Theirs Pangolin']), 'ACTIVE', colleague.id)
        def hadIt = seed.conversation(site, seed.visitor(site, [name: 'Earlier Pangolin']), 'ACTIVE', colleague.id)
        seed.thread(hadIt, UUID.randomUUID(), 'RESOLVED', agent.id, Instant.now().minusSeconds(3600), [at: Instant.now().minusSeconds(60)])
        [queued, mine, theirs, hadIt].each { seed.message(it, 'pangolin question') }

        expect:
        search('pangolin', agent).items*.conversation_id as Set == [queued, mine, hadIt]*.id*.toString() as Set
        search('pangolin', supervisor).items*.conversation_id as Set == [queued, mine, theirs, hadIt]*.id*.toString() as Set
        search('pangolin', supervisor).items.size() == 8
    }

    def 'another website\'s messages and visitors are never found'() {
        given:
        def other = api.site()
        seed.message(seed.conversation(other, seed.visitor(other, [name: 'Foreign Quokka'])), 'quokka secrets')

        expect:
        search('quokka').items == []
    }

    def 'q=#q limit=#limit cursor=#cursor is refused with 400 and changes nothing'() {
        given:
        def before = api.state(site)
        def params = [q: q, limit: limit, cursor: cursor].findAll { it.value != null }
                .collect { "$it.key=${URLEncoder.encode(it.value.toString(), 'UTF-8')}" }.join('&')

        when:
        def reply = api.call('GET', "/v1/inbox/$site.id/search?$params", site.owner.token)

        then:
        reply.status == 400
        reply.body.status == 400
        api.state(site) == before

        where:
        q         | limit | cursor
        null      | null  | null
        ''        | null  | null
        '   '     | null  | null
        'x' * 201 | null  | null
        'word'    | 0     | null
        'word'    | 101   | null
        'word'    | 'ten' | null
        'word'    | null  | 'not a cursor!'
        'word'    | null  | 'bm9wZQ'
        'word'    | null  | Base64.urlEncoder.withoutPadding().encodeToString('NaN|m00000000-0000-0000-0000-000000000000'.bytes)
    }

    private Map search(String q, ConversationsApi.Agent agent = site.owner, String cursor = null, int limit = 20) {
        def path = "/v1/inbox/$site.id/search?q=${URLEncoder.encode(q, 'UTF-8')}&limit=$limit" + (cursor ? "&cursor=$cursor" : '')
        expect(200, api.call('GET', path, agent.token)) as Map
    }
}
