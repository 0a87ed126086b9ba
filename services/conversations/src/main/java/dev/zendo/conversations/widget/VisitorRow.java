package dev.zendo.conversations.widget;


import dev.zendo.platform.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A stored visitor, as the widget API reads it.
 *
 * @param id                its id
 * @param websiteId         its website
 * @param label             its readable label ("Brave Otter 42")
 * @param name              the name it gave, or its verified name
 * @param email             its verified email (from a user token only)
 * @param phone             the phone it gave
 * @param externalId        the host site's user id, from a verified user token only
 * @param claimedEmail      an email it gave, never used to look anyone up
 * @param attributesJson    its custom attributes, a JSON object
 * @param mergedInto        the canonical visitor it was merged into, or null
 */
record VisitorRow(UUID id, UUID websiteId, String label, String name, String email, String phone, String externalId,
                  String claimedEmail, String attributesJson, UUID mergedInto) {

    static final String COLUMNS = "id, website_id, label, name, email, phone, external_id, claimed_email, attributes::text AS attributes, merged_into";

    static VisitorRow of(ResultSet row) throws SQLException {
        return new VisitorRow(Sql.uuid(row, "id"), Sql.uuid(row, "website_id"), row.getString("label"), row.getString("name"),
                row.getString("email"), row.getString("phone"), row.getString("external_id"), row.getString("claimed_email"),
                row.getString("attributes"), Sql.uuid(row, "merged_into"));
    }

    /** Whether a verified user token vouched for this visitor. */
    boolean verified() {
        return externalId != null;
    }

    /** The name its messages are signed with: its name when it gave one, otherwise its label. */
    String displayName() {
        return name != null ? name : label;
    }

    /** This visitor vouched for as {@code externalId}, taking the verified name and email when the token has them. */
    VisitorRow verifiedAs(String externalId, String verifiedName, String verifiedEmail) {
        return new VisitorRow(id, websiteId, label, verifiedName != null ? verifiedName : name,
                verifiedEmail != null ? verifiedEmail : email, phone, externalId, claimedEmail, attributesJson, mergedInto);
    }

    /** This visitor with the details it gave. */
    VisitorRow withDetails(String name, String claimedEmail, String phone, String attributesJson) {
        return new VisitorRow(id, websiteId, label, name, email, phone, externalId, claimedEmail, attributesJson, mergedInto);
    }
}
