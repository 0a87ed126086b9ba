package dev.zendo.identity.throttle;

import dev.zendo.identity.IdentitySettings;
import jakarta.inject.Singleton;
import redis.clients.jedis.JedisPooled;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Counts failed password checks in Redis per email and per client address, each in a fixed window that starts
 * with its first failure; once either count reaches its limit, checks are refused until that window ends.
 */
@Singleton
public class LoginThrottle {

    private static final String PREFIX = "zendo:identity:password-failures:";
    /* Counts one failure; the first failure of a window starts the window's expiry. */
    private static final String COUNT_FAILURE = """
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return failures""";

    private final JedisPooled redis;
    private final IdentitySettings settings;

    LoginThrottle(JedisPooled redis, IdentitySettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** Refuses a password check for {@code email} from {@code address} while either has failed too often. */
    public void check(String email, String address) {
        refuseIfOverLimit(emailKey(email), settings.loginEmailFailures());
        refuseIfOverLimit(addressKey(address), settings.loginAddressFailures());
    }

    /** Counts a failed password check against both {@code email} and {@code address}. */
    public void failed(String email, String address) {
        String window = Long.toString(settings.loginWindow().toMillis());
        for (String key : List.of(emailKey(email), addressKey(address))) {
            redis.eval(COUNT_FAILURE, List.of(key), List.of(window));
        }
    }

    /** Forgets the failures of {@code email} after its password was given right; the address keeps its count. */
    public void succeeded(String email) {
        redis.del(emailKey(email));
    }

    private void refuseIfOverLimit(String key, int limit) {
        String failures = redis.get(key);
        if (failures != null && Long.parseLong(failures) >= limit) {
            long millisLeft = redis.pttl(key);
            Duration retryAfter = millisLeft > 0 ? Duration.ofMillis(millisLeft) : settings.loginWindow();
            throw new TooManyAttemptsException(retryAfter);
        }
    }

    private static String emailKey(String email) {
        return PREFIX + "email:" + sha256(email);
    }

    private static String addressKey(String address) {
        return PREFIX + "address:" + address;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
