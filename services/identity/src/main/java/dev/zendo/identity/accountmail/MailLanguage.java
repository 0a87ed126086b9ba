package dev.zendo.identity.accountmail;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Locale;

/** The language an account mail is written in: the best match of the request's Accept-Language among those mails exist in. */
public final class MailLanguage {

    /** The languages mails are written in; the first is the fallback. */
    public static final List<String> SUPPORTED = List.of("en", "de", "es");

    private MailLanguage() {
    }

    public static String of(HttpRequest<?> request) {
        return of(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The best supported match of an Accept-Language value; {@code en} when there is none or the value is malformed. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? SUPPORTED.get(0) : match;
        } catch (IllegalArgumentException e) {
            return SUPPORTED.get(0);
        }
    }
}
