package dev.zendo.websites

import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import io.micronaut.context.ApplicationContext
import spock.lang.Specification

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.INVITATION_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** The service's own settings have defaults and are checked at startup: a bad one stops it, naming the setting. */
class WebsitesSettingsSpec extends Specification {

    def 'the defaults are a 24-hour key overlap, 7-day invitations and a 30-day purge window'() {
        given:
        def context = ApplicationContext.run(TestInfra.properties('websites', DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY) as Map<String, Object>, 'test')

        expect:
        with(context.getBean(WebsitesSettings)) {
            keyOverlap().toHours() == 24
            invitationTtl().toDays() == 7
            purgeAfter().toDays() == 30
            maxMembers() == 200
            maxWebsitesPerAgent() == 20
        }

        cleanup:
        context?.close()
    }

    def 'a start with #setting set to #value fails naming it'() {
        when:
        ApplicationContext.run(TestInfra.properties('websites', DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY) + also + [(setting): value] as Map<String, Object>, 'test').close()

        then:
        def e = thrown(Exception)
        def messages = []
        for (Throwable t = e; t != null; t = t.cause) {
            messages << t.message
        }
        messages.any { it?.contains(reason) }

        where:
        setting                                 | value                | also                             || reason
        'zendo.websites.key-overlap'            | '-1h'                | [:]                              || 'zendo.websites.key-overlap must be at least'
        'zendo.websites.invitation-ttl'         | '10s'                | [:]                              || 'zendo.websites.invitation-ttl must be at least'
        'zendo.websites.max-members'            | '0'                  | [:]                              || 'maxMembers'
        'zendo.websites.max-websites-per-agent' | '0'                  | [:]                              || 'maxWebsitesPerAgent'
        'zendo.rate-limits.websites-api.period' | '0s'                 | [:]                              || 'zendo.rate-limits.websites-api.period must be at least'
        'zendo.websites.invitation-accept-path' | '/accept'            | [:]                              || 'must be a path containing {token}'
        'zendo.auth.signing.jwks-file'          | '/no/such/jwks.json' | ['zendo.auth.signing.jwks': ''] || 'cannot read /no/such/jwks.json'
        'zendo.websites.invitation-seal.public-keyset' | ''            | [:]                              || 'set public-keyset-file or public-keyset'
        'zendo.websites.invitation-seal.public-keyset' | 'not a keyset' | [:]                             || 'not a Tink public hybrid keyset'
        'zendo.websites.invitation-seal.public-keyset' | TestSealKeys.privateKeyset() | [:]               || 'not a Tink public hybrid keyset'
        'zendo.websites.invitation-seal.public-keyset-file' | '/no/such/keyset.json' | ['zendo.websites.invitation-seal.public-keyset': ''] || 'cannot read /no/such/keyset.json'
    }
}
