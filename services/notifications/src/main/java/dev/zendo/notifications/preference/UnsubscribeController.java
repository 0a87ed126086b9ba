package dev.zendo.notifications.preference;

import dev.zendo.platform.http.ApiError;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;

/**
 * The link at the bottom of every optional mail, and its List-Unsubscribe target: a page that asks to confirm (a link
 * opened by a mail scanner changes nothing), and the one-click POST (RFC 8058) that turns the mail's kind off; pages are in
 * the reader's language.
 */
@Controller(UnsubscribeController.PATH)
@Tag(name = "Unsubscribe")
class UnsubscribeController {

    static final String PATH = "/v1/notifications/unsubscribe";
    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    private final Unsubscribes unsubscribes;
    private final UnsubscribePage page;

    UnsubscribeController(Unsubscribes unsubscribes, UnsubscribePage page) {
        this.unsubscribes = unsubscribes;
        this.page = page;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribePage", summary = "A page that asks to confirm turning off the mail's kind",
            description = "Changes nothing by itself; its button posts to the same URL. An unknown or expired link gets a "
                    + "page saying so (404). Pages are in the first language of Accept-Language that mails are written in, "
                    + "else in the website's.")
    @ApiResponse(responseCode = "200", description = "The confirmation page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "404", description = "The page saying the link no longer works", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "400", description = "invalid_request: token is missing or malformed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<String> confirm(@QueryValue @Pattern(regexp = TOKEN) String token, HttpRequest<?> request) {
        Optional<Unsubscribes.Unsubscription> found = unsubscribes.find(token);
        String language = UnsubscribePage.language(found, request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        return found.filter(Unsubscribes.Unsubscription::live)
                .map(live -> HttpResponse.ok(page.confirm(live, PATH + "?token=" + token, language)))
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.NOT_FOUND).body(page.expired(found, language)))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON}, produces = MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribe", summary = "Turn off the mail's kind for its recipient and website (one click)",
            description = "What the confirmation page's button and mail clients' List-Unsubscribe-Post (RFC 8058) send; any "
                    + "body is ignored. Answers a page saying what was turned off, or that the link no longer works (404).")
    @ApiResponse(responseCode = "200", description = "Turned off: the page saying so", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "404", description = "The page saying the link no longer works", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "400", description = "invalid_request: token is missing or malformed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<String> unsubscribe(@QueryValue @Pattern(regexp = TOKEN) String token, HttpRequest<?> request) {
        Optional<Unsubscribes.Unsubscription> used = unsubscribes.use(token);
        String language = UnsubscribePage.language(used, request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        return used.filter(Unsubscribes.Unsubscription::live)
                .map(live -> HttpResponse.ok(page.done(live, language)))
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.NOT_FOUND).body(page.expired(used, language)))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }
}
