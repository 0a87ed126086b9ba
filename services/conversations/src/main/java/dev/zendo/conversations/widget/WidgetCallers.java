package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.conversations.visitor.AuthenticatedVisitor;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

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
        Site site = sites.find(token.websiteId()).orElseThrow(() -> expired("This visitor token's website no longer exists."));
        origins.admit(request, site, false);
        VisitorRow visitor = visitors.find(site.id(), token.visitorId()).filter(v -> v.mergedInto() == null)
                .orElseThrow(() -> expired("This visitor session has ended: start a new one."));
        return new Caller(site, visitor);
    }

    private static ApiException expired(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
