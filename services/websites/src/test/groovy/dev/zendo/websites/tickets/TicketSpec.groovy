package dev.zendo.websites.tickets

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.source.ImmutableJWKSet
import com.nimbusds.jose.proc.JWSVerificationKeySelector
import com.nimbusds.jose.proc.SecurityContext
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier
import com.nimbusds.jwt.proc.DefaultJWTProcessor
import dev.zendo.websites.WebsitesApi
import groovy.json.JsonOutput
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Realtime tickets: 60-second JWTs naming the websites an agent may subscribe to, verifiable with the published JWKS. */
class TicketSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    def 'a ticket names every live website of the agent with its role, and verifies against the JWKS'() {
        given:
        def agent = api.agent()
        def owned = api.createWebsite(agent)
        def other = api.agent()
        def joined = api.createWebsite(other)
        api.join(other, joined.id, agent, 'viewer')
        def deleted = api.createWebsite(agent)
        api.call('DELETE', "/v1/websites/$deleted.id", agent.token)
        api.createWebsite(other)

        when:
        def reply = WebsitesApi.expect(201, api.call('POST', '/v1/realtime/tickets', agent.token))
        def claims = verify(reply.ticket)

        then:
        claims.subject == agent.id
        claims.issuer == 'zendo-websites'
        claims.audience == ['zendo-realtime']
        claims.getClaim('token_use') == 'realtime'
        claims.getClaim('websites') == [[id: owned.id, role: 'owner'], [id: joined.id, role: 'viewer']]
        reply.websites == [[id: owned.id, role: 'owner'], [id: joined.id, role: 'viewer']]
        Duration.between(claims.issueTime.toInstant(), claims.expirationTime.toInstant()) == Duration.ofSeconds(60)
        Instant.parse(reply.expires_at) == claims.expirationTime.toInstant()
    }

    def 'an agent without websites gets a ticket naming none'() {
        expect:
        verify(api.call('POST', '/v1/realtime/tickets', api.agent().token).body.ticket).getClaim('websites') == []
    }

    private JWTClaimsSet verify(String ticket) {
        def jwks = JWKSet.parse(JsonOutput.toJson(api.call('GET', '/v1/realtime/jwks.json', null).body))
        assert jwks.keys.every { !it.private }
        def processor = new DefaultJWTProcessor<SecurityContext>()
        processor.JWSKeySelector = new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.ES256, new ImmutableJWKSet<SecurityContext>(jwks))
        processor.JWTClaimsSetVerifier = new DefaultJWTClaimsVerifier<SecurityContext>('zendo-realtime',
                new JWTClaimsSet.Builder().issuer('zendo-websites').build(), ['sub', 'exp', 'iat'] as Set)
        processor.process(ticket, null)
    }
}
