package dev.zendo.testsupport.badinput

/** One bad request for one documented operation, and the refusal it must get. */
class BadInput {
    OpenApiDocument.Operation operation
    /** What is wrong, as a sentence fragment. */
    String problem
    /** Path parameter values to use as given (already percent-encoded), by name; the others come from the spec. */
    Map<String, String> rawPathValues = [:]
    /** The raw (percent-encoded) query, without '?'. */
    String rawQuery
    /** The Content-Type header, or null to send none. */
    String contentType = 'application/json'
    /** The body's bytes, or null for none. */
    byte[] body
    /** The status it must be refused with. */
    int status = 400
    /** The field the error must name; null where the HTTP server refuses the request before any endpoint, naming none. */
    String field

    String toString() {
        "$operation with $problem"
    }
}
