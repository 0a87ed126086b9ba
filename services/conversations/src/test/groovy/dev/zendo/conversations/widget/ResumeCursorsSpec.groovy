package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.events.SiteEvents
import dev.zendo.testsupport.TestInfra
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** A website's resume cursor, read from its topic by the sessions that start together. */
class ResumeCursorsSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()
    @Shared
    ResumeCursors cursors = api.context.getBean(ResumeCursors)

    def 'sessions of one website starting at once all get its cursor, and sessions of other websites theirs'() {
        given: 'four websites whose topics hold 0, 1, 2 and 3 records in partition 0'
        def sites = (0..3).collect { api.site() }
        sites.eachWithIndex { site, records ->
            cursors.current(site.id)
            write(SiteEvents.topic(site.id), records)
        }
        def pool = Executors.newFixedThreadPool(16)

        when:
        def reads = (1..96).collect { n -> sites[n % sites.size()] }
                .collect { site -> [site.id, pool.submit({ cursors.current(site.id) } as Callable<String>)] }
        def answers = reads.collect { id, answer -> [sites.findIndexOf { it.id == id }, decode(answer.get(30, TimeUnit.SECONDS))] }

        then:
        answers.every { records, cursor -> cursor == "v1:0=${records},1=0,2=0".toString() }

        cleanup:
        pool?.shutdownNow()
    }

    private static void write(String topic, int records) {
        new KafkaProducer<byte[], byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ProducerConfig.ACKS_CONFIG)             : 'all',
        ] as Map<String, Object>, new ByteArraySerializer(), new ByteArraySerializer()).withCloseable { producer ->
            records.times { producer.send(new ProducerRecord<byte[], byte[]>(topic, 0, null, "record ${it}".bytes)).get() }
        }
    }

    private static String decode(String cursor) {
        new String(Base64.urlDecoder.decode(cursor), 'UTF-8')
    }
}
