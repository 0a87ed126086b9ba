package dev.zendo.notifications

import dev.zendo.testsupport.ServiceChassisSpec
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.MAIL
import static dev.zendo.testsupport.TestInfra.Need.SEAL_OPENER_KEY
import static dev.zendo.testsupport.TestInfra.Need.WEBHOOK_SECRETS_KEYSET

/** The notifications service keeps the promises every Zendo service makes operators. */
class NotificationsChassisSpec extends ServiceChassisSpec {

    String service() { 'notifications' }

    Class<?> application() { NotificationsApplication }

    List<TestInfra.Need> needs() { [DATABASE, KAFKA, MAIL, SEAL_OPENER_KEY, WEBHOOK_SECRETS_KEYSET] }
}
