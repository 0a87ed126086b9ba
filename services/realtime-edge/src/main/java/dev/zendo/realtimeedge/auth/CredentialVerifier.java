package dev.zendo.realtimeedge.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.zendo.auth.token.CheckedSignatures;
import dev.zendo.auth.token.TokenVerifier;
import dev.zendo.realtimeedge.config.CredentialSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * Verifies {@code auth} tokens off the event loops: agents' realtime tickets against websites' keys, visitors' session
 * tokens against conversations' keys. The issuer picks the key set; the verified claims must then carry the right
 * {@code token_use} and the claims the edge needs. With a secret for them, signatures any node checked are shared
 * ({@link RedisCheckedSignatures}), so a node taking over a herd of reconnecting clients does not check them again.
 * Each verifier thread takes the tokens waiting at once, up to {@link #BATCH}, and looks them up in one round trip.
 */
@Singleton
public class CredentialVerifier {

    /** Most tokens a verifier thread takes at once. */
    static final int BATCH = 256;
    private static final int QUEUE = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(CredentialVerifier.class);

    private final CredentialSettings settings;
    private final TokenVerifier tickets;
    private final TokenVerifier visitors;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private final List<Thread> threads = new ArrayList<>();

    CredentialVerifier(CredentialSettings settings, JedisPooled redis, MeterRegistry registry) {
        this.settings = settings;
        CheckedSignatures checkedSignatures = settings.sharesCheckedSignatures()
                ? new RedisCheckedSignatures(redis, registry, settings.checkedSignaturesSecret())
                : CheckedSignatures.NONE;
        this.tickets = TokenVerifier.remote(settings.ticketsJwksUrl(), settings.cacheTtl(), settings.refetchInterval(),
                settings.ticketsIssuer(), settings.audience(), checkedSignatures);
        this.visitors = TokenVerifier.remote(settings.visitorsJwksUrl(), settings.cacheTtl(), settings.refetchInterval(),
                settings.visitorsIssuer(), settings.audience(), checkedSignatures);
        for (int i = 1; i <= settings.verifierThreads(); i++) {
            Thread thread = new Thread(this::work, "edge-auth-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * The token's credentials, or empty when it is not a valid ticket or visitor token; completes on a verifier thread.
     *
     * @throws RejectedExecutionException when {@value #QUEUE} tokens already wait
     */
    public CompletableFuture<Optional<Credentials>> verify(String token) {
        Pending pending = new Pending(token, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new RejectedExecutionException("too many tokens wait for a verifier thread");
        }
        return pending.result();
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                verifyAll(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Verifies a batch; should it fail as a whole, each token alone, so one token's failure is only its own. */
    private void verifyAll(List<Pending> batch) {
        try {
            Map<TokenVerifier, List<Pending>> byIssuer = new HashMap<>();
            for (Pending pending : batch) {
                TokenVerifier verifier = verifierOf(pending.token());
                if (verifier == null) {
                    pending.result().complete(Optional.empty());
                } else {
                    byIssuer.computeIfAbsent(verifier, unused -> new ArrayList<>()).add(pending);
                }
            }
            byIssuer.forEach((verifier, pendings) -> {
                List<Optional<JWTClaimsSet>> claims = verifier.verify(pendings.stream().map(Pending::token).toList());
                for (int i = 0; i < pendings.size(); i++) {
                    pendings.get(i).result().complete(claims.get(i).flatMap(verifier == tickets ? CredentialVerifier::agent : CredentialVerifier::visitor));
                }
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.warn("A token could not be verified: {}", e.toString());
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            for (Pending pending : batch) {
                if (!pending.result().isDone()) {
                    verifyAll(List.of(pending));
                }
            }
        }
    }

    /** The verifier of the token's issuer, or null when the token is malformed or from another issuer. */
    private TokenVerifier verifierOf(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return null;
        }
        if (settings.ticketsIssuer().equals(issuer)) {
            return tickets;
        }
        return settings.visitorsIssuer().equals(issuer) ? visitors : null;
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
        threads.forEach(Thread::interrupt);
    }

    /** A token waiting for a verifier thread, and the future its credentials complete. */
    private record Pending(String token, CompletableFuture<Optional<Credentials>> result) {
    }
}
