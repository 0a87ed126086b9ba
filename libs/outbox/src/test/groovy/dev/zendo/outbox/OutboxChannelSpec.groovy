package dev.zendo.outbox

import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionStatus
import spock.lang.AutoCleanup
import spock.lang.Shared

import javax.sql.DataSource
import java.sql.Connection
import java.util.concurrent.TimeUnit

/** A relay wakes for notifications on its own schema's outbox channel, and sleeps through every other service's. */
class OutboxChannelSpec extends OutboxSpecification {

    @Shared @AutoCleanup ApplicationContext context = start(database())

    def "a notification on #channel leaves the relay asleep, and one from its own schema's outbox wakes it"() {
        given:
        def signal = new RelaySignal()
        def listener = new OutboxListener(context.getBean(DataSource), signal, context.getBean(OutboxSettings))
        boolean running = true
        def thread = Thread.start { listener.listen { running } }
        assert woken(signal, 10): 'a listener wakes its relay once it listens'

        when:
        notify(context, "SELECT pg_notify('$channel', '')")

        then:
        !woken(signal, 1)

        when:
        notify(context, OutboxChannel.NOTIFY)

        then:
        woken(signal, 10)

        cleanup:
        running = false
        thread?.join(5_000)

        where:
        channel << ['zendo_outbox', 'zendo_outbox_identity', 'zendo_outbox_websites']
    }

    private static void notify(ApplicationContext context, String sql) {
        inTransaction(context) { TransactionStatus<Connection> status -> status.connection.createStatement().execute(sql) }
    }

    private static boolean woken(RelaySignal signal, int seconds) {
        signal.permits.tryAcquire(seconds, TimeUnit.SECONDS)
    }
}
