package dev.zendo.realtimeedge.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.zendo.auth.token.CheckedSignatures;
import dev.zendo.auth.token.TokenVerifier;
import dev.zendo.realtimeedge.config.CredentialSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import redis.clients.jedis.JedisPooled;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies {@code auth} tokens off the event loops: agents' realtime tickets against websites' keys, visitors' session
 * tokens against conversations' keys. The issuer picks the key set; the verified claims must then carry the right
 * {@code token_use} and the claims the edge needs. With a secret for them, signatures any node checked are shared
 * ({@link RedisCheckedSignatures}), so a node taking over a herd of reconnecting clients does not check them again.
 */
@Singleton
public class CredentialVerifier {

    private static final int QUEUE = 65_536;

    private final CredentialSettings settings;
    private final TokenVerifier tickets;
    private final TokenVerifier visitors;
    private final ExecutorService executor;

    CredentialVerifier(CredentialSettings settings, JedisPooled redis, MeterRegistry registry) {
        this.settings = settings;
        CheckedSignatures checkedSignatures = settings.sharesCheckedSignatures()
                ? new RedisCheckedSignatures(redis, registry, settings.checkedSignaturesSecret())
                : CheckedSignatures.NONE;
        this.tickets = TokenVerifier.remote(settings.ticketsJwksUrl(), settings.cacheTtl(), settings.refetchInterval(),
                settings.ticketsIssuer(), settings.audience(), checkedSignatures);
        this.visitors = TokenVerifier.remote(settings.visitorsJwksUrl(), settings.cacheTtl(), settings.refetchInterval(),
                settings.visitorsIssuer(), settings.audience(), checkedSignatures);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.verifierThreads(), settings.verifierThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "edge-auth-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The token's credentials, or empty when it is not a valid ticket or visitor token; completes on a verifier thread. */
    public CompletableFuture<Optional<Credentials>> verify(String token) {
        return CompletableFuture.supplyAsync(() -> verifyNow(token), executor);
    }

    private Optional<Credentials> verifyNow(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (settings.ticketsIssuer().equals(issuer)) {
            return tickets.verify(token).flatMap(CredentialVerifier::agent);
        }
        if (settings.visitorsIssuer().equals(issuer)) {
            return visitors.verify(token).flatMap(CredentialVerifier::visitor);
        }
        return Optional.empty();
    }

    private static Optional<Credentials> agent(JWTClaimsSet claims) {
        if (!"realtime".equals(claims.getClaim("token_use")) || !(claims.getClaim("websites") instanceof List<?> named)) {
            return Optional.empty();
        }
        Map<UUID, AgentRole> websites = new HashMap<>();
        for (Object entry : named) {
            if (!(entry instanceof Map<?, ?> website) || !(website.get("id") instanceof String id)
                    || !(website.get("role") instanceof String role)) {
                return Optional.empty();
            }
            Optional<UUID> websiteId = uuid(id);
            Optional<AgentRole> agentRole = AgentRole.parse(role);
            if (websiteId.isEmpty() || agentRole.isEmpty()) {
                return Optional.empty();
            }
            websites.put(websiteId.get(), agentRole.get());
        }
        return Optional.of(new AgentCredentials(claims.getSubject(), websites, claims.getExpirationTime().toInstant()));
    }

    private static Optional<Credentials> visitor(JWTClaimsSet claims) {
        if (!"visitor".equals(claims.getClaim("token_use")) || !(claims.getClaim("website_id") instanceof String website)) {
            return Optional.empty();
        }
        Optional<UUID> visitorId = uuid(claims.getSubject());
        Optional<UUID> websiteId = uuid(website);
        if (visitorId.isEmpty() || websiteId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VisitorCredentials(visitorId.get(), websiteId.get(), claims.getExpirationTime().toInstant()));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            UUID parsed = UUID.fromString(value);
            return parsed.toString().equals(value) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
