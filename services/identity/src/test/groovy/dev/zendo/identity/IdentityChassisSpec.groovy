package dev.zendo.identity

import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** The identity service keeps the promises every Zendo service makes operators. */
class IdentityChassisSpec extends ServiceChassisSpec {

    static {
        // The signing keys identity needs, where SIGNING_JWKS_FILE (set by surefire) points for this spec's contexts and processes.
        KeyTool.main('init', System.getenv('SIGNING_JWKS_FILE'))
    }

    String service() { 'identity' }

    Class<?> application() { IdentityApplication }

    List<TestInfra.Need> needs() { [DATABASE, KAFKA, REDIS] }
}
