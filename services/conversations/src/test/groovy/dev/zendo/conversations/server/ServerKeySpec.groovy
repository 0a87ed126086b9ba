package dev.zendo.conversations.server

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.visitor.VisitorTokens
import dev.zendo.platform.crypto.Sha256
import dev.zendo.platform.ratelimit.RateLimit
import dev.zendo.platform.ratelimit.RateLimiter
import io.micronaut.inject.qualifiers.Qualifiers

import java.time.Duration
import java.time.Instant

/** The server API admits only a working secret key of a live website, and limits each key's calls. */
class ServerKeySpec extends ServerApiSpecification {

    def 'a call with #credential is refused with 401 in the JSON error format, and changes nothing'() {
        given:
        def site = api.site()
        def chat = chat(site)
        String authorization = authorization(credential, site, chat.visitorId as UUID)
        def before = api.state(site)

        when:
        def reply = api.call('GET', '/v1/server/conversations', null, null, authorization == null ? [:] : [Authorization: authorization])

        then:
        reply.status == 401
        reply.body.status == 401
        reply.body.error == 'unauthorized'
        api.state(site) == before

        where:
        credential << ['no header', 'another scheme', 'an empty bearer', 'an unknown sk_ key', "the website's public key",
                       "an agent's access token", "a visitor's token", 'a revoked key', 'a key past its overlap',
                       'the key of a deleted website']
    }

    def '#method #path refuses an unknown key with 401'() {
        given:
        def site = api.site()
        def chat = chat(site)
        def concrete = path.replace('{conversationId}', chat.conversationId.toString()).replace('{visitorId}', chat.visitorId.toString())
        def before = api.state(site)

        when:
        def reply = api.call(method, concrete, 'sk_' + 'x' * 64, body)

        then:
        reply.status == 401
        api.state(site) == before

        where:
        method  | path                                                 | body
        'GET'   | '/v1/server/conversations'                           | null
        'GET'   | '/v1/server/conversations/{conversationId}'          | null
        'GET'   | '/v1/server/conversations/{conversationId}/messages' | null
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | [client_msg_id: 'a', body: 'Hi', as: [bot_name: 'Bot']]
        'POST'  | '/v1/server/conversations/{conversationId}/close'    | [:]
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | [name: 'Ada']
    }

    def "a key that rotated keeps working until its overlap ends, next to the new one"() {
        given:
        def site = api.site()
        def newKey = "sk_${UUID.randomUUID().toString().replace('-', '')}".toString()
        api.sql("UPDATE replica_keys SET expires_at = ? WHERE website_id = ? AND kind = 'SECRET'", [Instant.now().plusSeconds(3600), site.id])
        api.sql("INSERT INTO replica_keys (key_id, website_id, kind, secret_hash) VALUES (?, ?, 'SECRET', ?)",
                [UUID.randomUUID().toString(), site.id, Sha256.of(newKey)])

        expect:
        api.call('GET', '/v1/server/conversations', site.secretKey).status == 200
        api.call('GET', '/v1/server/conversations', newKey).status == 200
    }

    def 'a key that used up its calls gets 429 with Retry-After and a JSON body; other keys are not affected'() {
        given:
        def site = api.site()
        def other = api.site()
        def limiter = api.context.getBean(RateLimiter)
        def limit = api.context.getBean(RateLimit, Qualifiers.byName('server-api'))
        limit.capacity().times { limiter.acquire(limit, keyId(site)) }

        when:
        def reply = api.call('GET', '/v1/server/conversations', site.secretKey)

        then:
        reply.status == 429
        reply.header('Retry-After') as long >= 1
        reply.body.error == 'too_many_requests'
        api.call('GET', '/v1/server/conversations', other.secretKey).status == 200

        cleanup:
        limiter.reset(limit, keyId(site))
    }

    private String authorization(String credential, ConversationsApi.Site site, UUID visitorId) {
        switch (credential) {
            case 'no header': return null
            case 'another scheme': return "Basic ${site.secretKey}"
            case 'an empty bearer': return 'Bearer '
            case 'an unknown sk_ key': return "Bearer sk_${UUID.randomUUID().toString().replace('-', '')}"
            case "the website's public key": return "Bearer ${site.publicKey}"
            case "an agent's access token": return "Bearer ${site.owner.token}"
            case "a visitor's token":
                return "Bearer ${api.context.getBean(VisitorTokens).issue(site.id, visitorId, Duration.ofHours(1)).token()}"
            case 'a revoked key':
                api.sql("UPDATE replica_keys SET revoked = TRUE WHERE website_id = ? AND kind = 'SECRET'", [site.id])
                return "Bearer ${site.secretKey}"
            case 'a key past its overlap':
                api.sql("UPDATE replica_keys SET expires_at = ? WHERE website_id = ? AND kind = 'SECRET'", [Instant.now().minusSeconds(1), site.id])
                return "Bearer ${site.secretKey}"
            case 'the key of a deleted website':
                api.sql('UPDATE replica_websites SET deleted = TRUE WHERE website_id = ?', [site.id])
                return "Bearer ${site.secretKey}"
            default: throw new IllegalArgumentException(credential)
        }
    }
}
