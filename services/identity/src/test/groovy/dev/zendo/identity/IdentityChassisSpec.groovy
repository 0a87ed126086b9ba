package dev.zendo.identity

import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.NOTIFICATIONS_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** The identity service keeps the promises every Zendo service makes operators. */
class IdentityChassisSpec extends ServiceChassisSpec {

    String service() { 'identity' }

    Class<?> application() { IdentityApplication }

    List<TestInfra.Need> needs() { [DATABASE, KAFKA, REDIS, SIGNING_KEYS, NOTIFICATIONS_SEAL_KEY] }
}
