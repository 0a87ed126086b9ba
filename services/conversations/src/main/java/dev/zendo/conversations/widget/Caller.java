package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.Site;

/**
 * Who calls a widget endpoint with a visitor token: a live visitor of a live website.
 *
 * @param site    the website the token was issued for
 * @param visitor the visitor, not merged away
 */
record Caller(Site site, VisitorRow visitor) {
}
