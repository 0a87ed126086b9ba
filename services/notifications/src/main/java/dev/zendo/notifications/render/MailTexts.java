package dev.zendo.notifications.render;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of every mail in each language the widget speaks, from {@code mail/messages[_lang].properties}; a
 * language without its own words, or a key missing in it, falls back to English.
 */
@Singleton
public class MailTexts {

    /** The languages mails are written in; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "de", "es");

    private static final ResourceBundle.Control NO_FALLBACK_TO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<String, ResourceBundle> bundles = LANGUAGES.stream().collect(Collectors.toMap(Function.identity(),
            language -> ResourceBundle.getBundle("mail.messages", Locale.forLanguageTag(language), NO_FALLBACK_TO_DEFAULT_LOCALE)));

    /** The supported language closest to {@code tag} (a BCP 47 tag such as "de-AT" or "pt-BR"), else English. */
    public static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return LANGUAGES.get(0);
        }
        String primary = Locale.forLanguageTag(tag.strip()).getLanguage();
        return LANGUAGES.contains(primary) ? primary : LANGUAGES.get(0);
    }

    /**
     * The most wanted language of an Accept-Language header that mails are written in; empty when none is, or when the
     * header is missing or malformed.
     */
    public static Optional<String> accepted(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> range.getRange().split("-", 2)[0])
                    .filter(LANGUAGES::contains)
                    .findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The words of {@code key} in {@code language}, with {@code arguments} put in their {@code {0}}, {@code {1}} places. */
    public String get(String language, String key, Object... arguments) {
        String lang = language(language);
        String pattern = bundles.get(lang).getString(key);
        return new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(arguments);
    }

    /** {@code instant} as a date and a time of day in UTC, written the way {@code language} writes dates. */
    public String dateTime(String language, Instant instant) {
        Locale locale = Locale.forLanguageTag(language(language));
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(instant)
                + " " + DateTimeFormatter.ofPattern("HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC).format(instant);
    }
}
