package dev.zendo.conversations.widget;

import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The widget API's rate limits ({@code zendo.rate-limits.widget-*}): session bootstraps per client address, messages
 * per visitor, new conversations (threads a visitor opens) per website. Each answers 429 with {@code Retry-After}.
 */
@Singleton
class WidgetLimits {

    private final RateLimiter limiter;
    private final RateLimit sessions;
    private final RateLimit messages;
    private final RateLimit conversations;

    WidgetLimits(RateLimiter limiter, @Named("widget-sessions") RateLimit sessions, @Named("widget-messages") RateLimit messages,
                 @Named("widget-conversations") RateLimit conversations) {
        this.limiter = limiter;
        this.sessions = sessions;
        this.messages = messages;
        this.conversations = conversations;
    }

    void session(String clientIp) {
        limiter.acquire(sessions, clientIp);
    }

    void message(UUID visitorId) {
        limiter.acquire(messages, visitorId.toString());
    }

    void newConversation(UUID websiteId) {
        limiter.acquire(conversations, websiteId.toString());
    }
}
