package dev.zendo.testsupport.badinput

/**
 * Checks real JSON against a served OpenAPI document: every field is documented under the name it has on the wire,
 * every required field is present, and every value has the documented JSON type (and, for enums, one of the documented values).
 */
class OpenApiContract {

    final OpenApiDocument document

    OpenApiContract(OpenApiDocument document) {
        this.document = document
    }

    /** What in {@code body}, answered with {@code status} by {@code method path} (a documented template), departs from the document. */
    List<String> responseViolations(String method, String path, int status, Object body) {
        Map operation = (document.document.paths[path] as Map)?.get(method.toLowerCase()) as Map
        if (operation == null) {
            return ["$method $path is not documented".toString()]
        }
        Map response = operation.responses?.get(status as String) as Map
        if (response == null) {
            return ["$method $path does not document status $status".toString()]
        }
        Map schema = response.content?.get('application/json')?.schema as Map
        schema == null ? ["$method $path documents no JSON body for $status".toString()] : violations(schema, body, 'body')
    }

    /** What in {@code body}, sent to {@code method path}, departs from its documented request body. */
    List<String> requestViolations(String method, String path, Object body) {
        OpenApiDocument.Operation operation = document.operations().find { it.method == method && it.path == path }
        operation?.body == null ? ["$method $path documents no request body".toString()] : violations(operation.body, body, 'body')
    }

    /** Property names of the component schemas that are not snake_case. */
    List<String> namesNotSnakeCase() {
        document.schemas().collectMany { String schema, Map definition ->
            (definition.properties as Map ?: [:]).keySet().findAll { !(it ==~ /[a-z][a-z0-9_]*/) }.collect { "$schema.$it".toString() }
        }
    }

    private List<String> violations(Map declared, Object value, String path) {
        Map schema = document.resolve(declared)
        if (value == null) {
            return schema.nullable ? [] : ["$path is null but not nullable".toString()]
        }
        String type = schema.type ?: (schema.properties ? 'object' : null)
        switch (type) {
            case 'object':
                if (!(value instanceof Map)) {
                    return ["$path is not an object".toString()]
                }
                Map properties = schema.properties as Map ?: [:]
                List<String> found = []
                if (!schema.additionalProperties) {
                    found += (value.keySet() - properties.keySet()).collect { "$path.$it is not documented".toString() }
                }
                found += ((schema.required ?: []) - value.keySet()).collect { "$path.$it is required but missing".toString() }
                properties.each { name, property ->
                    if (value.containsKey(name)) {
                        found += violations(property as Map, value[name], "$path.$name")
                    }
                }
                if (schema.additionalProperties instanceof Map) {
                    value.each { k, v -> found += violations(schema.additionalProperties as Map, v, "$path.$k") }
                }
                return found
            case 'array':
                if (!(value instanceof List)) {
                    return ["$path is not an array".toString()]
                }
                return (value as List).withIndex().collectMany { item, i -> schema.items ? violations(schema.items as Map, item, "$path[$i]") : [] }
            case 'string':
                if (!(value instanceof String)) {
                    return ["$path is not a string".toString()]
                }
                return schema.enum && !(value in (schema.enum as List)) ? ["$path is '$value', not one of ${schema.enum}".toString()] : []
            case 'integer':
                return value instanceof Integer || value instanceof Long || value instanceof BigInteger ? [] : ["$path is not an integer".toString()]
            case 'number':
                return value instanceof Number ? [] : ["$path is not a number".toString()]
            case 'boolean':
                return value instanceof Boolean ? [] : ["$path is not a boolean".toString()]
            default:
                return []
        }
    }
}
