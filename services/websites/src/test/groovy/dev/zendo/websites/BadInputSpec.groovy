package dev.zendo.websites

import spock.lang.Shared
import spock.lang.Specification

/**
 * Bad input gets a 400 whose JSON body names the field, never a 500, and changes nothing: malformed JSON, unknown
 * fields, invalid emails, host names, origins, colours, time zones, over-long values. Wrong JSON types, repeated fields
 * and the wire-level classes for every documented field are DocumentedBadInputSpec's.
 */
class BadInputSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    @Shared
    WebsitesApi.FurnishedWebsite furnished = api.furnishedWebsite()

    @Shared
    WebsitesApi.Agent owner = furnished.owner

    @Shared
    Map website = furnished.website

    @Shared
    Map group = furnished.group

    @Shared
    Map canned = furnished.canned

    def 'creating a website with #problem is a 400 naming #field, and creates nothing'() {
        given:
        def agent = api.agent()

        when:
        def reply = api.call('POST', '/v1/websites', agent.token, body)

        then:
        reply.status == 400
        reply.contentType.startsWith('application/json')
        reply.body.status == 400
        reply.body.error == 'invalid_request'
        reply.body.errors*.field.contains(field)
        api.call('GET', '/v1/websites', agent.token).body == []

        where:
        problem                          | body                                                                               || field
        'no name'                        | [domains: []]                                                                      || 'name'
        'a blank name'                   | [name: '  ']                                                                       || 'name'
        'a name of 201 characters'       | [name: 'x' * 201]                                                                  || 'name'
        'an unknown field'               | [name: 'Shop', colour: '#fff']                                                     || 'colour'
        'an unknown widget field'        | [name: 'Shop', widget: [colour: '#fff']]                                           || 'widget.colour'
        'a domain with a space'          | [name: 'Shop', domains: ['not a host']]                                            || 'domains[0]'
        'a domain with a path'           | [name: 'Shop', domains: ['shop.example/x']]                                        || 'domains[0]'
        'an origin with a path'          | [name: 'Shop', allowed_origins: ['https://shop.example/']]                          || 'allowed_origins[0]'
        'an origin without scheme'       | [name: 'Shop', allowed_origins: ['shop.example']]                                   || 'allowed_origins[0]'
        'an ftp origin'                  | [name: 'Shop', allowed_origins: ['ftp://shop.example']]                             || 'allowed_origins[0]'
        'an origin with a bad port'      | [name: 'Shop', allowed_origins: ['https://shop.example:99999']]                     || 'allowed_origins[0]'
        '51 domains'                     | [name: 'Shop', domains: (1..51).collect { "d${it}.example" }]                      || 'domains'
        'a colour name'                  | [name: 'Shop', widget: [color: 'blue']]                                            || 'widget.color'
        'a five-digit colour'            | [name: 'Shop', widget: [color: '#12345']]                                          || 'widget.color'
        'a position in the middle'       | [name: 'Shop', widget: [position: 'middle']]                                       || 'widget.position'
        'a language that is no tag'      | [name: 'Shop', widget: [language: 'english!']]                                     || 'widget.language'
        'a greeting of 501 characters'   | [name: 'Shop', widget: [greeting: 'x' * 501]]                                      || 'widget.greeting'
        'an away message of 501 chars'   | [name: 'Shop', widget: [away_message: 'x' * 501]]                                   || 'widget.away_message'
        '11 pre-chat fields'             | [name: 'Shop', widget: [pre_chat_fields: (1..11).collect { [kind: 'custom', label: "F$it"] }]] || 'widget.pre_chat_fields'
        'a pre-chat field of no kind'    | [name: 'Shop', widget: [pre_chat_fields: [[kind: 'age', label: 'Age']]]]             || 'widget.pre_chat_fields[0].kind'
        'a pre-chat field without label' | [name: 'Shop', widget: [pre_chat_fields: [[kind: 'email', label: '']]]]              || 'widget.pre_chat_fields[0].label'
        'an unknown time zone'           | [name: 'Shop', widget: [business_hours: [time_zone: 'Mars/Olympus', days: [:]]]]     || 'widget.business_hours.time_zone'
        'an offset for a time zone'      | [name: 'Shop', widget: [business_hours: [time_zone: '+01:00', days: [:]]]]           || 'widget.business_hours.time_zone'
        'an unknown weekday'             | [name: 'Shop', widget: [business_hours: [time_zone: 'UTC', days: [funday: []]]]]     || 'widget.business_hours.days.funday'
        'a time that is not HH:mm'       | [name: 'Shop', widget: [business_hours: [time_zone: 'UTC', days: [monday: [[from: '9:00', to: '17:00']]]]]] || 'widget.business_hours.days.monday[0].from'
        'a range that ends first'        | [name: 'Shop', widget: [business_hours: [time_zone: 'UTC', days: [monday: [[from: '17:00', to: '09:00']]]]]] || 'widget.business_hours.days.monday[0]'
        'a session of no hours'          | [name: 'Shop', widget: [visitor_session_hours: 0]]                                  || 'widget.visitor_session_hours'
        'a session of negative hours'    | [name: 'Shop', widget: [visitor_session_hours: -1]]                                 || 'widget.visitor_session_hours'
        'a session over a week'          | [name: 'Shop', widget: [visitor_session_hours: 169]]                                || 'widget.visitor_session_hours'
        'a session of fractional hours'  | [name: 'Shop', widget: [visitor_session_hours: 1.5]]                                || 'widget.visitor_session_hours'
        'a session of hours as text'     | [name: 'Shop', widget: [visitor_session_hours: '24']]                               || 'widget.visitor_session_hours'
        'a sneak peek as text'           | [name: 'Shop', widget: [sneak_peek: 'true']]                                        || 'widget.sneak_peek'
        'a sneak peek as a number'       | [name: 'Shop', widget: [sneak_peek: 1]]                                             || 'widget.sneak_peek'
    }

    def 'a body that is #problem is a 400 naming #field'() {
        when:
        def reply = api.call('POST', '/v1/websites', owner.token, body)

        then:
        reply.status == 400
        reply.body.error == 'invalid_request'
        reply.body.errors*.field == [field]

        where:
        problem           | body                         || field
        'malformed JSON'  | '{"name": '                  || 'body'
        'a form'          | 'name=Shop'                  || 'body'
        'a JSON array'    | '[1, 2]'                     || 'body'
        'a JSON string'   | '"Shop"'                     || 'body'
        'empty'           | ''                           || 'body'
    }

    def 'a body over 1 MB is refused with a JSON error before it is read, and nothing is created'() {
        given:
        def agent = api.agent()

        when:
        def reply = api.call('POST', '/v1/websites', agent.token, [name: 'Shop', widget: [greeting: 'x' * (1024 * 1024)]])

        then:
        reply.status == 413
        reply.body.error == 'payload_too_large'
        reply.body.errors*.field == ['body']
        api.call('GET', '/v1/websites', agent.token).body == []
    }

    def '#method #path with #problem is a 400 naming #field, and changes nothing'() {
        given:
        def before = snapshot()

        when:
        def reply = api.call(method, path.replace('{w}', website.id).replace('{g}', group.id).replace('{c}', canned.id)
                .replace('{me}', owner.id), owner.token, body)

        then:
        reply.status == 400
        reply.body.errors*.field.contains(field)
        snapshot() == before

        where:
        method  | path                                | problem                      | body                                         || field
        'PATCH' | '/v1/websites/{w}'                  | 'a name of 201 characters'   | [name: 'x' * 201]                            || 'name'
        'PATCH' | '/v1/websites/{w}'                  | 'a blank name'               | [name: ' ']                                  || 'name'
        'PATCH' | '/v1/websites/{w}'                  | 'a bad origin and a good name' | [name: 'Renamed', allowed_origins: ['https://x.example/path']] || 'allowed_origins[0]'
        'PATCH' | '/v1/websites/{w}'                  | 'an unknown field'           | [name: 'Renamed', plan: 'gold']              || 'plan'
        'POST'  | '/v1/websites/{w}/invitations'      | 'an invalid email'           | [email: 'not-an-email', role: 'agent']       || 'email'
        'POST'  | '/v1/websites/{w}/invitations'      | 'an email without domain'    | [email: 'ada@', role: 'agent']               || 'email'
        'POST'  | '/v1/websites/{w}/invitations'      | 'an unknown role'            | [email: 'ada@example.com', role: 'king']     || 'role'
        'POST'  | '/v1/websites/{w}/invitations'      | 'no role'                    | [email: 'ada@example.com']                   || 'role'
        'PATCH' | '/v1/websites/{w}/members/{me}'     | 'a chat limit that is text'  | [max_concurrent_chats: 'many']                 || 'max_concurrent_chats'
        'PATCH' | '/v1/websites/{w}/members/{me}'     | 'a chat limit of 1000'       | [max_concurrent_chats: 1000]                   || 'max_concurrent_chats'
        'PATCH' | '/v1/websites/{w}/members/{me}'     | 'an unknown role'            | [role: 'god']                                || 'role'
        'POST'  | '/v1/websites/{w}/groups'           | 'an unknown routing'         | [name: 'Support', routing: 'random']         || 'routing'
        'POST'  | '/v1/websites/{w}/groups'           | 'a name of 201 characters'   | [name: 'x' * 201]                            || 'name'
        'PATCH' | '/v1/websites/{w}/groups/{g}'       | 'default set to false'       | [is_default: false]                           || 'is_default'
        'POST'  | '/v1/websites/{w}/canned-responses' | 'a shortcut with a space'    | [shortcut: 'good bye', text: 'Bye']          || 'shortcut'
        'POST'  | '/v1/websites/{w}/canned-responses' | 'no text'                    | [shortcut: 'bye']                            || 'text'
        'PATCH' | '/v1/websites/{w}/canned-responses/{c}' | 'a text of 5001 characters' | [text: 'x' * 5001]                         || 'text'
        'POST'  | '/v1/websites/{w}/keys/rotate'      | 'an unknown kind'            | [kind: 'private']                            || 'kind'
        'POST'  | '/v1/invitations/accept'            | 'no token'                   | [:]                                          || 'token'
        'GET'   | '/v1/websites/{w}/canned-responses?limit=5000' | 'a limit of 5000'  | null                                  || 'limit'
        'GET'   | '/v1/websites/{w}/canned-responses?limit=many' | 'a limit that is text' | null                              || 'limit'
    }

    def 'a caller without a valid token learns nothing about its bad input: #problem is a 401'() {
        expect:
        api.call(method, path.replace('{w}', website.id), null, body).status == 401

        where:
        problem                | method  | path               | body
        'an unknown field'     | 'POST'  | '/v1/websites'     | [name: 'Shop', plan: 'gold']
        'malformed JSON'       | 'PATCH' | '/v1/websites/{w}' | '{"name": '
        'a blank name'         | 'PATCH' | '/v1/websites/{w}' | [name: ' ']
        'an id that is no id'  | 'GET'   | '/v1/websites/42'  | null
    }

    def 'an id that is no UUID is a 400 naming it'() {
        when:
        def reply = api.call('GET', '/v1/websites/42/groups', owner.token)

        then:
        reply.status == 400
        reply.body.errors*.field == ['websiteId']
    }

    /** Everything the bad requests above could have changed. */
    private List snapshot() {
        ['SELECT name, domains::text, allowed_origins::text, widget::text, updated_at FROM websites ORDER BY id',
         'SELECT agent_id, role, max_concurrent_chats FROM members ORDER BY id',
         'SELECT id FROM invitations ORDER BY id',
         'SELECT id, name, routing, default_group FROM agent_groups ORDER BY id',
         'SELECT id, shortcut, text FROM canned_responses ORDER BY id',
         'SELECT id, expires_at FROM api_keys ORDER BY id',
         'SELECT count(*) FROM outbox'].collect { api.sql(it) }
    }
}
