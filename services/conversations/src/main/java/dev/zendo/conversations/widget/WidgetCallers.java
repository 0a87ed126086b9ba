package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.conversations.visitor.AuthenticatedVisitor;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Resolves the caller of a widget endpoint from its visitor token: 401 when the token's website was deleted or its
 * visitor was merged into another (the widget starts a new session), 403 when the request comes from a page whose
 * origin the website does not allow. A token names its own website, so it can never reach another website's data. The
 * website and the visitor are read in one statement on a connection outside any transaction: every widget call starts
 * with it.
 */
@Singleton
class WidgetCallers {

    private static final String CALLER = "SELECT " + SiteDirectory.SITE_COLUMNS + """
            , v.* FROM replica_websites w
            LEFT JOIN (SELECT %s FROM visitors WHERE id = ? AND website_id = ?) v ON true
            WHERE w.website_id = ? AND NOT w.deleted""".formatted(VisitorRow.COLUMNS);

    private final Sql sql;
    private final WidgetOrigins origins;

    WidgetCallers(Sql sql, WidgetOrigins origins) {
        this.sql = sql;
        this.origins = origins;
    }

    @Connectable
    public Caller require(HttpRequest<?> request, AuthenticatedVisitor token) {
        Found found = find(token.websiteId(), token.visitorId());
        origins.admit(request, found.site(), false);
        return found.caller();
    }

    /** The caller of a command relayed by the realtime edge, which admitted the page's origin when the socket opened. */
    @Connectable
    public Caller require(UUID websiteId, UUID visitorId) {
        return find(websiteId, visitorId).caller();
    }

    private Found find(UUID websiteId, UUID visitorId) {
        return sql.one(CALLER, row -> new Found(SiteDirectory.site(row), row.getObject("id") == null ? null : VisitorRow.of(row)),
                        visitorId, websiteId, websiteId)
                .orElseThrow(() -> expired("This visitor token's website no longer exists."));
    }

    /** The live website and its visitor as found, merged or not; null when the website has no such visitor. */
    private record Found(Site site, VisitorRow visitor) {

        Caller caller() {
            if (visitor == null || visitor.mergedInto() != null) {
                throw expired("This visitor session has ended: start a new one.");
            }
            return new Caller(site, visitor);
        }
    }

    private static ApiException expired(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
