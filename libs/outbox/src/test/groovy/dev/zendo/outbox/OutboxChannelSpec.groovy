package dev.zendo.outbox

import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionStatus
import spock.lang.AutoCleanup
import spock.lang.Shared

import javax.sql.DataSource
import java.sql.Connection
import java.util.concurrent.TimeUnit

/**
 * A relay wakes for notifications on its own schema's outbox channel from the service's other instances, and sleeps
 * through every other service's and through its own instance's.
 */
class OutboxChannelSpec extends OutboxSpecification {

    @Shared @AutoCleanup ApplicationContext context = start(database())

    def "a notification on #channel leaves the relay asleep, and one from another instance of its outbox wakes it"() {
        given:
        def listening = listening(new OutboxChannel())

        when:
        inTransaction(context) { TransactionStatus<Connection> status -> status.connection.createStatement().execute("SELECT pg_notify('$channel', '')") }

        then:
        !woken(listening.signal, 1)

        when:
        notifyFrom(new OutboxChannel())

        then:
        woken(listening.signal, 10)

        cleanup:
        listening?.stop()

        where:
        channel << ['zendo_outbox', 'zendo_outbox_identity', 'zendo_outbox_websites']
    }

    def "a relay sleeps through its own instance's notifications, which the relay or a commit of that instance sent"() {
        given:
        def own = new OutboxChannel()
        def listening = listening(own)

        when: 'its own instance notifies, as its relay does after every batch it publishes'
        3.times { notifyFrom(own) }

        then:
        !woken(listening.signal, 1)

        when: 'another instance notifies in the same transaction as its own instance'
        inTransaction(context) { TransactionStatus<Connection> status ->
            own.notifyOthers(status.connection)
            new OutboxChannel().notifyOthers(status.connection)
        }

        then:
        woken(listening.signal, 10)

        cleanup:
        listening?.stop()
    }

    /** A listener of {@code channel}'s instance, listening on its own thread once this returns. */
    private Listening listening(OutboxChannel channel) {
        def signal = new RelaySignal()
        def listener = new OutboxListener(context.getBean(DataSource), signal, channel, context.getBean(OutboxSettings))
        def listening = new Listening(signal: signal)
        listening.thread = Thread.start { listener.listen { listening.running } }
        assert woken(signal, 10): 'a listener wakes its relay once it listens'
        listening
    }

    private void notifyFrom(OutboxChannel instance) {
        inTransaction(context) { TransactionStatus<Connection> status -> instance.notifyOthers(status.connection) }
    }

    private static boolean woken(RelaySignal signal, int seconds) {
        signal.permits.tryAcquire(seconds, TimeUnit.SECONDS)
    }

    /** A listener's signal and thread. */
    private static class Listening {
        RelaySignal signal
        Thread thread
        volatile boolean running = true

        void stop() {
            running = false
            thread?.join(5_000)
        }
    }
}
