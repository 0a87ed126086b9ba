package dev.zendo.platform.http

import spock.lang.Specification

/** The text no request may carry, in a body or a parameter. */
class TextPolicySpec extends Specification {

    def 'text with #what is refused: #message'() {
        expect:
        TextPolicy.problem(text) == Optional.of(message)

        where:
        what                  | text                 || message
        'a NUL'               | 'a\u0000b'           || 'must not contain a NUL character'
        'a lone high surrogate' | 'a\uD800'          || 'must not contain a lone UTF-16 surrogate'
        'a lone low surrogate'| '\uDC00a'            || 'must not contain a lone UTF-16 surrogate'
        'reversed surrogates' | '\uDE00\uD83D'       || 'must not contain a lone UTF-16 surrogate'
        'an escape character' | 'a\u001Bb'           || 'must not contain control characters'
        'a C1 control'        | 'a\u0085b'           || 'must not contain control characters'
        'DEL'                 | 'a\u007Fb'           || 'must not contain control characters'
        'a byte order mark'   | '\uFEFFAda'          || 'must not contain a byte order mark'
        'U+FFFF'              | 'a\uFFFF'            || 'must not contain a Unicode non-character'
        'U+1FFFE'             | 'a\uD83F\uDFFE'      || 'must not contain a Unicode non-character'
    }

    def 'text with #what passes'() {
        expect:
        TextPolicy.problem(text).empty

        where:
        what                  | text
        'letters of any script' | 'Zoë Ålund 山田 محمد'
        'an emoji'            | 'hi \uD83D\uDE00'
        'tabs and line breaks'| 'a\tb\r\nc'
        'nothing'             | ''
    }
}
