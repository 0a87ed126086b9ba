package dev.zendo.platform.redis;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code redis[s]://[[user]:password@]host[:port][/db]} URL; user and password are URL-decoded.
 * {@link #toString()} masks the password, so the URL can be logged.
 *
 * @param tls      {@code rediss://}: connect over TLS
 * @param user     the ACL user; none for the default user
 * @param password the password; none when the server needs none
 * @param host     host name or address
 * @param port     port, 6379 when not given
 * @param database database number, 0 when not given
 */
public record RedisUrl(boolean tls, @Nullable String user, @Nullable String password, String host, int port, int database) {

    /** What every bad URL's message says; it never repeats the URL, which may hold a password. */
    public static final String FORM = "must look like redis://host:port (in full: redis[s]://[[user]:password@]host[:port][/db])";

    private static final Pattern PATH = Pattern.compile("(?:/(\\d{1,5})?)?");

    /** Parses {@code url}; an {@link IllegalArgumentException} naming the expected form when it is not one. */
    public static RedisUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException(FORM);
        }
        boolean tls = "rediss".equals(uri.getScheme());
        Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!(tls || "redis".equals(uri.getScheme())) || uri.getHost() == null || uri.getPort() > 65535
                || !path.matches() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(FORM);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            int colon = uri.getRawUserInfo().indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(FORM + ": a user needs a password, as user:password@");
            }
            user = colon == 0 ? null : decode(uri.getRawUserInfo().substring(0, colon));
            password = decode(uri.getRawUserInfo().substring(colon + 1));
        }
        int database = path.group(1) == null ? 0 : Integer.parseInt(path.group(1));
        return new RedisUrl(tls, user, password, uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database);
    }

    @Override
    public String toString() {
        String credentials = password == null ? "" : (user == null ? "" : user) + ":***@";
        return (tls ? "rediss" : "redis") + "://" + credentials + host + ":" + port + "/" + database;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORM + ": bad %-escape in the user or password");
        }
    }
}
