package dev.zendo.testsupport.badinput

import spock.lang.Specification

/**
 * Every documented operation of a service refuses every class of bad input {@link BadInputs} derives from the served
 * OpenAPI document with a 400 (415 for a body that is not JSON) in the project's JSON error format, naming the field
 * at fault (or a part of it, such as the item of a list given a single value), and changes nothing. A service's spec extends this and supplies the running server, valid credentials
 * and path parameters, and the state a request could change.
 */
abstract class OpenApiBadInputSpec extends Specification {

    /** The running service's base URL. */
    abstract URL server()

    /** The service's name, as in services/<name> and its document's name zendo-<name>-v1.yml. */
    abstract String service()

    /** Headers sent with every request, such as a valid Authorization, so only the bad input is at fault. */
    abstract Map<String, String> headers()

    /** A valid value for each path parameter, by name. */
    abstract Map<String, String> pathValues()

    /** Everything a request could change (rows of the service's tables and its outbox), to compare before and after. */
    abstract Object state()

    def '#input is refused with #input.status naming #input.field, and changes nothing'() {
        given:
        def before = state()

        when:
        def reply = input.send(server(), pathValues(), headers())

        then:
        reply.status == input.status
        reply.headers['content-type']?.startsWith('application/json')
        reply.json.status == input.status
        input.field == null || reply.json.errors*.field.any { it == input.field || it.startsWith(input.field + '[') || it.startsWith(input.field + '.') }

        and:
        state() == before

        where:
        input << badInputs()
    }

    /** The bad inputs of every operation of the served document. */
    List<BadInput> badInputs() {
        BadInputs.of(new OpenApiDocument(new URL(server(), "/swagger/zendo-${service()}-v1.yml").text))
    }
}
