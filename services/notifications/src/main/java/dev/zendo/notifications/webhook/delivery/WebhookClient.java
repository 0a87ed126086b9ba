package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.webhook.WebhookSettings;
import dev.zendo.notifications.webhook.ssrf.BlockedAddressException;
import dev.zendo.notifications.webhook.ssrf.DestinationGuard;
import dev.zendo.notifications.webhook.ssrf.GuardedDnsResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * POSTs webhook deliveries: connects only to addresses {@link DestinationGuard} checked, follows no redirect, retries
 * nothing by itself, keeps no cookies, and gives up an attempt after {@code attempt-timeout} in all (connecting,
 * sending and reading included). Reads at most the first kilobyte of an answer as its excerpt.
 */
@Singleton
class WebhookClient {

    /** The most bytes of an answer kept as its excerpt. */
    static final int EXCERPT_BYTES = 1024;
    /** The most bytes of an answer read past the excerpt so the connection can be reused; a longer answer closes it. */
    private static final int DRAIN_BYTES = 64 * 1024;
    private static final int MAX_ERROR_LENGTH = 500;

    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final long timeoutMillis;

    WebhookClient(DestinationGuard guard, WebhookSettings settings) {
        this.timeoutMillis = settings.attemptTimeout().toMillis();
        Timeout timeout = Timeout.ofMilliseconds(timeoutMillis);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnTotal(settings.concurrency() * 2)
                        .setMaxConnPerRoute(settings.concurrency())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Zendo-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** POSTs {@code body} with {@code headers} to {@code url}; never throws. */
    AttemptResult post(String url, String body, Map<String, String> headers) {
        long started = System.nanoTime();
        HttpPost post;
        try {
            post = new HttpPost(url);
        } catch (IllegalArgumentException e) {
            return AttemptResult.notSent("invalid URL");
        }
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(RoutingSupport.determineHost(post), post, null)) {
            String excerpt = excerpt(response.getEntity(), post);
            return new AttemptResult(response.getCode(), millisSince(started), excerpt, redirect(response.getCode()));
        } catch (IOException | HttpException | RuntimeException e) {
            String error = timedOut.get() ? "timed out after " + timeoutMillis + " ms" : describe(e);
            return new AttemptResult(null, millisSince(started), null, error);
        } finally {
            deadline.cancel(false);
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    private static String redirect(int status) {
        return status >= 300 && status < 400 ? "redirects are not followed" : null;
    }

    /**
     * The first kilobyte of the answer as text. The rest is read up to {@link #DRAIN_BYTES} so the connection can serve
     * the next delivery; a longer answer is not read on: the connection is dropped instead.
     */
    private static String excerpt(HttpEntity entity, HttpPost post) throws IOException {
        if (entity == null) {
            return null;
        }
        InputStream in = entity.getContent();
        byte[] head = in.readNBytes(EXCERPT_BYTES);
        if (in.readNBytes(DRAIN_BYTES).length == DRAIN_BYTES && in.read() != -1) {
            post.cancel();
        } else {
            in.close();
        }
        return head.length == 0 ? null : text(head);
    }

    /** The bytes as UTF-8 text (a character cut at the end or malformed becomes U+FFFD), without control characters. */
    private static String text(byte[] bytes) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            decoded = new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder clean = new StringBuilder(decoded.length());
        decoded.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c));
        return clean.toString();
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BlockedAddressException)) {
            cause = cause.getCause();
        }
        String message = cause instanceof BlockedAddressException ? cause.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
