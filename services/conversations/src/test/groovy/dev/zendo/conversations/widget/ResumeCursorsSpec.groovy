package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
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
        given:
        def sites = (1..4).collect { api.site() }
        def expected = sites.collectEntries { [it.id, cursors.current(it.id)] }
        def pool = Executors.newFixedThreadPool(16)

        when:
        def reads = (1..96).collect { n -> sites[n % sites.size()] }
                .collect { site -> [site.id, pool.submit({ cursors.current(site.id) } as Callable<String>)] }
        def answers = reads.collect { id, answer -> [id, answer.get(30, TimeUnit.SECONDS)] }

        then:
        answers.every { id, cursor -> cursor == expected[id] }
        expected.values().every { new String(Base64.urlDecoder.decode(it), 'UTF-8') == 'v1:0=0,1=0,2=0' }

        cleanup:
        pool?.shutdownNow()
    }
}
