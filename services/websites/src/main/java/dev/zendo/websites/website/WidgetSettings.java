package dev.zendo.websites.website;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * How a website's chat widget looks and behaves; a field left out takes its default.
 *
 * @param color         accent colour, {@code #rgb} or {@code #rrggbb}
 * @param position      corner of the page: {@code left} or {@code right}
 * @param greeting      first line the widget shows
 * @param awayMessage   shown outside business hours
 * @param language      BCP 47 tag of the widget's language, e.g. {@code en} or {@code pt-BR}
 * @param preChatFields what a visitor is asked before the first message (at most 10)
 * @param businessHours when agents answer; none means always
 * @param visitorSessionHours how long a visitor's session token lives, in hours: 1 (an hour) to 168 (a week)
 * @param sneakPeek     whether agents see what a visitor is typing before it is sent (default false)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WidgetSettings(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", message = "must be a colour like #1f6feb or #fff") String color,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = "left|right", message = "must be left or right") String position,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 500) String greeting,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 500) String awayMessage,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}", message = "must be a BCP 47 language tag like en or pt-BR") String language,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 10) List<@Valid PreChatField> preChatFields,
        @Nullable @Valid BusinessHours businessHours,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, minimum = "1", maximum = "168", defaultValue = "24") @Min(1) @Max(168) Integer visitorSessionHours,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") Boolean sneakPeek) {

    /** How long visitors' session tokens live when a website does not say. */
    public static final int DEFAULT_VISITOR_SESSION_HOURS = 24;

    /** The settings of a website created without any. */
    public static final WidgetSettings DEFAULTS = new WidgetSettings(null, null, null, null, null, null, null, null, null);

    public WidgetSettings {
        color = color == null ? "#1f6feb" : color;
        position = position == null ? "right" : position;
        greeting = greeting == null ? "Hi! How can we help?" : greeting;
        awayMessage = awayMessage == null ? "We are away right now. Leave a message and we will get back to you." : awayMessage;
        language = language == null ? "en" : language;
        preChatFields = preChatFields == null ? List.of() : preChatFields;
        visitorSessionHours = visitorSessionHours == null ? DEFAULT_VISITOR_SESSION_HOURS : visitorSessionHours;
        sneakPeek = sneakPeek != null && sneakPeek;
    }
}
