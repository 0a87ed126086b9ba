package dev.zendo.conversations.agent

import dev.zendo.conversations.ConversationsApi
import dev.zendo.platform.jdbc.Sql
import groovy.json.JsonSlurperClassic
import io.micronaut.transaction.TransactionOperations
import spock.lang.Shared
import spock.lang.Specification

import java.sql.Connection
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * The inbox lists stay index scans at 100,000 conversations: no sequential scan of conversations and no sort of more
 * than a page per status, on the first page and deep behind a cursor. The plans are in docs/api.md.
 */
class InboxPlanSpec extends Specification {

    static final int CONVERSATIONS = 100_000

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    def setupSpec() {
        api.sql("""
            WITH s AS MATERIALIZED (
                SELECT i, gen_random_uuid() AS visitor_id,
                       CASE WHEN i % 10 < 2 THEN 'PENDING' WHEN i % 10 < 5 THEN 'ACTIVE' WHEN i % 10 < 7 THEN 'RESOLVED' ELSE 'CLOSED' END AS status
                FROM generate_series(1, $CONVERSATIONS) i),
            v AS (
                INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at)
                SELECT visitor_id, ?, 'Seeded Visitor ' || i, now(), now(), now() FROM s)
            INSERT INTO conversations (id, website_id, visitor_id, last_seq, current_thread_id, status, group_id, agent_id,
                                       last_message_at, last_message_preview, created_at, updated_at)
            SELECT gen_random_uuid(), ?, visitor_id, 3, gen_random_uuid(), status, ?,
                   CASE WHEN status = 'PENDING' THEN NULL ELSE 'agent-' || (i % 20) END,
                   now() - i * interval '1 second', 'Hello', now(), now()
            FROM s""".toString(), [site.id, site.id, site.groupId])
        api.sql('ANALYZE conversations')
        api.sql('ANALYZE visitors')
        api.sql('ANALYZE messages')
    }

    def cleanupSpec() {
        api.sql('DELETE FROM conversations WHERE website_id = ?', [site.id])
        api.sql('DELETE FROM visitors WHERE website_id = ?', [site.id])
    }

    def 'the #view list of #who is read from an index, with no sort of the whole set, #page'() {
        given:
        def filter = new InboxFilter(site.id, agentId, seesAll, InboxView.valueOf(view.toUpperCase()), null, null, null,
                page == 'first page' ? null : new InboxCursor(Instant.now().minus(30_000, ChronoUnit.SECONDS), UUID.randomUUID()), 25)

        when:
        def plan = explain(InboxQuery.page(filter))
        def nodes = flatten(plan.Plan)

        then:
        nodes.findAll { it.'Relation Name' == 'conversations' }.every { it.'Node Type' in ['Index Scan', 'Index Only Scan'] }
        nodes.findAll { it.'Relation Name' == 'conversations' }*.'Index Name'.every { it.startsWith('conversations_') }
        nodes.findAll { it.'Node Type' == 'Sort' }.every { it.'Actual Rows' <= 26 * view.size() }
        nodes.findAll { it.'Relation Name' == 'conversations' }.every { it.'Actual Rows' <= 26 }
        nodes.every { it.'Node Type' != 'Seq Scan' || it.'Relation Name' != 'conversations' }

        where:
        view     | who               | agentId    | seesAll | page
        'open'   | 'a supervisor'    | 'super-1'  | true    | 'first page'
        'open'   | 'a supervisor'    | 'super-1'  | true    | 'behind a cursor'
        'queue'  | 'a supervisor'    | 'super-1'  | true    | 'first page'
        'closed' | 'a supervisor'    | 'super-1'  | true    | 'behind a cursor'
        'mine'   | 'an agent'        | 'agent-3'  | false   | 'first page'
        'open'   | 'an agent'        | 'agent-3'  | false   | 'first page'
    }

    def 'the main list’s plan, as docs/api.md shows it'() {
        when:
        def plan = explainText(InboxQuery.page(new InboxFilter(site.id, 'super-1', true, InboxView.OPEN, null, null, null, null, 25)))
        println "Plan of the open list at $CONVERSATIONS conversations:\n$plan"

        then:
        plan.contains('conversations_inbox')
        !plan.contains('Seq Scan on conversations')
    }

    private Map explain(InboxQuery.Statement statement) {
        new JsonSlurperClassic().parseText(run('EXPLAIN (ANALYZE, FORMAT JSON) ' + statement.sql(), statement))[0] as Map
    }

    private String explainText(InboxQuery.Statement statement) {
        run('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' + statement.sql(), statement)
    }

    private String run(String sql, InboxQuery.Statement statement) {
        def transactions = api.context.getBean(TransactionOperations) as TransactionOperations<Connection>
        transactions.executeRead {
            api.context.getBean(Sql).list(sql, { row -> row.getString(1) } as Sql.RowMapper<String>, statement.arguments()).join('\n')
        }
    }

    private static List<Map> flatten(Map node) {
        [node] + (node.Plans ?: []).collectMany { flatten(it as Map) }
    }
}
