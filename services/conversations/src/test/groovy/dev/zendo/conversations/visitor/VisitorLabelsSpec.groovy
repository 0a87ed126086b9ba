package dev.zendo.conversations.visitor

import spock.lang.Specification

/** Every visitor has a readable label derived from its id alone, the same everywhere and at every time. */
class VisitorLabelsSpec extends Specification {

    def 'the label of #id is #label, as it has always been (the word lists are append-only)'() {
        expect:
        VisitorLabels.of(UUID.fromString(id)) == label

        where:
        id                                     || label
        '00000000-0000-0000-0000-000000000000' || 'Jolly Camel 13'
        '11111111-2222-3333-4444-555555555555' || 'Jolly Turtle 69'
        '7f6e5d4c-3b2a-4190-8877-665544332211' || 'Rustic Ferret 13'
        'ffffffff-ffff-ffff-ffff-ffffffffffff' || 'Bright Meerkat 54'
    }

    def 'a label is an adjective, an animal and a number from 10 to 99, and the same on every call'() {
        given:
        def ids = (1..2000).collect { UUID.randomUUID() }

        when:
        def labels = ids.collect { VisitorLabels.of(it) }

        then:
        labels.every { it ==~ /[A-Z][a-z]+ [A-Z][a-z]+ [1-9][0-9]/ }
        ids.collect { VisitorLabels.of(it) } == labels

        and: 'every word of both lists and every number is used'
        labels.collect { it.split(' ')[0] }.toSet().size() == words('adjectives.txt').size()
        labels.collect { it.split(' ')[1] }.toSet().size() == words('animals.txt').size()
        labels.collect { it.split(' ')[2] as int }.toSet() == (10..99).toSet()
    }

    def 'the word lists have no duplicates and say they are append-only'() {
        expect:
        words(list).toSet().size() == words(list).size()
        VisitorLabels.getResource(list).text.contains('APPEND-ONLY')

        where:
        list << ['adjectives.txt', 'animals.txt']
    }

    private static List<String> words(String list) {
        VisitorLabels.getResource(list).text.readLines()*.trim().findAll { it && !it.startsWith('#') }
    }
}
