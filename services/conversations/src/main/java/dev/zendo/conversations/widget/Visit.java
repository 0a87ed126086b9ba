package dev.zendo.conversations.widget;

/**
 * Where a visitor's request came from.
 *
 * @param userAgent its {@code User-Agent}, may be null
 * @param clientIp  its address (see {@link dev.zendo.platform.http.ClientAddresses})
 * @param locale    the locale the widget named, may be null
 */
record Visit(String userAgent, String clientIp, String locale) {
}
