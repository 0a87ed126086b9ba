package dev.zendo.identity.throttle;

import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import dev.zendo.platform.ratelimit.RetryLaterException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Limits password checks per email ({@code zendo.rate-limits.login-email}) and per client address
 * ({@code zendo.rate-limits.login-address}). An attempt takes a permit of both before the password is checked, so
 * parallel guesses can never get more checks than the limits allow; a right password gives its permits back and
 * clears the email's count, so only failures are counted.
 */
@Singleton
public class LoginThrottle {

    private final RateLimiter limiter;
    private final RateLimit perEmail;
    private final RateLimit perAddress;

    LoginThrottle(RateLimiter limiter, @Named("login-email") RateLimit perEmail, @Named("login-address") RateLimit perAddress) {
        this.limiter = limiter;
        this.perEmail = perEmail;
        this.perAddress = perAddress;
    }

    /**
     * Takes one password check of {@code email}'s and {@code address}'s allowance.
     *
     * @throws RetryLaterException 429 when either is used up
     */
    public void attempt(String email, String address) {
        limiter.acquire(perAddress, address);
        try {
            limiter.acquire(perEmail, key(email));
        } catch (RetryLaterException e) {
            limiter.release(perAddress, address);
            throw e;
        }
    }

    /** The password was right: the attempt does not count, and the email's failures are forgotten. */
    public void succeeded(String email, String address) {
        limiter.reset(perEmail, key(email));
        limiter.release(perAddress, address);
    }

    /** The password could not be checked (the service was busy or failed): the attempt does not count. */
    public void unchecked(String email, String address) {
        limiter.release(perEmail, key(email));
        limiter.release(perAddress, address);
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
