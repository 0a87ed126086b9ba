package dev.zendo.platform.http

import io.micronaut.serde.ObjectMapper
import io.micronaut.serde.exceptions.SerdeException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Pins the one framework message the error handling reads: how micronaut-serde reports an unknown field. */
class SerdeMessagesSpec extends Specification {

    @Shared
    @AutoCleanup
    ObjectMapper.CloseableObjectMapper mapper = ObjectMapper.create(['micronaut.serde.deserialization.ignore-unknown': false], 'dev.zendo.platform.http')

    def 'serde refuses an unknown field with the message SerdeMessages recognises, and nothing else with it'() {
        when:
        mapper.readValue('{"status":400,"colour":"red"}', ApiError)

        then:
        def e = thrown(SerdeException)
        SerdeMessages.isUnknownProperty(e)

        when:
        mapper.readValue('{"status":"four hundred"}', ApiError)

        then:
        def wrongType = thrown(SerdeException)
        !SerdeMessages.isUnknownProperty(wrongType)
    }
}
