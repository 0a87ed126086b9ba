package dev.zendo.websites

import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.INVITATION_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** The websites service keeps the promises every Zendo service makes operators. */
class WebsitesChassisSpec extends ServiceChassisSpec {

    String service() { 'websites' }

    Class<?> application() { WebsitesApplication }

    List<TestInfra.Need> needs() { [DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY] }
}
