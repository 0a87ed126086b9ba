package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * CORS for the widget API, which pages on customers' origins call. A preflight is answered at once for any origin: it
 * grants nothing, because an answer is readable only when it carries {@code Access-Control-Allow-Origin}. That is set
 * (to the request's own origin) on every answer to a request {@link WidgetOrigins} admitted for its website, whatever
 * its status, and on every error answer (4xx, 5xx), so the widget can read why it was refused (an unknown key, an
 * expired token, a page its website does not allow) and react. An error body holds nothing a direct call with the same
 * input would not get, and the API uses no cookies, so making it readable exposes nothing.
 */
@ServerFilter("/v1/widget/**")
class WidgetCorsFilter {

    private static final String METHODS = "GET, POST, PATCH";
    private static final String HEADERS = "Authorization, Content-Type";
    private static final String MAX_AGE = "600";
    private static final int ERRORS = 400;

    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (request.getMethod() != HttpMethod.OPTIONS || origin == null
                || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        return HttpResponse.noContent()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS)
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE)
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    @ResponseFilter
    void allow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return;
        }
        response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        request.getAttribute(WidgetOrigins.ADMITTED, String.class)
                .or(() -> response.code() >= ERRORS ? request.getHeaders().getOrigin() : Optional.empty())
                .ifPresent(origin -> response
                        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER));
    }
}
