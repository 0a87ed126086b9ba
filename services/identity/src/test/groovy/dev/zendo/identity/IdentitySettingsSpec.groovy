package dev.zendo.identity

import dev.zendo.testsupport.Causes
import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.NOTIFICATIONS_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** Identity's own settings are checked at startup: a bad one stops the service with a reason naming it. */
class IdentitySettingsSpec extends Specification {

    @Shared
    Map<String, Object> servers = TestInfra.properties('identity', DATABASE, KAFKA, REDIS, NOTIFICATIONS_SEAL_KEY) +
            ['zendo.auth.signing.jwks': KeyTool.init().toString(false)] as Map<String, Object>

    def 'zendo.identity.#setting = #value stops the start, saying #reason'() {
        when:
        ApplicationContext.run(servers + [("zendo.identity.$setting".toString()): value], 'test').close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(reason) }

        where:
        setting                   | value         || reason
        'trusted-proxies'         | 'the-gateway' || "zendo.identity.trusted-proxies: 'the-gateway' is not an address range"
        'password-min-length'     | '8'           || 'passwordMinLength'
        'refresh-token-ttl'       | '0s'          || 'zendo.identity.refresh-token-ttl must be at least PT1M'
        'refresh-token.reuse-grace' | '-1s'       || 'zendo.identity.refresh-token.reuse-grace must be between 0s and 5m'
        'refresh-token.reuse-grace' | '10m'       || 'zendo.identity.refresh-token.reuse-grace must be between 0s and 5m'
        'argon2-max-concurrent'   | '0'           || 'argon2MaxConcurrent'
        'argon2-max-wait'         | '0s'          || 'zendo.identity.argon2-max-wait must be at least PT0.001S'
    }
}
