package dev.zendo.conversations.server;

import dev.zendo.conversations.audit.AuditActorKind;
import dev.zendo.conversations.audit.AuditLog;
import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.conversations.message.MessageText;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.VisitorUpdated;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Profile changes from a website's backend: name, email, phone and custom attributes, trusted as the backend states
 * them. The email is stored as the visitor's email but never used to find or merge anyone (only a verified identity's
 * user id does that). Each change publishes {@code VisitorUpdated} to agents and is audited, in one transaction.
 */
@Singleton
class ServerVisitors {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,32}");
    private static final Argument<Map<String, Object>> ATTRIBUTES = Argument.mapOf(String.class, Object.class);
    private static final Actor BACKEND = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_BOT).build();
    private static final String COLUMNS = "id, label, name, email, phone, attributes::text AS attributes, created_at, updated_at";
    private static final String LOCK = "SELECT " + COLUMNS
            + " FROM visitors WHERE id = ? AND website_id = ? AND merged_into IS NULL FOR UPDATE";
    private static final String UPDATE = "UPDATE visitors SET name = ?, email = ?, phone = ?, attributes = CAST(? AS jsonb), updated_at = ?"
            + " WHERE id = ? RETURNING " + COLUMNS;

    private final Sql sql;
    private final SiteEvents events;
    private final ConversationService conversations;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    ServerVisitors(Sql sql, SiteEvents events, ConversationService conversations, AuditLog audit, ObjectMapper json, Clock clock) {
        this.sql = sql;
        this.events = events;
        this.conversations = conversations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Applies the change to one of the key's website's visitors (404 for anyone else's, or one merged into another). */
    @Transactional
    VisitorView update(AuthenticatedServerKey key, UUID visitorId, UpdateVisitorRequest change) {
        String name = change.name() == null ? null : oneLine(MessageText.require(change.name(), "name", MAX_NAME), "name");
        String email = change.email() == null ? null : email(change.email());
        String phone = change.phone() == null ? null : phone(change.phone());
        if (name == null && email == null && phone == null && change.attributes() == null) {
            throw ApiException.invalid("body", "give at least one of name, email, phone and attributes");
        }
        VisitorView current = sql.one(LOCK, this::view, visitorId, key.websiteId()).orElseThrow(() -> ApiException.notFound("Visitor"));
        Map<String, Object> attributes = change.attributes() == null
                ? current.attributes() : VisitorAttributes.merge(current.attributes(), change.attributes());
        VisitorView updated = sql.one(UPDATE, this::view, name == null ? current.name() : name, email == null ? current.email() : email,
                phone == null ? current.phone() : phone, write(attributes), clock.instant(), visitorId).orElseThrow();
        UUID conversationId = conversations.ofVisitor(key.websiteId(), visitorId).map(ConversationView::id).orElse(null);
        events.toAgents(key.websiteId(), conversationId, visitorId, BACKEND, e -> e.setVisitorUpdated(VisitorUpdated.newBuilder()
                .setVisitorId(visitorId.toString())
                .setLabel(updated.label())
                .setName(nonNull(updated.name()))
                .setEmail(nonNull(updated.email()))
                .setPhone(nonNull(updated.phone()))
                .setAttributesJson(write(updated.attributes()))));
        audit.record(key.websiteId(), AuditActorKind.SERVER_KEY, key.keyId(), "server.visitor.updated", "visitor", visitorId.toString(),
                Map.of("fields", fields(name, email, phone, change.attributes())));
        return updated;
    }

    private static String oneLine(String text, String field) {
        String line = text.strip();
        if (line.contains("\n") || line.contains("\t")) {
            throw ApiException.invalid(field, "must be on one line");
        }
        return line;
    }

    private static String email(String email) {
        String address = email.strip();
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            throw ApiException.invalid("email", "must be an email address of at most " + MAX_EMAIL + " characters");
        }
        return address;
    }

    private static String phone(String phone) {
        String number = phone.strip();
        if (!PHONE.matcher(number).matches() || number.chars().noneMatch(Character::isDigit)) {
            throw ApiException.invalid("phone", "must be 3 to 32 digits, spaces and + - ( ) .");
        }
        return number;
    }

    private static List<String> fields(String name, String email, String phone, Map<String, Object> attributes) {
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("name");
        }
        if (email != null) {
            fields.add("email");
        }
        if (phone != null) {
            fields.add("phone");
        }
        if (attributes != null) {
            attributes.keySet().stream().sorted().forEach(attribute -> fields.add("attributes." + attribute));
        }
        return fields;
    }

    private VisitorView view(ResultSet row) throws SQLException {
        return new VisitorView(Sql.uuid(row, "id"), row.getString("label"), row.getString("name"), row.getString("email"),
                row.getString("phone"), read(row.getString("attributes")), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }

    private Map<String, Object> read(String attributes) {
        try {
            return json.readValue(attributes, ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
