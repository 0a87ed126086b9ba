package dev.zendo.websites.website;

import com.google.protobuf.ByteString;
import dev.zendo.events.v1.OpeningHours;
import dev.zendo.events.v1.WebsiteCreated;
import dev.zendo.events.v1.WebsiteUpdated;
import dev.zendo.platform.crypto.Sha256;
import dev.zendo.websites.keys.IssuedKeys;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** Website state as event payloads. */
final class WebsitePayloads {

    private WebsitePayloads() {
    }

    static WebsiteCreated created(Website website, IssuedKeys keys, String defaultGroupId) {
        return WebsiteCreated.newBuilder()
                .setWebsiteId(website.id().toString())
                .setName(website.name())
                .setOwnerAgentId(website.createdBy())
                .addAllDomains(website.domains())
                .addAllAllowedOrigins(website.allowedOrigins())
                .setPublicKey(keys.publicKey())
                .setPublicKeyId(keys.publicKeyId().toString())
                .setSecretKeyId(keys.secretKeyId().toString())
                .setSecretKeySha256(ByteString.copyFrom(Sha256.of(keys.secretKey())))
                .setWidget(widget(website.widget()))
                .setDefaultGroupId(defaultGroupId)
                .build();
    }

    static WebsiteUpdated updated(Website website) {
        return WebsiteUpdated.newBuilder()
                .setWebsiteId(website.id().toString())
                .setName(website.name())
                .addAllDomains(website.domains())
                .addAllAllowedOrigins(website.allowedOrigins())
                .setWidget(widget(website.widget()))
                .build();
    }

    private static dev.zendo.events.v1.WidgetSettings widget(WidgetSettings widget) {
        dev.zendo.events.v1.WidgetSettings.Builder payload = dev.zendo.events.v1.WidgetSettings.newBuilder()
                .setColor(widget.color())
                .setPosition(widget.position())
                .setGreeting(widget.greeting())
                .setAwayMessage(widget.awayMessage())
                .setLanguage(widget.language())
                .setVisitorSessionHours(widget.visitorSessionHours())
                .setSneakPeek(widget.sneakPeek());
        widget.preChatFields().forEach(field -> payload.addPreChatFields(dev.zendo.events.v1.PreChatField.newBuilder()
                .setKind(field.kind()).setLabel(field.label()).setRequired(field.required())));
        if (widget.businessHours() != null) {
            payload.setBusinessHours(businessHours(widget.businessHours()));
        }
        return payload.build();
    }

    private static dev.zendo.events.v1.BusinessHours businessHours(BusinessHours hours) {
        dev.zendo.events.v1.BusinessHours.Builder payload = dev.zendo.events.v1.BusinessHours.newBuilder()
                .setTimeZone(hours.timeZone());
        Map<DayOfWeek, List<TimeRange>> byDay = hours.days().byDay();
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.get(day).forEach(range -> payload.addHours(OpeningHours.newBuilder()
                    .setWeekday(day.getValue()).setFrom(range.from()).setTo(range.to())));
        }
        return payload.build();
    }
}
