package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.verification.IdentitySecrets
import dev.zendo.conversations.verification.UserTokens
import dev.zendo.events.v1.Envelope
import groovy.json.JsonSlurperClassic
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Identity verification: a verified user is one visitor on every device, an anonymous visitor who proves to be one is
 * merged into it with every message, and what a visitor merely claims never finds anyone.
 */
class VisitorMergeSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ExecutorService callers = Executors.newFixedThreadPool(2)

    def cleanupSpec() {
        callers.shutdownNow()
    }

    def 'a verified user gets the same visitor and the whole history on every device'() {
        given:
        def site = api.site()
        def secret = secretOf(site)
        def user = [token: UserTokens.hs(secret, UserTokens.claims(sub: 'user-7', email: 'ada@example.com', name: 'Ada'))]

        when:
        def laptop = ConversationsApi.expect(201, api.widgetSession(site, [user: user, first_message: [client_msg_id: 'l-1', body: 'From my laptop']]))
        def phone = ConversationsApi.expect(201, api.widgetSession(site, [user: user]))

        then:
        phone.visitor.id == laptop.visitor.id
        phone.visitor == [id: laptop.visitor.id, label: laptop.visitor.label, name: 'Ada', email: 'ada@example.com', verified: true]
        phone.conversation.id == laptop.conversation.id
        phone.conversation.messages*.body == ['From my laptop']
        api.sql("SELECT count(*) AS n FROM visitors WHERE website_id = ? AND external_id = 'user-7'", [site.id])[0].n == 1
    }

    def 'an anonymous visitor who proves to be a verified user is merged into it, keeping every message of both'() {
        given: 'the user chatted on their laptop, verified'
        def site = api.site()
        def secret = secretOf(site)
        def user = [token: UserTokens.hs(secret, UserTokens.claims(sub: 'user-9', email: 'bo@example.com', name: 'Bo'))]
        def laptop = ConversationsApi.expect(201, api.widgetSession(site, [user: user, first_message: [client_msg_id: 'l-1', body: 'laptop 1']]))
        ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', laptop.visitor_token as String, [client_msg_id: 'l-2', body: 'laptop 2']))

        and: 'anonymously on their phone'
        def phone = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'p-1', body: 'phone 1']]))
        ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', phone.visitor_token as String, [client_msg_id: 'p-2', body: 'phone 2']))

        when: 'the phone logs in on the host site'
        def merged = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: phone.visitor_token, user: user]))

        then:
        merged.visitor.id == laptop.visitor.id
        merged.visitor.verified
        merged.conversation.id == laptop.conversation.id
        merged.conversation.messages.findAll { it.kind == 'text' }*.body == ['laptop 1', 'laptop 2', 'phone 1', 'phone 2']
        def seqs = api.sql('SELECT seq FROM messages WHERE conversation_id = ?::uuid ORDER BY seq', [laptop.conversation.id])*.seq
        seqs == (1L..seqs.size()).toList()
        merged.conversation.last_seq == seqs.size()

        and: 'the anonymous record points at the canonical one; its conversation is gone'
        api.sql('SELECT merged_into FROM visitors WHERE id = ?::uuid', [phone.visitor.id])[0].merged_into.toString() == laptop.visitor.id
        api.sql('SELECT count(*) AS n FROM conversations WHERE id = ?::uuid', [phone.conversation.id])[0].n == 0
        api.sql('SELECT count(*) AS n FROM messages WHERE conversation_id = ?::uuid', [laptop.conversation.id])[0].n == seqs.size()

        and: 'the merge is audited and announced to agents'
        def audit = api.sql("SELECT actor_kind, target_id, detail::text AS detail FROM audit_log WHERE website_id = ? AND action = 'visitor.merged'", [site.id])
        audit.size() == 1
        audit[0].target_id == phone.visitor.id
        with(new JsonSlurperClassic().parseText(audit[0].detail as String)) {
            source == phone.visitor.id
            target == laptop.visitor.id
            merged_at != null
        }
        def event = api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ["zendo.site.$site.id".toString()])
                .collect { Envelope.parseFrom(it.payload as byte[]) }.find { it.type == 'visitor.merged' }
        event.audience.name() == 'AUDIENCE_AGENTS'
        event.visitorMerged.sourceVisitorId == phone.visitor.id
        event.visitorMerged.targetVisitorId == laptop.visitor.id
        event.visitorMerged.conversationId == laptop.conversation.id
        event.visitorMerged.sourceConversationId == phone.conversation.id

        and: 'the phone\'s old token no longer works'
        api.widget('GET', '/v1/widget/messages', phone.visitor_token as String).status == 401
        ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages', merged.visitor_token as String)).messages.findAll { it.kind == 'text' }*.body ==
                ['laptop 1', 'laptop 2', 'phone 1', 'phone 2']
    }

    def 'two anonymous devices identifying at once as the same user (#known) end as one visitor with every message (run #run)'() {
        given:
        def site = api.site()
        def user = [token: UserTokens.hs(secretOf(site), UserTokens.claims(sub: 'user-21', name: 'Cy'))]
        def existing = known == 'already known' ?
                ConversationsApi.expect(201, api.widgetSession(site, [user: user, first_message: [client_msg_id: 'k-1', body: 'known 1']])) : null
        def devices = ['a', 'b'].collect { device ->
            def session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: "$device-1", body: "$device 1"]]))
            ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', session.visitor_token as String, [client_msg_id: "$device-2", body: "$device 2"]))
            session
        }

        when: 'both devices log in on the host site at the same moment'
        def go = new CountDownLatch(1)
        def pending = devices.collect { device ->
            CompletableFuture.supplyAsync({
                go.await()
                api.widgetSession(site, [visitor_token: device.visitor_token, user: user])
            }, callers)
        }
        go.countDown()
        def replies = pending*.get(30, TimeUnit.SECONDS)

        then: 'both get the one visitor of the user'
        replies*.status == [201, 201]
        def canonical = replies[0].body.visitor.id
        replies*.body*.visitor*.id == [canonical, canonical]
        existing == null || canonical == existing.visitor.id
        api.sql("SELECT id FROM visitors WHERE website_id = ? AND external_id = 'user-21' AND merged_into IS NULL", [site.id])*.id*.toString() == [canonical]

        and: 'every other visitor points at it'
        def merged = ((devices*.visitor*.id) + (existing ? [existing.visitor.id] : [])) - canonical
        merged.size() == (existing ? 2 : 1)
        merged.every { api.sql('SELECT merged_into FROM visitors WHERE id = ?::uuid', [it])[0].merged_into.toString() == canonical }

        and: 'its one conversation holds every message, each device\'s in its order, seqs gap-free'
        def conversations = api.sql('SELECT id, last_seq FROM conversations WHERE website_id = ? AND visitor_id = ?::uuid', [site.id, canonical])
        conversations.size() == 1
        def texts = api.sql("SELECT body FROM messages WHERE conversation_id = ? AND kind = 'TEXT' ORDER BY seq", [conversations[0].id])*.body
        texts.sort() == ((existing ? ['known 1'] : []) + ['a 1', 'a 2', 'b 1', 'b 2']).sort()
        texts.indexOf('a 1') < texts.indexOf('a 2')
        texts.indexOf('b 1') < texts.indexOf('b 2')
        def seqs = api.sql('SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq', [conversations[0].id])*.seq
        seqs == (1L..seqs.size()).toList()
        conversations[0].last_seq == seqs.size()
        api.sql('SELECT count(*) AS n FROM conversations WHERE website_id = ?', [site.id])[0].n == 1

        and: 'each merge is audited once and announced once'
        api.sql("SELECT target_id FROM audit_log WHERE website_id = ? AND action = 'visitor.merged'", [site.id])*.target_id.sort() == merged.sort()
        def announced = api.outboxEvents(site).findAll { it.type == 'visitor.merged' }*.visitorMerged
        announced*.sourceVisitorId.sort() == merged.sort()
        announced.every { it.targetVisitorId == canonical && it.conversationId == conversations[0].id.toString() }

        where:
        [known, run] << [['already known', 'new'], 1..3].combinations()
    }

    def 'an anonymous visitor who is the first to verify as a user becomes that user\'s visitor'() {
        given:
        def site = api.site()
        def user = [token: UserTokens.hs(secretOf(site), UserTokens.claims(sub: 'user-11'))]
        def anonymous = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'a-1', body: 'hi']]))

        when:
        def verified = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: anonymous.visitor_token, user: user]))

        then:
        verified.visitor.id == anonymous.visitor.id
        verified.visitor.verified
        verified.conversation.messages*.body == ['hi']
        api.sql("SELECT count(*) AS n FROM audit_log WHERE website_id = ? AND action = 'visitor.merged'", [site.id])[0].n == 0
    }

    def 'an email or user id a visitor only claims never finds another visitor'() {
        given:
        def site = api.site()
        def user = [token: UserTokens.hs(secretOf(site), UserTokens.claims(sub: 'user-13', email: 'eve@example.com'))]
        def verified = ConversationsApi.expect(201, api.widgetSession(site, [user: user]))

        when:
        def claimant = ConversationsApi.expect(201, api.widgetSession(site, [pre_chat: [email: 'eve@example.com', fields: [user_id: 'user-13']]]))
        def patched = ConversationsApi.expect(200, api.widget('PATCH', '/v1/widget/visitor', claimant.visitor_token as String, [email: 'eve@example.com']))
        def again = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: claimant.visitor_token]))

        then:
        claimant.visitor.id != verified.visitor.id
        patched.id == claimant.visitor.id
        !patched.verified
        again.visitor.id == claimant.visitor.id
        api.sql('SELECT external_id, email, claimed_email FROM visitors WHERE id = ?::uuid', [claimant.visitor.id]) ==
                [[external_id: null, email: null, claimed_email: 'eve@example.com']]
    }

    def 'a session with a user token is refused with #status #code when #problem, and nothing is written'() {
        given:
        def site = api.site()
        if (withSecret) {
            secretOf(site)
        }
        def before = api.state(site)

        when:
        def reply = api.widgetSession(site, [user: [token: token]])

        then:
        reply.status == status
        reply.body.error == code
        api.state(site) == before

        where:
        problem                             | withSecret | token                                             || status | code
        'the website has no secret'         | false      | UserTokens.hs('x' * 40)                           || 403    | 'identity_verification_disabled'
        'the token is signed with another'  | true       | UserTokens.hs('y' * 40)                           || 401    | 'identity_token_invalid'
        'the token is no JWT'               | true       | 'nonsense'                                        || 401    | 'identity_token_invalid'
    }

    private String secretOf(ConversationsApi.Site site) {
        api.context.getBean(IdentitySecrets).rotate(site.id, site.owner.id, null).secret()
    }
}
