package dev.zendo.platform.http

import io.micronaut.context.ApplicationContext
import io.micronaut.json.JsonMapper
import io.micronaut.serde.exceptions.SerdeException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** Pins the one framework message the error handling reads: how micronaut-serde reports an unknown field. */
class SerdeMessagesSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(['micronaut.serde.deserialization.ignore-unknown': false])

    def 'serde refuses an unknown field with the message SerdeMessages recognises, and nothing else with it'() {
        given:
        def mapper = context.getBean(JsonMapper)

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
