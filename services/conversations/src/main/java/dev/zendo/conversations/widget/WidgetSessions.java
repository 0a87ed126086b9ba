package dev.zendo.conversations.widget;

import dev.zendo.auth.token.TokenSigner.SignedToken;
import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.conversations.visitor.AuthenticatedVisitor;
import dev.zendo.conversations.visitor.VisitorTokenVerifier;
import dev.zendo.conversations.visitor.VisitorTokens;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.http.ClientAddresses;
import dev.zendo.platform.ratelimit.RetryLaterException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Starts widget sessions: checks the public key (401) and the page's origin (403), limits bootstraps per client
 * address (429), reads the resume cursor before the database snapshot, lets {@link SessionStart} do the rest in one
 * transaction, and hands out a visitor token, reusing the one presented unless less than a quarter of its life is left.
 * An earlier token that is invalid, expired or of another website is ignored: the session gets a new visitor.
 */
@Singleton
class WidgetSessions {

    private static final int MAX_USER_AGENT = 512;

    private final SiteDirectory sites;
    private final WidgetOrigins origins;
    private final WidgetLimits limits;
    private final ClientAddresses addresses;
    private final ResumeCursors cursors;
    private final VisitorTokenVerifier verifier;
    private final VisitorTokens tokens;
    private final SessionStart start;
    private final AgentsOnline agents;
    private final WidgetApiSettings settings;

    WidgetSessions(SiteDirectory sites, WidgetOrigins origins, WidgetLimits limits, ClientAddresses addresses, ResumeCursors cursors,
                   VisitorTokenVerifier verifier, VisitorTokens tokens, SessionStart start, AgentsOnline agents, WidgetApiSettings settings) {
        this.sites = sites;
        this.origins = origins;
        this.limits = limits;
        this.addresses = addresses;
        this.cursors = cursors;
        this.verifier = verifier;
        this.tokens = tokens;
        this.start = start;
        this.agents = agents;
        this.settings = settings;
    }

    SessionView open(HttpRequest<?> request, SessionRequest body) {
        String clientIp = addresses.of(request);
        RetryLaterException limited = null;
        try {
            limits.session(clientIp);
        } catch (RetryLaterException e) {
            limited = e;
        }
        Site site = sites.byPublicKey(body.publicKey()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "invalid_public_key", "This public key is unknown, revoked or expired."));
        origins.admit(request, site, true);
        if (limited != null) {
            throw limited;
        }
        Optional<AuthenticatedVisitor> earlier = Optional.ofNullable(body.visitorToken()).flatMap(verifier::verify)
                .filter(token -> token.websiteId().equals(site.id()));
        String cursor = cursors.current(site.id());
        Visit visit = new Visit(userAgent(request), clientIp, body.locale());
        Started started = start.start(site, body, visit, earlier.map(AuthenticatedVisitor::visitorId).orElse(null));
        SignedToken token = earlier.filter(e -> e.visitorId().equals(started.visitor().id()) && !tokens.renewalDue(e))
                .map(e -> new SignedToken(body.visitorToken(), e.expiresAt()))
                .orElseGet(() -> tokens.issue(site.id(), started.visitor().id(), lifetime(site)));
        return new SessionView(token.token(), token.expiresAt().truncatedTo(ChronoUnit.SECONDS), VisitorView.of(started.visitor()), started.conversation(),
                WidgetSettingsView.of(site.widget(), tokens.defaultLifetime().toHours()), agents.any(site.id()),
                started.queuePosition(), new RealtimeView(settings.realtimeUrl().toString(), cursor));
    }

    private Duration lifetime(Site site) {
        int hours = site.widget().getVisitorSessionHours();
        Duration chosen = Duration.ofHours(hours);
        boolean valid = chosen.compareTo(VisitorTokens.MIN_LIFETIME) >= 0 && chosen.compareTo(VisitorTokens.MAX_LIFETIME) <= 0;
        return valid ? chosen : tokens.defaultLifetime();
    }

    private static String userAgent(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
    }
}
