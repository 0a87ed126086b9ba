package dev.zendo.testsupport.badinput

import groovy.json.JsonOutput

import java.nio.charset.StandardCharsets

/**
 * The bad requests to send to each documented operation, derived from its OpenAPI description: for every body field
 * the wrong JSON types and the text no field may hold, for every array a null element, for the body as a whole
 * trailing data, broken UTF-8 and wrong content types, and for every parameter NUL, broken or overlong UTF-8 and, for a
 * boolean, anything but true and false.
 */
class BadInputs {

    private static final String MARK = '@@bad-value@@'

    /** Text no string field may hold, as JSON string literals. */
    static final Map<String, String> BAD_TEXT = [
            'a NUL character'       : '"a\\u0000b"',
            'a lone high surrogate' : '"a\\ud800b"',
            'a lone low surrogate'  : '"a\\udc00b"',
            'a byte order mark'     : '"\\ufeffAda"',
            'a control character'   : '"a\\u0007b"',
            'a non-character'       : '"a\\uffffb"',
    ]

    /** JSON values of the wrong type, by the type a field declares. */
    static final Map<String, Map<String, String>> WRONG_TYPES = [
            string : ['a number': '5', 'a one-element array': '["x"]', 'an object': '{}', 'a boolean': 'true'],
            integer: ['a numeric string': '"5"', 'a fraction': '1.5', 'a one-element array': '[5]', 'a boolean': 'true'],
            boolean: ['a string': '"true"', 'a number': '1', 'a one-element array': '[true]'],
            array  : ['a string': '"x"', 'an object': '{}'],
            object : ['a string': '"x"', 'an array': '[{}]'],
    ]

    /** Every bad request for every operation of {@code document}. */
    static List<BadInput> of(OpenApiDocument document) {
        document.operations().collectMany { of(document, it) }
    }

    /** Every bad request for {@code operation}. */
    static List<BadInput> of(OpenApiDocument document, OpenApiDocument.Operation operation) {
        List<BadInput> inputs = []
        operation.pathParameters.each { name ->
            inputs << new BadInput(operation: operation, problem: "a NUL in $name", rawPathValues: [(name): 'a%00b'], field: 'path')
            inputs << new BadInput(operation: operation, problem: "an overlong UTF-8 / in $name", rawPathValues: [(name): '%C0%AF'], field: 'path')
            inputs << new BadInput(operation: operation, problem: "an encoded surrogate in $name", rawPathValues: [(name): '%ED%A0%80'], field: 'path')
        }
        operation.queryParameters.each { name, schema ->
            ['a NUL': 'a%00b', 'an overlong UTF-8 /': '%C0%AF', 'an encoded surrogate': '%ED%A0%80', 'a control character': 'a%07b'].each { problem, value ->
                inputs << new BadInput(operation: operation, problem: "$problem in $name", rawQuery: "$name=$value", field: name)
            }
            inputs << new BadInput(operation: operation, problem: "a broken escape in $name", rawQuery: "$name=%ZZ")
            if (schema.type == 'boolean') {
                ['yes', '1', 'on', 'TRUE', ''].each { value ->
                    inputs << new BadInput(operation: operation, problem: "$name=$value", rawQuery: "$name=$value", field: name)
                }
            }
            if (schema.type == 'integer') {
                inputs << new BadInput(operation: operation, problem: "$name=many", rawQuery: "$name=many", field: name)
            }
        }
        if (operation.body != null) {
            inputs.addAll(wholeBody(operation))
            fields(document, operation.body, []).each { path, schema ->
                inputs.addAll(forField(operation, path, schema))
            }
        }
        inputs
    }

    private static List<BadInput> wholeBody(OpenApiDocument.Operation operation) {
        def bad = { String problem, byte[] body, Map extra = [:] ->
            new BadInput([operation: operation, problem: problem, body: body, field: 'body'] + extra)
        }
        [bad('trailing garbage', bytes('{} garbage')),
         bad('two concatenated JSON objects', bytes('{}{}')),
         bad('a JSON value after the object', bytes('{} 5')),
         bad('a byte order mark before the JSON', concat([0xEF, 0xBB, 0xBF] as byte[], bytes('{}'))),
         bad('invalid UTF-8', concat(bytes('{"x":"'), [0xFF] as byte[], bytes('"}'))),
         bad('an overlong UTF-8 /', concat(bytes('{"x":"'), [0xC0, 0xAF] as byte[], bytes('"}'))),
         bad('a UTF-8 encoded surrogate', concat(bytes('{"x":"'), [0xED, 0xA0, 0x80] as byte[], bytes('"}'))),
         bad('nesting 2000 levels deep', bytes('[' * 2000 + ']' * 2000)),
         bad('no Content-Type', bytes('{}'), [contentType: null, status: 415, field: 'Content-Type']),
         bad('a text/plain Content-Type', bytes('{}'), [contentType: 'text/plain', status: 415, field: 'Content-Type']),
         bad('a form Content-Type', bytes('a=b'), [contentType: 'application/x-www-form-urlencoded', status: 415, field: 'Content-Type']),
         bad('a nonsense Content-Type', bytes('{}'), [contentType: 'nonsense', status: 415, field: 'Content-Type']),
         bad('a Latin-1 charset', bytes('{}'), [contentType: 'application/json; charset=ISO-8859-1', status: 415, field: 'Content-Type'])]
    }

    private static List<BadInput> forField(OpenApiDocument.Operation operation, List path, Map schema) {
        String field = name(path)
        List<BadInput> inputs = []
        def bad = { String problem, String json, String named = field ->
            inputs << new BadInput(operation: operation, problem: "$problem in $field", body: bytes(place(path, json)), field: named)
        }
        String type = schema.type ?: (schema.properties ? 'object' : null)
        if (type == 'string') {
            BAD_TEXT.each { problem, json -> bad(problem, json) }
        }
        if (type == 'array') {
            bad('a null element', '[null]', "${field}[0]")
        }
        WRONG_TYPES[type == 'number' ? 'integer' : type]?.each { problem, json -> bad(problem, json) }
        if (path.size() == 1) {
            inputs << new BadInput(operation: operation, problem: "$field given twice",
                    body: bytes("{\"${path[0]}\":null,\"${path[0]}\":null}"), field: field)
        }
        inputs
    }

    /** Every field of an object schema, depth first, each with its path (names and, for array items, index 0). */
    private static List<List> fields(OpenApiDocument document, Map schema, List path) {
        Map resolved = document.resolve(schema)
        (resolved.properties as Map<String, Map> ?: [:]).collectMany { String name, Map property ->
            Map field = document.resolve(property)
            List fieldPath = path + [name]
            List<List> found = [[fieldPath, field]]
            if (field.properties) {
                found.addAll(fields(document, field, fieldPath))
            }
            Map items = field.items ? document.resolve(field.items as Map) : null
            if (items?.properties) {
                found.addAll(fields(document, items, fieldPath + [0]))
            }
            found
        }
    }

    /** The JSON path as errors name it: {@code widget.pre_chat_fields[0].label}. */
    static String name(List path) {
        path.inject('') { String name, step -> step instanceof Integer ? "$name[$step]" : (name ? "$name.$step" : step) }
    }

    /** A body holding {@code json} at {@code path} and nothing else. */
    private static String place(List path, String json) {
        Object value = MARK
        path.reverse().each { step -> value = step instanceof Integer ? [value] : [(step): value] }
        JsonOutput.toJson(value).replace("\"$MARK\"", json)
    }

    private static byte[] concat(byte[]... parts) {
        def out = new ByteArrayOutputStream()
        parts.each { out.write(it) }
        out.toByteArray()
    }

    private static byte[] bytes(String text) {
        text.getBytes(StandardCharsets.UTF_8)
    }
}
