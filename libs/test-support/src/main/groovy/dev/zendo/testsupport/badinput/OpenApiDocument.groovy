package dev.zendo.testsupport.badinput

import org.yaml.snakeyaml.LoaderOptions
import org.yaml.snakeyaml.Yaml
import org.yaml.snakeyaml.constructor.SafeConstructor

/** A service's served OpenAPI document, read as its operations with their parameters and request body schemas. */
class OpenApiDocument {

    private static final List<String> METHODS = ['get', 'post', 'put', 'patch', 'delete']

    final Map document

    OpenApiDocument(String yaml) {
        document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml) as Map
    }

    /** Every operation the document lists, in document order. */
    List<Operation> operations() {
        (document.paths as Map<String, Map> ?: [:]).collectMany { String path, Map item ->
            METHODS.findAll { item[it] }.collect { String method ->
                Map operation = item[method] as Map
                List<Map> parameters = ((item.parameters ?: []) + (operation.parameters ?: [])).collect { resolve(it as Map) }
                Map body = operation.requestBody ? resolve(operation.requestBody as Map) : null
                Map bodySchema = body?.content?.get('application/json')?.schema as Map
                new Operation(method: method.toUpperCase(), path: path,
                        pathParameters: parameters.findAll { it.in == 'path' }.collect { it.name as String },
                        queryParameters: parameters.findAll { it.in == 'query' }.collectEntries { [(it.name): resolve(it.schema as Map ?: [:])] },
                        body: bodySchema == null ? null : resolve(bodySchema))
            }
        }
    }

    /** Every object schema of the components, by name. */
    Map<String, Map> schemas() {
        (document.components?.schemas ?: [:]) as Map<String, Map>
    }

    /** {@code schema} with its {@code $ref} (and a single allOf, as micronaut-openapi writes for documented refs) followed. */
    Map resolve(Map schema) {
        if (schema?.'$ref') {
            String name = (schema.'$ref' as String).substring('#/components/schemas/'.length())
            return resolve(schemas()[name] as Map)
        }
        if (schema?.allOf instanceof List && (schema.allOf as List).size() == 1) {
            return resolve((schema.allOf as List)[0] as Map) + schema.findAll { it.key != 'allOf' }
        }
        schema
    }

    /** One documented operation. */
    static class Operation {
        String method
        String path
        List<String> pathParameters
        Map<String, Map> queryParameters
        Map body

        String toString() {
            "$method $path"
        }
    }
}
