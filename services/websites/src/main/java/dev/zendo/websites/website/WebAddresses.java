package dev.zendo.websites.website;

/** What a website's domains and allowed origins look like, as regular expressions for {@code @Pattern}. */
final class WebAddresses {

    private static final String LABEL = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final String HOST = "(" + LABEL + "\\.)*" + LABEL;
    private static final String PORT = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})";

    /** A host name such as {@code example.com}, optionally a wildcard for its subdomains ({@code *.example.com}). */
    static final String DOMAIN = "(\\*\\.)?" + HOST;
    static final String DOMAIN_MESSAGE = "must be a host name such as example.com or *.example.com";

    /** A browser origin: scheme, host and optional port, with no path, such as {@code https://example.com:8443}. */
    static final String ORIGIN = "https?://" + HOST + "(:" + PORT + ")?";
    static final String ORIGIN_MESSAGE = "must be an origin such as https://example.com, with no path";

    private WebAddresses() {
    }
}
