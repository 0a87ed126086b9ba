package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.conversations.visitor.AuthenticatedVisitor;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Resolves the caller of a widget endpoint from its visitor token: 401 when the token's website was deleted or its
 * visitor was merged into another (the widget starts a new session), 403 when the request comes from a page whose
 * origin the website does not allow. A token names its own website, so it can never reach another website's data.
 */
@Singleton
class WidgetCallers {

    private final SiteDirectory sites;
    private final WidgetOrigins origins;
    private final VisitorStore visitors;

    WidgetCallers(SiteDirectory sites, WidgetOrigins origins, VisitorStore visitors) {
        this.sites = sites;
        this.origins = origins;
        this.visitors = visitors;
    }

    @Transactional(readOnly = true)
    public Caller require(HttpRequest<?> request, AuthenticatedVisitor token) {
        Site site = site(token.websiteId());
        origins.admit(request, site, false);
        return new Caller(site, visitor(site, token.visitorId()));
    }

    /** The caller of a command relayed by the realtime edge, which admitted the page's origin when the socket opened. */
    @Transactional(readOnly = true)
    public Caller require(UUID websiteId, UUID visitorId) {
        Site site = site(websiteId);
        return new Caller(site, visitor(site, visitorId));
    }

    private Site site(UUID websiteId) {
        return sites.find(websiteId).orElseThrow(() -> expired("This visitor token's website no longer exists."));
    }

    private VisitorRow visitor(Site site, UUID visitorId) {
        return visitors.find(site.id(), visitorId).filter(v -> v.mergedInto() == null)
                .orElseThrow(() -> expired("This visitor session has ended: start a new one."));
    }

    private static ApiException expired(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
