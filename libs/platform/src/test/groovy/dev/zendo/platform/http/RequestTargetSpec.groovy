package dev.zendo.platform.http

import spock.lang.Specification

/** Paths and queries are percent-decoded strictly and held to the same text rules as bodies. */
class RequestTargetSpec extends Specification {

    def 'a path with #problem is refused'() {
        expect:
        RequestTarget.pathProblem(path).map { it.field() } == Optional.of('path')

        where:
        problem                 | path
        'a NUL'                 | '/v1/websites/a%00b'
        'an overlong /'         | '/v1/websites/%C0%AF'
        'an encoded surrogate'  | '/v1/websites/%ED%A0%80'
        'a broken escape'       | '/v1/websites/%Z1'
        'a cut-off escape'      | '/v1/websites/%4'
        'an escaped BOM'        | '/v1/websites/%EF%BB%BFx'
    }

    def 'a well-formed path passes: #path'() {
        expect:
        RequestTarget.pathProblem(path).empty

        where:
        path << ['/v1/websites', '/v1/websites/6f1c0e0a-7d0b-4f7e-9a59-2f1d0c4b7e11/groups', '/caf%C3%A9', '/']
    }

    def 'a query with #problem is refused naming #field'() {
        expect:
        RequestTarget.query(query).problem().map { it.field() } == Optional.of(field)

        where:
        problem                   | query                    || field
        'a NUL in a value'        | 'prefix=a%00b'           || 'prefix'
        'an overlong / in a value'| 'limit=5&prefix=%C0%AF'  || 'prefix'
        'a control character'     | 'q=a%07b'                || 'q'
        'a NUL in a name'         | 'a%00=1'                 || 'query'
    }

    def 'a query is decoded into its parameters'() {
        expect:
        RequestTarget.query('deleted=true&q=caf%C3%A9+bar&q=x&flag').parameters() == [deleted: ['true'], q: ['café bar', 'x'], flag: ['']]
    }
}
