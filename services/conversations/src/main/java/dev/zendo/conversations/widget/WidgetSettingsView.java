package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import dev.zendo.events.v1.WidgetSettings;

import java.util.List;

/**
 * How the website's widget looks and behaves, as set in websites.
 *
 * @param color               accent colour
 * @param position            corner of the page: left or right
 * @param greeting            the first line the widget shows
 * @param awayMessage         shown outside business hours
 * @param language            the widget's language, a BCP 47 tag
 * @param preChatFields       what the visitor is asked before the first message
 * @param businessHours       when agents answer; null means always
 * @param visitorSessionHours how long a visitor token lives, in hours
 * @param sneakPeek           whether agents see the visitor's draft while they type ({@code typing} frames' {@code text})
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WidgetSettingsView(String color, String position, String greeting, String awayMessage, String language,
                                 List<PreChatField> preChatFields, @Nullable BusinessHours businessHours,
                                 int visitorSessionHours, boolean sneakPeek) {

    static WidgetSettingsView of(WidgetSettings widget, long defaultHours) {
        return new WidgetSettingsView(widget.getColor(), widget.getPosition(), widget.getGreeting(), widget.getAwayMessage(),
                widget.getLanguage(),
                widget.getPreChatFieldsList().stream().map(f -> new PreChatField(f.getKind(), f.getLabel(), f.getRequired())).toList(),
                widget.hasBusinessHours() ? new BusinessHours(widget.getBusinessHours().getTimeZone(),
                        widget.getBusinessHours().getHoursList().stream()
                                .map(h -> new OpeningHours(h.getWeekday(), h.getFrom(), h.getTo())).toList()) : null,
                widget.getVisitorSessionHours() > 0 ? widget.getVisitorSessionHours() : (int) defaultHours,
                widget.getSneakPeek());
    }

    /**
     * One question of the pre-chat form.
     *
     * @param kind     name, email, phone or custom
     * @param label    the question
     * @param required whether it must be answered
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PreChatField(String kind, String label, boolean required) {
    }

    /**
     * When agents answer, in one time zone.
     *
     * @param timeZone an IANA time zone
     * @param hours    the opening ranges
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record BusinessHours(String timeZone, List<OpeningHours> hours) {
    }

    /**
     * One opening range.
     *
     * @param weekday ISO weekday, 1 is Monday
     * @param from    HH:mm, local time
     * @param to      HH:mm, after from
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record OpeningHours(int weekday, String from, String to) {
    }
}
