package dev.zendo.conversations.badinput

/** The generic bad-input probe over the widget API, as a visitor's page: its token, an allowed origin, its own address. */
class WidgetDocumentedBadInputSpec extends DocumentedBadInputSpecification {

    @Override
    String prefix() {
        '/v1/widget/'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $session.visitor_token".toString(), Origin: 'https://shop.example', 'X-Forwarded-For': '198.19.7.7']
    }
}
