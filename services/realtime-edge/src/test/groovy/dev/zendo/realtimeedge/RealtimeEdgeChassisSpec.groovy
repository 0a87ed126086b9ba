package dev.zendo.realtimeedge

import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** The realtime-edge service keeps the promises every Zendo service makes operators. */
class RealtimeEdgeChassisSpec extends ServiceChassisSpec {

    String service() { 'realtime-edge' }

    Class<?> application() { RealtimeEdgeApplication }

    List<TestInfra.Need> needs() { [KAFKA, REDIS] }

    def 'the edge links no JDBC, connection pool, Micronaut Data or Flyway'() {
        when:
        Class.forName(className, false, RealtimeEdgeApplication.classLoader)

        then:
        thrown(ClassNotFoundException)

        where:
        className << ['com.zaxxer.hikari.HikariDataSource', 'io.micronaut.data.jdbc.runtime.JdbcOperations',
                      'io.micronaut.data.runtime.config.DataSettings', 'org.flywaydb.core.Flyway',
                      'io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration']
    }
}
