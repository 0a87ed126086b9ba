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

    /** Sends this request to {@code server}, with {@code pathValues} for the path parameters it leaves valid and {@code headers} added. */
    RawHttp.Reply send(URL server, Map<String, String> pathValues, Map<String, String> headers) {
        String path = operation.path.replaceAll(/\{([^}]+)}/) { whole, String name ->
            rawPathValues[name] ?: URLEncoder.encode(pathValues[name] ?: 'x', 'UTF-8')
        }
        Map<String, String> all = headers + (body != null && contentType ? ['Content-Type': contentType] : [:])
        RawHttp.send(server, operation.method, rawQuery ? "$path?$rawQuery" : path, all, body)
    }

    String toString() {
        "$operation with $problem"
    }
}
