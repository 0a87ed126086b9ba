package dev.zendo.platform.http

import spock.lang.Specification

import java.nio.charset.StandardCharsets

/** The wire rules of every JSON request body, each refusal naming the field as the client spelled it. */
class StrictJsonBodySpec extends Specification {

    def 'a body with #problem is refused naming #field: #message'() {
        when:
        def refusal = StrictJsonBody.problem(body instanceof String ? body.getBytes(StandardCharsets.UTF_8) : body as byte[])

        then:
        refusal.present
        refusal.get().field() == field
        refusal.get().message() == message

        where:
        problem                      | body                                             || field                 | message
        'nothing in it'              | ''                                               || 'body'                | 'is required'
        'trailing garbage'           | '{"a":1} x'                                      || 'body'                | 'is not valid JSON'
        'two objects'                | '{"a":1}{"a":2}'                                 || 'body'                | 'must hold exactly one JSON value, with nothing after it'
        'a number after the object'  | '{} 5'                                           || 'body'                | 'must hold exactly one JSON value, with nothing after it'
        'an overlong /'              | bytes('{"a":"', 0xC0, 0xAF, '"}')                || 'body'                | 'is not valid UTF-8'
        'an encoded surrogate'       | bytes('{"a":"', 0xED, 0xA0, 0x80, '"}')          || 'body'                | 'is not valid UTF-8'
        'a repeated field'           | '{"a":1,"b":{"c":1,"c":2}}'                      || 'b.c'                 | 'is given more than once'
        'a null in an array'         | '{"a":["x",null]}'                               || 'a[1]'                | 'must not be null'
        'a null deep in arrays'      | '{"a":[{"b":[[null]]}]}'                         || 'a[0].b[0][0]'        | 'must not be null'
        'a NUL in a string'          | '{"a":{"b":"x\\u0000y"}}'                        || 'a.b'                 | 'must not contain a NUL character'
        'a lone high surrogate'      | '{"a":["ok","\\ud800"]}'                         || 'a[1]'                | 'must not contain a lone UTF-16 surrogate'
        'a lone low surrogate'       | '{"a":"\\udc00x"}'                               || 'a'                   | 'must not contain a lone UTF-16 surrogate'
        'a byte order mark'          | '{"a":"\\ufeffAda"}'                             || 'a'                   | 'must not contain a byte order mark'
        'a bell character'           | '{"a":"\\u0007"}'                                || 'a'                   | 'must not contain control characters'
        'a NUL in a field name'      | '{"a":{"x\\u0000":1}}'                           || 'a'                   | 'has a field name that must not contain a NUL character'
        'a NUL in a root string'     | '"\\u0000"'                                      || 'body'                | 'must not contain a NUL character'
    }

    def 'a free-text field may hold #what, which the service cleans, while other fields may not'() {
        expect:
        StrictJsonBody.problem(body.getBytes(StandardCharsets.UTF_8), ['body', 'first_message.body'] as Set).empty
        StrictJsonBody.problem(body.replace('"body"', '"name"').getBytes(StandardCharsets.UTF_8), ['body', 'first_message.body'] as Set).present

        where:
        what                    | body
        'a bell character'      | '{"body":"ding\\u0007"}'
        'a NUL character'       | '{"first_message":{"body":"a\\u0000b"}}'
        'a byte order mark'     | '{"body":"\\ufeffhi"}'
        'a lone surrogate'      | '{"first_message":{"body":"\\ud800"}}'
    }

    def 'the free-text fields of a request record are found through nested records'() {
        expect:
        FreeTextFields.of(Outer) == ['note', 'first_message.body'] as Set
    }

    /** A request with a free-text field of its own and one in a nested record. */
    record Inner(String clientMsgId, @FreeText String body) {
    }

    /** The outer request. */
    record Outer(String name, @FreeText String note, Inner firstMessage) {
    }

    def 'a body with #what is accepted'() {
        expect:
        StrictJsonBody.problem(body.getBytes(StandardCharsets.UTF_8)).empty

        where:
        what                            | body
        'nested objects and arrays'     | '{"a":[{"b":[1,2]},{"b":[]}],"c":{"d":null}}'
        'a null field'                  | '{"a":null}'
        'tabs and line breaks'          | '{"a":"one\\ttwo\\r\\nthree"}'
        'emoji (surrogate pairs)'       | '{"a":"\\ud83d\\ude00 😀"}'
        'the same name in two objects'  | '{"a":{"x":1},"b":{"x":1}}'
        'white space after the value'   | '{"a":1}  \n'
    }

    private static byte[] bytes(Object... parts) {
        def out = new ByteArrayOutputStream()
        parts.each { it instanceof String ? out.write(it.getBytes(StandardCharsets.UTF_8)) : out.write(it as int) }
        out.toByteArray()
    }
}
