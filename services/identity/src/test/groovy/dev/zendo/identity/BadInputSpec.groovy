package dev.zendo.identity

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import spock.lang.Shared

/**
 * Bad input gets a 400 (413 for an oversized body) whose JSON names the field at fault, and writes nothing. Wrong JSON
 * types, repeated fields and the wire-level classes for every documented field are DocumentedBadInputSpec's.
 */
class BadInputSpec extends IdentitySpecification {

    static final String NAME_201 = 'x' * 201
    static final String ONE_MEGABYTE = 'x' * (1024 * 1024)

    @Shared
    Map session

    def setup() {
        session = session ?: signup()
    }

    def '#method #path with #description answers #status naming #field, and writes nothing'() {
        given:
        def before = state()
        def request = HttpRequest."$method"(path, body instanceof String ? body : JsonOutput.toJson(body))
                .contentType('application/json').bearerAuth(session.access_token)

        when:
        def response = send(request)

        then:
        response.status == status
        response.headers.get('Content-Type').startsWith('application/json')
        response.body.status == status
        response.body.errors*.field.contains(field)
        response.body.message.startsWith("${field}: ")
        state() == before

        where:
        method   | path                | description                  | body                                                            || status | field
        'POST'   | '/v1/auth/signup'   | 'malformed JSON'             | '{"email":'                                                     || 400    | 'body'
        'POST'   | '/v1/auth/signup'   | 'an empty body'              | ''                                                              || 400    | 'body'
        'POST'   | '/v1/auth/signup'   | 'an array'                   | '[]'                                                            || 400    | 'body'
        'POST'   | '/v1/auth/signup'   | 'an unknown field'           | signupBody() + [role: 'owner']                                  || 400    | 'role'
        'POST'   | '/v1/auth/signup'   | 'a camelCase field'          | signupBody() + [avatarUrl: 'https://example.com/a.png']         || 400    | 'avatarUrl'
        'POST'   | '/v1/auth/signup'   | 'no email'                   | signupBody().findAll { it.key != 'email' }                      || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'an email without @'         | signupBody() + [email: 'not-an-email']                          || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'an email without domain'    | signupBody() + [email: 'ada@']                                  || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'an email without local part'| signupBody() + [email: '@example.com']                          || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'an email with a space'      | signupBody() + [email: 'ada lovelace@example.com']              || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'an email with two @'        | signupBody() + [email: 'ada@lovelace@example.com']              || 400    | 'email'
        'POST'   | '/v1/auth/signup'   | 'a 201-character name'       | signupBody() + [name: NAME_201]                                 || 400    | 'name'
        'POST'   | '/v1/auth/signup'   | 'a blank name'               | signupBody() + [name: '   ']                                    || 400    | 'name'
        'POST'   | '/v1/auth/signup'   | 'no password'                | signupBody().findAll { it.key != 'password' }                   || 400    | 'password'
        'POST'   | '/v1/auth/signup'   | 'a 1 MB body'                | signupBody() + [name: ONE_MEGABYTE]                             || 413    | 'body'
        'POST'   | '/v1/auth/login'    | 'malformed JSON'             | '{"email": "a@example.com", "password": }'                      || 400    | 'body'
        'POST'   | '/v1/auth/login'    | 'an unknown field'           | [email: 'a@example.com', password: 'x', remember: true]         || 400    | 'remember'
        'POST'   | '/v1/auth/login'    | 'an invalid email'           | [email: 'not-an-email', password: 'plenty-of-entropy-42']       || 400    | 'email'
        'POST'   | '/v1/auth/refresh'  | 'no refresh token'           | [:]                                                             || 400    | 'refresh_token'
        'POST'   | '/v1/auth/refresh'  | 'an unknown field'           | [refresh_token: 'x', grant_type: 'refresh_token']               || 400    | 'grant_type'
        'POST'   | '/v1/auth/logout'   | 'an unknown field'           | [refresh_token: 'x', everywhere: true]                          || 400    | 'everywhere'
        'PATCH'  | '/v1/agents/me'     | 'malformed JSON'             | '{"name": "Ada"'                                                || 400    | 'body'
        'PATCH'  | '/v1/agents/me'     | 'an unknown field'           | [name: 'Ada', role: 'owner']                                    || 400    | 'role'
        'PATCH'  | '/v1/agents/me'     | 'an invalid email'           | [email: 'ada@']                                                 || 400    | 'email'
        'PATCH'  | '/v1/agents/me'     | 'a 201-character name'       | [name: NAME_201]                                                || 400    | 'name'
        'PATCH'  | '/v1/agents/me'     | 'an empty name'              | [name: ' ']                                                     || 400    | 'name'
        'PATCH'  | '/v1/agents/me'     | 'a script avatar'            | [avatar_url: 'javascript:alert(1)']                             || 400    | 'avatar_url'
        'PATCH'  | '/v1/agents/me'     | 'a 1 MB body'                | [name: ONE_MEGABYTE]                                            || 413    | 'body'
        'POST'   | '/v1/auth/password' | 'a short new password'       | [current_password: PASSWORD, new_password: 'short']             || 400    | 'new_password'
        'POST'   | '/v1/auth/password' | 'a common new password'      | [current_password: PASSWORD, new_password: 'iloveyou123']       || 400    | 'new_password'
        'POST'   | '/v1/auth/password' | 'no current password'        | [new_password: 'an-even-better-secret']                         || 400    | 'current_password'
        'POST'   | '/v1/auth/password' | 'an unknown field'           | [current_password: PASSWORD, new_password: 'an-even-better-secret', confirm: 'x'] || 400 | 'confirm'
        'DELETE' | '/v1/agents/me'     | 'no password'                | [:]                                                             || 400    | 'password'
        'DELETE' | '/v1/agents/me'     | 'an unknown field'           | [password: PASSWORD, reason: 'bye']                             || 400    | 'reason'
        'POST'   | '/v1/auth/email-verification/confirm' | 'no token'  | [:]                                                            || 400    | 'token'
        'POST'   | '/v1/auth/email-verification/confirm' | 'a blank token' | [token: ' ']                                               || 400    | 'token'
        'POST'   | '/v1/auth/email-verification/confirm' | 'a 257-character token' | [token: 'x' * 257]                                 || 400    | 'token'
        'POST'   | '/v1/auth/email-verification/confirm' | 'an unknown field' | [token: 'x', email: 'a@example.com']                    || 400    | 'email'
        'POST'   | '/v1/auth/password-reset' | 'no email'             | [:]                                                             || 400    | 'email'
        'POST'   | '/v1/auth/password-reset' | 'an invalid email'     | [email: 'ada@']                                                 || 400    | 'email'
        'POST'   | '/v1/auth/password-reset' | 'an unknown field'     | [email: 'a@example.com', name: 'Ada']                           || 400    | 'name'
        'POST'   | '/v1/auth/password-reset/confirm' | 'no token'     | [new_password: 'an-even-better-secret']                         || 400    | 'token'
        'POST'   | '/v1/auth/password-reset/confirm' | 'no new password' | [token: 'x']                                                 || 400    | 'new_password'
        'POST'   | '/v1/auth/password-reset/confirm' | 'a short new password' | [token: 'x', new_password: 'short']                     || 400    | 'new_password'
        'POST'   | '/v1/auth/password-reset/confirm' | 'a common new password' | [token: 'x', new_password: 'iloveyou123']              || 400    | 'new_password'
        'POST'   | '/v1/auth/sign-in-code' | 'an invalid email'       | [email: 'not-an-email']                                         || 400    | 'email'
        'POST'   | '/v1/auth/sign-in-code' | 'an unknown field'       | [email: 'a@example.com', remember: true]                        || 400    | 'remember'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'no code'         | [email: 'a@example.com']                                        || 400    | 'code'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'five digits'     | [email: 'a@example.com', code: '12345']                         || 400    | 'code'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'seven digits'    | [email: 'a@example.com', code: '1234567']                       || 400    | 'code'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'letters'         | [email: 'a@example.com', code: 'abcdef']                        || 400    | 'code'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'Arabic-Indic digits' | [email: 'a@example.com', code: '\u0661\u0662\u0663\u0664\u0665\u0666'] || 400 | 'code'
        'POST'   | '/v1/auth/sign-in-code/verify' | 'no email'        | [code: '123456']                                                || 400    | 'email'
    }

    def 'every invalid field is named at once'() {
        when:
        def response = send(post('/v1/auth/signup', [email: 'nope', password: 'short', name: NAME_201]))

        then:
        response.status == 400
        response.body.errors*.field == ['email', 'name', 'password']
    }

    private static Map signupBody() {
        [email: uniqueEmail(), password: PASSWORD, name: 'Ada Lovelace']
    }

    /** Everything a request could write: agents, secrets, refresh tokens and outbox rows (whether the relay sent them yet aside). */
    private List state() {
        ["SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM agent t",
         "SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM refresh_token t",
         "SELECT md5(string_agg(t::text, ',' ORDER BY t.agent_id)) FROM email_verification t",
         "SELECT md5(string_agg(t::text, ',' ORDER BY t.agent_id)) FROM password_reset t",
         "SELECT md5(string_agg(t::text, ',' ORDER BY t.agent_id)) FROM sign_in_code t",
         "SELECT string_agg(event_id::text, ',' ORDER BY id) FROM outbox"].collect { query(it) }
    }
}
