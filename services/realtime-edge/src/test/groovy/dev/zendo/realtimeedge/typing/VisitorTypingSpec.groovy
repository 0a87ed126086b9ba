package dev.zendo.realtimeedge.typing

import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.realtimeedge.fanout.ConversationBook
import dev.zendo.realtimeedge.support.EdgeClient
import dev.zendo.realtimeedge.support.EdgeSpec

/**
 * A visitor's typing over the socket: it passes in their own conversation even on a node that has not seen it yet, and
 * carries the draft (sneak peek) to agents only, when the website enables it.
 */
class VisitorTypingSpec extends EdgeSpec {

    def "a visitor's first typing in their own conversation passes on a node that has not seen the conversation"() {
        given: 'two conversations written before this node read the website'
        UUID site = website()
        UUID visitorId = UUID.randomUUID(), otherVisitor = UUID.randomUUID()
        UUID own = UUID.randomUUID(), others = UUID.randomUUID()
        context.getBean(TopicProvisioner).ensure("zendo.site.$site")
        publish(message(site, own, visitorId, 1))
        publish(message(site, others, otherVisitor, 1))

        and: 'an owner and the visitor (twice) subscribed afterwards'
        EdgeClient owner = subscribed(ticket('owner-t', [(site): 'owner']), site)
        EdgeClient intruding = subscribed(visitorToken(visitorId, site), site)
        EdgeClient typing = subscribed(visitorToken(visitorId, site), site)
        ConversationBook book = context.getBean(ConversationBook)

        expect: 'the node knows neither conversation'
        book.find([site], own).isEmpty()
        book.find([site], others).isEmpty()

        when: "the visitor types in another visitor's conversation"
        intruding.send([type: 'typing', conversation_id: others.toString(), typing: true])

        then: 'the node looks back, learns whose it is, and drops the signal'
        conditions.eventually {
            assert book.find([site], others).get().visitorId() == otherVisitor
        }

        when: 'the visitor types in their own conversation'
        typing.send([type: 'typing', conversation_id: own.toString(), typing: true])

        then: 'the owner sees it, and only it'
        conditions.eventually {
            assert owner.ofType('typing:start').collect { [it.conversation_id, it.data.participant.id] } ==
                    [[own.toString(), visitorId.toString()]]
        }
    }

    def 'with sneak peek the agent sees the draft, the latest one after a burst, and no visitor ever does'() {
        given:
        UUID site = website([ORIGIN], true)
        UUID visitorId = UUID.randomUUID(), otherVisitor = UUID.randomUUID()
        UUID conversation = UUID.randomUUID(), otherConversation = UUID.randomUUID()
        EdgeClient owner = subscribed(ticket('owner-p', [(site): 'owner']), site)
        EdgeClient visitor = subscribed(visitorToken(visitorId, site), site)
        EdgeClient visitorElsewhere = subscribed(visitorToken(visitorId, site), site)
        EdgeClient other = subscribed(visitorToken(otherVisitor, site), site)
        known(site, conversation, visitorId, otherConversation, otherVisitor, owner)

        when: 'the visitor types three drafts in a burst'
        ['H', 'He', 'Hel'].each { visitor.send([type: 'typing', conversation_id: conversation.toString(), typing: true, text: it]) }

        then: 'the agent gets the first at once and the latest when the second is over'
        conditions.eventually {
            assert previews(owner).first() == 'H'
            assert previews(owner).last() == 'Hel'
        }
        owner.ofType('typing:start').every { it.conversation_id == conversation.toString() }

        when: 'the visitor stops, then pastes a draft longer than 500 characters'
        visitor.send([type: 'typing', conversation_id: conversation.toString(), typing: false, text: 'ignored'])
        visitor.send([type: 'typing', conversation_id: conversation.toString(), typing: true, text: 'x' * 600])

        then: 'the stop carries no draft, and the long draft is cut to 500 characters'
        conditions.eventually {
            assert previews(owner).last() == 'x' * 500
        }
        owner.ofType('typing:stop').every { it.data.preview == null }

        and: 'no visitor received a draft: not the author on another socket, not another visitor'
        [visitor, visitorElsewhere, other].every { client -> client.frames.every { it.data?.preview == null } }
    }

    def 'without sneak peek the text is dropped and the agent sees only that the visitor types'() {
        given:
        UUID site = website()
        UUID visitorId = UUID.randomUUID(), conversation = UUID.randomUUID()
        EdgeClient owner = subscribed(ticket('owner-n', [(site): 'owner']), site)
        EdgeClient visitor = subscribed(visitorToken(visitorId, site), site)
        known(site, conversation, visitorId, UUID.randomUUID(), UUID.randomUUID(), owner)

        when:
        visitor.send([type: 'typing', conversation_id: conversation.toString(), typing: true, text: 'my card number is'])

        then:
        conditions.eventually {
            assert owner.ofType('typing:start').size() == 1
        }
        owner.ofType('typing:start')[0].data.preview == null
        owner.ofType('typing:start')[0].data.participant.id == visitorId.toString()
    }

    def 'a typing frame whose text is #problem is refused as bad_frame'() {
        given:
        UUID site = website([ORIGIN], true)
        EdgeClient visitor = subscribed(visitorToken(UUID.randomUUID(), site), site)

        when:
        visitor.send([type: 'typing', conversation_id: UUID.randomUUID().toString(), typing: true, text: text, ref: 't'])

        then:
        conditions.eventually {
            assert visitor.ofType('error').collect { [it.code, it.ref] } == [['bad_frame', 't']]
        }

        where:
        problem     | text
        'a number'  | 42
        'an object' | [draft: 'x']
        'a boolean' | true
    }

    /** Two conversations the node has seen live, each with its visitor; waits until the agent got both. */
    private void known(UUID site, UUID conversation, UUID visitorId, UUID otherConversation, UUID otherVisitor, EdgeClient agent) {
        publish(message(site, conversation, visitorId, 1))
        publish(message(site, otherConversation, otherVisitor, 1))
        conditions.eventually {
            assert agent.messages().size() == 2
        }
    }

    private static List<String> previews(EdgeClient client) {
        client.ofType('typing:start')*.data*.preview
    }
}
