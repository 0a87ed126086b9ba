package dev.zendo.conversations.presence

import dev.zendo.conversations.badinput.DocumentedBadInputSpecification

/** The generic bad-input probe over the conversations operations under /v1/websites/ (teammates' presence), as the website's owner. */
class PresenceDocumentedBadInputSpec extends DocumentedBadInputSpecification {

    @Override
    String prefix() {
        '/v1/websites/'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $site.owner.token".toString()]
    }
}
