package dev.zendo.conversations

import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** The conversations service keeps the promises every Zendo service makes operators. */
class ConversationsChassisSpec extends ServiceChassisSpec {

    String service() { 'conversations' }

    Class<?> application() { ConversationsApplication }

    List<TestInfra.Need> needs() { [DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET] }
}
