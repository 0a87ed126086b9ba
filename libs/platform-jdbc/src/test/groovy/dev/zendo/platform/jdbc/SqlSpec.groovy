package dev.zendo.platform.jdbc

import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.sql.Connection
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** Sql binds the parameter kinds the services pass and maps nullable columns back, on a real PostgreSQL. */
class SqlSpec extends Specification {

    enum Colour { RED, GREEN }

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(TestInfra.properties('platform-jdbc', DATABASE, KAFKA) as Map<String, Object>, 'test')

    @Shared
    Sql sql = context.getBean(Sql)

    private <T> T inTransaction(Closure<T> work) {
        context.getBean(TransactionOperations).executeWrite { work.call() } as T
    }

    def 'a #kind parameter binds as #type'() {
        expect:
        inTransaction { sql.one("SELECT pg_typeof(?)::text AS type, (?)::text AS text", { row -> [row.getString('type'), row.getString('text')] },
                parameter, parameter) } == Optional.of([type, text])

        where:
        kind      | parameter                                                                  || type                       | text
        'instant' | Instant.parse('2026-01-02T03:04:05Z')                                      || 'timestamp with time zone' | '2026-01-02 03:04:05+00'
        'UUID[]'  | [UUID.fromString('00000000-0000-0000-0000-000000000001')] as UUID[]        || 'uuid[]'                   | '{00000000-0000-0000-0000-000000000001}'
        'list'    | ['a', 'b']                                                                 || 'text[]'                   | '{a,b}'
    }

    def 'an enum binds as its name and null as NULL'() {
        expect:
        inTransaction { sql.one('SELECT (?)::text AS name, (?)::text IS NULL AS missing', { row -> [row.getString('name'), row.getBoolean('missing')] },
                Colour.GREEN, null) } == Optional.of(['GREEN', true])
    }

    def 'nullable columns come back as null and values as themselves'() {
        given:
        def id = UUID.randomUUID()
        def at = Instant.parse('2026-05-06T07:08:09Z')

        when:
        def rows = inTransaction {
            sql.update('CREATE TABLE IF NOT EXISTS sample (id uuid, at timestamptz, small integer, big bigint)')
            sql.update('INSERT INTO sample VALUES (?, ?, ?, ?), (NULL, NULL, NULL, NULL)', id, at, 7, 8L)
            sql.list('SELECT * FROM sample ORDER BY id NULLS LAST', { row ->
                [Sql.uuid(row, 'id'), Sql.instant(row, 'at'), Sql.intOrNull(row, 'small'), Sql.longOrNull(row, 'big')]
            })
        }

        then:
        rows == [[id, at, 7, 8L], [null, null, null, null]]
    }

    def 'update answers how many rows it changed and one is empty when nothing matches'() {
        expect:
        inTransaction {
            sql.update('CREATE TABLE IF NOT EXISTS counted (n integer)')
            sql.update('INSERT INTO counted SELECT generate_series(1, 3)')
            [sql.update('DELETE FROM counted WHERE n > ?', 1), sql.one('SELECT n FROM counted WHERE n > ?', { row -> row.getInt(1) }, 5)]
        } == [2, Optional.empty()]
    }
}
