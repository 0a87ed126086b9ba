package dev.zendo.identity

import dev.zendo.testsupport.Causes
import dev.zendo.auth.keys.KeyTool
import dev.zendo.identity.accountmail.AccountMailSettings
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import io.micronaut.context.ApplicationContext
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

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
        'notifications-seal.public-keyset' | ''    || 'zendo.identity.notifications-seal: set public-keyset-file or public-keyset'
        'notifications-seal.public-keyset' | 'not a keyset' || 'zendo.identity.notifications-seal: not a Tink public hybrid keyset'
        'notifications-seal.public-keyset' | TestSealKeys.privateKeyset() || 'zendo.identity.notifications-seal: not a Tink public hybrid keyset'
        'account-mail.verification-ttl' | '30s'   || 'zendo.identity.account-mail.verification-ttl must be at least PT1M'
        'account-mail.password-reset-ttl' | '0s'  || 'zendo.identity.account-mail.password-reset-ttl must be at least PT1M'
        'account-mail.sign-in-code-ttl' | '59s'   || 'zendo.identity.account-mail.sign-in-code-ttl must be at least PT1M'
        'account-mail.sign-in-code-max-failures' | '0' || 'signInCodeMaxFailures'
        'account-mail.verify-path-template' | '/verify-email' || 'must be a path containing {token}'
        'account-mail.reset-path-template' | 'https://evil.example/{token}' || 'must be a path containing {token}'
    }

    def 'a notifications keyset file that cannot be read stops the start, naming it'() {
        when:
        ApplicationContext.run(servers + ['zendo.identity.notifications-seal.public-keyset'     : '',
                                          'zendo.identity.notifications-seal.public-keyset-file': '/no/such/keyset.json'], 'test').close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains('zendo.identity.notifications-seal.public-keyset-file: cannot read /no/such/keyset.json') }
    }

    def 'the account-mail defaults are 24-hour verification links, 30-minute reset links and 10-minute codes burned after 5 wrong tries'() {
        given:
        def context = ApplicationContext.run(servers, 'test')

        expect:
        with(context.getBean(AccountMailSettings)) {
            verificationTtl() == Duration.ofHours(24)
            passwordResetTtl() == Duration.ofMinutes(30)
            signInCodeTtl() == Duration.ofMinutes(10)
            signInCodeMaxFailures() == 5
            verifyPathTemplate() == '/verify-email#token={token}'
            resetPathTemplate() == '/reset-password#token={token}'
        }

        cleanup:
        context?.close()
    }
}
