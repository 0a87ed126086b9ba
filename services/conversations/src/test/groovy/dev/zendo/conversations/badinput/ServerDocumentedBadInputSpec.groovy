package dev.zendo.conversations.badinput

/** The generic bad-input probe over the server API, with the website's secret key. */
class ServerDocumentedBadInputSpec extends DocumentedBadInputSpecification {

    @Override
    String prefix() {
        '/v1/server/'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $site.secretKey".toString()]
    }
}
