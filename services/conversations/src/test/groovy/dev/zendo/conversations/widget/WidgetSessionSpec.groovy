package dev.zendo.conversations.widget

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.SigningKeys
import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.routing.Presence
import dev.zendo.conversations.visitor.VisitorLabels
import dev.zendo.conversations.visitor.VisitorTokenVerifier
import dev.zendo.events.v1.Envelope
import redis.clients.jedis.JedisPooled
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** A widget starts or resumes its session with the website's public key, from a page the website allows. */
class WidgetSessionSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'a new visitor gets a token, its label, the widget settings, the realtime URL and a resume cursor'() {
        given:
        def site = api.site()

        when:
        def reply = api.widgetSession(site, [locale: 'pt-BR', page: [url: 'https://shop.example/pricing', title: 'Pricing', referrer: 'https://search.example/?q=shop']],
                ['User-Agent': 'Firefox/140', 'X-Forwarded-For': '198.51.100.20'])

        then:
        reply.status == 201
        reply.header('Access-Control-Allow-Origin') == 'https://shop.example'
        def session = reply.body
        def visitor = api.context.getBean(VisitorTokenVerifier).verify(session.visitor_token as String).get()
        visitor.websiteId() == site.id
        visitor.visitorId().toString() == session.visitor.id
        Instant.parse(session.visitor_token_expires_at as String) == visitor.expiresAt()
        Duration.between(visitor.issuedAt(), visitor.expiresAt()) == Duration.ofHours(24)
        session.visitor == [id: session.visitor.id, label: VisitorLabels.of(UUID.fromString(session.visitor.id)), verified: false]
        session.conversation == null
        session.queue_position == null
        session.agents_online == false
        session.settings.visitor_session_hours == 24
        session.settings.sneak_peek == false
        session.realtime.url == 'ws://127.0.0.1:8080/ws'
        new String(Base64.urlDecoder.decode(session.realtime.cursor as String), 'UTF-8') ==~ /v1:0=\d+,1=\d+,2=\d+/

        and: 'the visitor is stored with where it came from, and its page view'
        def row = api.sql('SELECT label, user_agent, host(client_ip) AS ip, locale FROM visitors WHERE id = ?::uuid', [session.visitor.id])[0]
        row == [label: session.visitor.label, user_agent: 'Firefox/140', ip: '198.51.100.20', locale: 'pt-BR']
        api.sql('SELECT url, title, referrer FROM page_views WHERE visitor_id = ?::uuid', [session.visitor.id]) ==
                [[url: 'https://shop.example/pricing', title: 'Pricing', referrer: 'https://search.example/?q=shop']]

        and: 'agents hear of the new visitor'
        def created = events(site.id, 'visitor.created')
        created.size() == 1
        created[0].visitorCreated.label == session.visitor.label
        created[0].audience.name() == 'AUDIENCE_AGENTS'
    }

    def 'the website sets how long its visitor tokens live'() {
        given:
        def site = api.site()
        api.sql('''UPDATE replica_websites SET widget = '{"visitor_session_hours": 2}'::jsonb WHERE website_id = ?''', [site.id])

        when:
        def session = ConversationsApi.expect(201, api.widgetSession(site))
        def visitor = api.context.getBean(VisitorTokenVerifier).verify(session.visitor_token as String).get()

        then:
        Duration.between(visitor.issuedAt(), visitor.expiresAt()) == Duration.ofHours(2)
        session.settings.visitor_session_hours == 2
    }

    def 'the widget learns whether the website shows agents what its visitors type (#widget)'() {
        given:
        def site = api.site()
        api.sql('UPDATE replica_websites SET widget = ?::jsonb WHERE website_id = ?', [widget, site.id])

        expect:
        ConversationsApi.expect(201, api.widgetSession(site)).settings.sneak_peek == sneakPeek

        where:
        widget                 || sneakPeek
        '{}'                   || false
        '{"sneak_peek": false}' || false
        '{"sneak_peek": true}' || true
    }

    def 'a session is refused with #status #code when #problem, and nothing is written'() {
        given:
        def site = api.site()
        def before = api.state(site)
        setup.call(site)

        when:
        def reply = api.call('POST', '/v1/widget/session', null, [public_key: key.call(site), page: [url: 'https://shop.example/']], headers)

        then:
        reply.status == status
        reply.body.error == code
        reply.header('Access-Control-Allow-Origin') == headers.Origin
        api.state(site) == before

        where:
        problem                        | setup                                                                                                    | key                       | headers                                   || status | code
        'the key is unknown'           | { s -> }                                                                                                 | { s -> 'pk_unknown' }     | [Origin: 'https://shop.example']          || 401    | 'invalid_public_key'
        'the key is revoked'           | { s -> api.sql('UPDATE replica_keys SET revoked = true WHERE website_id = ?', [s.id]) }                  | { s -> s.publicKey }      | [Origin: 'https://shop.example']          || 401    | 'invalid_public_key'
        'the key is past its overlap'  | { s -> api.sql("UPDATE replica_keys SET expires_at = now() - interval '1 second' WHERE website_id = ?", [s.id]) } | { s -> s.publicKey } | [Origin: 'https://shop.example'] || 401    | 'invalid_public_key'
        'the website is deleted'       | { s -> api.sql('UPDATE replica_websites SET deleted = true WHERE website_id = ?', [s.id]) }              | { s -> s.publicKey }      | [Origin: 'https://shop.example']          || 401    | 'invalid_public_key'
        'the origin is another one'    | { s -> }                                                                                                 | { s -> s.publicKey }      | [Origin: 'https://evil.example']          || 403    | 'origin_not_allowed'
        'the origin differs by port'   | { s -> }                                                                                                 | { s -> s.publicKey }      | [Origin: 'https://shop.example:8443']     || 403    | 'origin_not_allowed'
        'there is no origin'           | { s -> }                                                                                                 | { s -> s.publicKey }      | [:]                                       || 403    | 'origin_not_allowed'
        'the website allows no origin' | { s -> api.sql("UPDATE replica_websites SET allowed_origins = '{}' WHERE website_id = ?", [s.id]) }      | { s -> s.publicKey }      | [Origin: 'https://shop.example']          || 403    | 'origin_not_allowed'
    }

    def 'a key within its overlap window still opens sessions'() {
        given:
        def site = api.site()
        api.sql("UPDATE replica_keys SET expires_at = now() + interval '1 hour' WHERE website_id = ?", [site.id])

        expect:
        api.widgetSession(site).status == 201
    }

    def 'an earlier token resumes its visitor and conversation, and is handed back while it is young'() {
        given:
        def site = api.site()
        def first = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'm-1', body: 'Hello?']]))

        when:
        def again = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: first.visitor_token]))

        then:
        again.visitor.id == first.visitor.id
        again.visitor_token == first.visitor_token
        again.conversation.id == first.conversation.id
        again.conversation.messages*.body == ['Hello?']
        again.conversation.status == 'pending'
        again.queue_position == 1
        api.sql('SELECT count(*) AS n FROM page_views WHERE visitor_id = ?::uuid', [first.visitor.id])[0].n == 2
    }

    def 'a token with less than a quarter of its life left is replaced by a new one for the same visitor'() {
        given:
        def site = api.site()
        def first = ConversationsApi.expect(201, api.widgetSession(site))
        def old = token(site.id, UUID.fromString(first.visitor.id), Instant.now() - Duration.ofHours(20), Instant.now() + Duration.ofHours(2))

        when:
        def again = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: old]))

        then:
        again.visitor.id == first.visitor.id
        again.visitor_token != old
        Instant.parse(again.visitor_token_expires_at as String) > Instant.now() + Duration.ofHours(23)
    }

    def 'a token that is #what gets a new visitor, never an error'() {
        given:
        def site = api.site()
        def other = api.site()
        def tokens = [
                'of another website': { ConversationsApi.expect(201, api.widgetSession(other)).visitor_token },
                'malformed'         : { 'not-a-token' },
                'expired'           : { token(site.id, UUID.randomUUID(), Instant.now() - Duration.ofHours(3), Instant.now() - Duration.ofHours(1)) },
        ]
        def presented = tokens[what].call()

        when:
        def session = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: presented]))

        then:
        session.visitor_token != presented
        api.context.getBean(VisitorTokenVerifier).verify(session.visitor_token as String).get().websiteId() == site.id
        api.sql('SELECT website_id FROM visitors WHERE id = ?::uuid', [session.visitor.id])[0].website_id == site.id

        where:
        what << ['of another website', 'malformed', 'expired']
    }

    def 'the first message is posted with the session, and the pre-chat form is stored with its email as a claim'() {
        given:
        def site = api.site()

        when:
        def session = ConversationsApi.expect(201, api.widgetSession(site, [
                pre_chat     : [name: 'Bea', email: 'bea@example.com', phone: '+33 1 23 45 67 89', fields: [order: 'A-17', vip: true, items: 3]],
                first_message: [client_msg_id: 'm-1', body: 'Where is my order?']]))

        then:
        session.visitor.name == 'Bea'
        session.visitor.email == 'bea@example.com'
        !session.visitor.verified
        session.conversation.messages.size() == 1
        with(session.conversation.messages[0]) {
            body == 'Where is my order?'
            seq == 1
            author == [kind: 'visitor', id: session.visitor.id, name: 'Bea']
        }
        session.conversation.last_seq == 1
        session.conversation.thread_id != null
        session.queue_position == 1
        def row = api.sql('SELECT name, email, claimed_email, phone, attributes::text AS attributes FROM visitors WHERE id = ?::uuid', [session.visitor.id])[0]
        row.name == 'Bea'
        row.email == null
        row.claimed_email == 'bea@example.com'
        row.phone == '+33 1 23 45 67 89'
        new groovy.json.JsonSlurperClassic().parseText(row.attributes) == [order: 'A-17', vip: true, items: 3]
    }

    def 'agents_online tells whether an agent accepting chats is connected'() {
        given:
        def site = api.site()
        def redis = api.context.getBean(JedisPooled)

        when:
        redis.zadd(Presence.onlineKey(site.id), (Instant.now() + Duration.ofMinutes(1)).toEpochMilli() as double, site.owner.id)

        then:
        ConversationsApi.expect(201, api.widgetSession(site)).agents_online == true

        when:
        redis.sadd(Presence.awayKey(site.id), site.owner.id)

        then:
        ConversationsApi.expect(201, api.widgetSession(site)).agents_online == false
    }

    def 'X-Forwarded-For names the client when the gateway in front is trusted'() {
        given:
        def site = api.site()

        when: 'the test client connects from loopback, a trusted proxy by default'
        def session = ConversationsApi.expect(201, api.widgetSession(site, [:], ['X-Forwarded-For': '198.51.100.7, 127.0.0.1']))

        then:
        api.sql('SELECT host(client_ip) AS ip FROM visitors WHERE id = ?::uuid', [session.visitor.id])[0].ip == '198.51.100.7'
    }

    def 'a preflight from any page is answered; successes are readable only by an allowed origin, refusals by any page'() {
        given:
        def site = api.site()

        when:
        def preflight = api.call('OPTIONS', '/v1/widget/messages', null, null,
                [Origin: 'https://anywhere.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type'])

        then:
        preflight.status in [200, 204]
        preflight.header('Access-Control-Allow-Origin') == 'https://anywhere.example'
        preflight.header('Access-Control-Allow-Methods').contains('POST')
        preflight.header('Access-Control-Allow-Headers').toLowerCase().contains('authorization')

        when:
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token
        def allowed = api.widget('GET', '/v1/widget/messages', token as String)
        def refused = api.widget('GET', '/v1/widget/messages', token as String, null, 'https://anywhere.example')

        then:
        allowed.status == 200
        allowed.header('Access-Control-Allow-Origin') == 'https://shop.example'
        refused.status == 403
        refused.header('Access-Control-Allow-Origin') == 'https://anywhere.example'
    }

    private List<Envelope> events(UUID websiteId, String type) {
        api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ["zendo.site.$websiteId".toString()])
                .collect { Envelope.parseFrom(it.payload as byte[]) }.findAll { it.type == type }
    }

    private String token(UUID websiteId, UUID visitorId, Instant issuedAt, Instant expiresAt) {
        def key = api.context.getBean(SigningKeys).current()
        def claims = new JWTClaimsSet.Builder().subject(visitorId.toString()).issuer('zendo-conversations')
                .audience(['zendo-realtime', 'zendo-widget']).issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                .claim('website_id', websiteId.toString()).claim('token_use', 'visitor').build()
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.keyID).build(), claims)
        jwt.sign(new ECDSASigner(key))
        jwt.serialize()
    }
}
