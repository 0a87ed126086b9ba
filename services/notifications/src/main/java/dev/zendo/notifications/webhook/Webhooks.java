package dev.zendo.notifications.webhook;

import dev.zendo.platform.http.ApiException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Each website's webhook subscriptions: created with a signing secret shown once, listed and read with a hint only,
 * changed, deleted, and given a new secret. The caller checks the agent's permission ({@code MANAGE_WEBHOOKS}).
 */
@Singleton
public class Webhooks {

    /** The longest description accepted. */
    static final int MAX_DESCRIPTION = 500;

    private final WebhookStore store;
    private final SecretCipher cipher;
    private final WebhookUrls urls;
    private final WebhookSettings settings;
    private final Clock clock;

    Webhooks(WebhookStore store, SecretCipher cipher, WebhookUrls urls, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new subscription of {@code websiteId}; 409 when the website has as many as it may. */
    @Transactional
    public CreatedWebhook create(UUID websiteId, String agentId, CreateWebhookRequest request) {
        String url = urls.require(request.url());
        List<String> types = EventTypes.chosen(request.eventTypes());
        store.lockWebsite(websiteId);
        if (store.count(websiteId) >= settings.maxPerWebsite()) {
            throw ApiException.conflict("too_many_webhooks",
                    "A website may have at most " + settings.maxPerWebsite() + " webhook subscriptions: delete one first.");
        }
        UUID id = UUID.randomUUID();
        String secret = cipher.newSecret();
        Instant now = clock.instant();
        Subscription subscription = new Subscription(id, websiteId, url, types, blankToNull(request.description()),
                request.active() == null || request.active(), cipher.encrypt(id, secret), SecretCipher.hint(secret), 0, null,
                agentId, now, now);
        store.insert(subscription);
        return new CreatedWebhook(id, websiteId, url, types, subscription.description(), subscription.active(), secret,
                subscription.secretHint(), now);
    }

    /** The website's subscriptions, oldest first. */
    @Transactional(readOnly = true)
    public List<WebhookView> list(UUID websiteId) {
        return store.list(websiteId).stream().map(WebhookView::of).toList();
    }

    /** One subscription of the website; 404 for any other. */
    @Transactional(readOnly = true)
    public WebhookView get(UUID websiteId, UUID id) {
        return WebhookView.of(require(websiteId, id, false));
    }

    /** Changes what {@code request} names; making a subscription active again clears its failures. */
    @Transactional
    public WebhookView update(UUID websiteId, UUID id, UpdateWebhookRequest request) {
        String url = request.url() == null ? null : urls.require(request.url());
        List<String> types = request.eventTypes() == null ? null : EventTypes.chosen(request.eventTypes());
        Subscription current = require(websiteId, id, true);
        boolean active = request.active() == null ? current.active() : request.active();
        boolean reactivated = active && !current.active();
        Subscription changed = new Subscription(id, websiteId, url == null ? current.url() : url,
                types == null ? current.eventTypes() : types,
                request.description() == null ? current.description() : blankToNull(request.description()), active,
                current.secretCiphertext(), current.secretHint(), reactivated ? 0 : current.consecutiveFailures(),
                reactivated ? null : current.disabledAt(), current.createdBy(), current.createdAt(), clock.instant());
        store.update(changed);
        return WebhookView.of(changed);
    }

    /** Deletes the subscription with its deliveries and their log. */
    @Transactional
    public void delete(UUID websiteId, UUID id) {
        require(websiteId, id, true);
        store.delete(id);
    }

    /** A new signing secret, shown once; the previous one stops signing at once. */
    @Transactional
    public RotatedSecret rotateSecret(UUID websiteId, UUID id) {
        Subscription current = require(websiteId, id, true);
        String secret = cipher.newSecret();
        store.update(new Subscription(id, websiteId, current.url(), current.eventTypes(), current.description(), current.active(),
                cipher.encrypt(id, secret), SecretCipher.hint(secret), current.consecutiveFailures(), current.disabledAt(),
                current.createdBy(), current.createdAt(), clock.instant()));
        return new RotatedSecret(id, secret, SecretCipher.hint(secret));
    }

    /** The subscription of the website; 404 for any other. */
    Subscription require(UUID websiteId, UUID id, boolean lock) {
        return store.find(websiteId, id, lock).orElseThrow(() -> ApiException.notFound("Webhook"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
