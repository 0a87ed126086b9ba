package dev.zendo.testsupport.badinput

import spock.lang.Specification

/** The contract check finds every way an answer can depart from its document, and nothing in an answer that keeps to it. */
class OpenApiContractSpec extends Specification {

    static final String DOCUMENT = '''
openapi: 3.0.1
paths:
  /v1/things/{id}:
    get:
      responses:
        "200":
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
components:
  schemas:
    Thing:
      type: object
      required: [id, status]
      properties:
        id:
          type: string
        status:
          type: string
          enum: [open, closed]
        count:
          type: integer
        note:
          type: string
          nullable: true
        tags:
          type: array
          items:
            type: string
'''

    OpenApiContract contract = new OpenApiContract(new OpenApiDocument(DOCUMENT))

    def 'an answer with #description departs from the document: #violation'() {
        expect:
        contract.responseViolations('GET', '/v1/things/{id}', 200, [id: 't1', status: 'open'] + change) == [violation]

        where:
        description                | change                 | violation
        'an undocumented field'    | [colour: 'red']        | 'body.colour is not documented'
        'a value outside the enum' | [status: 'OPEN']       | "body.status is 'OPEN', not one of [open, closed]"
        'a string for an integer'  | [count: '3']           | 'body.count is not an integer'
        'null where not nullable'  | [count: null]          | 'body.count is null but not nullable'
        'a number in a string list'| [tags: ['a', 1]]       | 'body.tags[1] is not a string'
    }

    def 'a missing required field departs from the document'() {
        expect:
        contract.responseViolations('GET', '/v1/things/{id}', 200, [id: 't1']) == ['body.status is required but missing']
    }

    def 'an answer that keeps to the document has no violations'() {
        expect:
        contract.responseViolations('GET', '/v1/things/{id}', 200, [id: 't1', status: 'closed', count: 2, note: null, tags: ['a']]) == []
    }

    def 'an undocumented status is named'() {
        expect:
        contract.responseViolations('GET', '/v1/things/{id}', 404, [:]) == ['GET /v1/things/{id} does not document status 404']
    }
}
