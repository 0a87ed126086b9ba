package dev.zendo.conversations.badinput

/** The generic bad-input probe over the agents' inbox API, as the website's owner. */
class InboxDocumentedBadInputSpec extends DocumentedBadInputSpecification {

    @Override
    String prefix() {
        '/v1/inbox/'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $site.owner.token".toString()]
    }
}
