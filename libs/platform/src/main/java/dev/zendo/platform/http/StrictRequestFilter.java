package dev.zendo.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks every request passes before its endpoint runs, in one place for every service: a well-formed path and
 * query (strict UTF-8, no NUL or control characters), {@code true} or {@code false} for a boolean parameter, and a body
 * only as {@code application/json} in UTF-8, unless the endpoint names another type it consumes (such as a one-click
 * unsubscribe's form post). Request bodies themselves are checked by {@link StrictJsonReader}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StrictRequestFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> check(HttpRequest<?> request) {
        return problem(request).map(InputProblem::response).orElse(null);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static Optional<InputProblem> problem(HttpRequest<?> request) {
        URI uri = request.getUri();
        Optional<InputProblem> path = RequestTarget.pathProblem(uri.getRawPath());
        if (path.isPresent()) {
            return path;
        }
        RequestTarget.Query query = RequestTarget.query(uri.getRawQuery());
        if (query.problem().isPresent()) {
            return query.problem();
        }
        Optional<InputProblem> booleans = booleanProblem(request, query);
        if (booleans.isPresent()) {
            return booleans;
        }
        return contentTypeProblem(request);
    }

    /** A boolean parameter of the matched endpoint must be spelled {@code true} or {@code false}, nothing the converter would guess at. */
    private static Optional<InputProblem> booleanProblem(HttpRequest<?> request, RequestTarget.Query query) {
        return RouteAttributes.getRouteMatch(request).stream()
                .flatMap(match -> match.getRequiredArguments().stream())
                .filter(argument -> argument.getType() == boolean.class || argument.getType() == Boolean.class)
                .map(StrictRequestFilter::parameterName)
                .flatMap(name -> query.parameters().getOrDefault(name, List.of()).stream()
                        .filter(value -> !value.equals("true") && !value.equals("false"))
                        .map(value -> InputProblem.invalid(name, "must be true or false")))
                .findFirst();
    }

    private static String parameterName(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue("io.micronaut.http.annotation.QueryValue")
                .filter(name -> !name.isEmpty())
                .orElse(argument.getName());
    }

    /** A request with a body must send it as JSON, in UTF-8 if it names a charset. */
    private static Optional<InputProblem> contentTypeProblem(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        boolean hasBody = headers.contentLength().orElse(0) > 0 || headers.contains(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return Optional.empty();
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return Optional.of(unsupported("is required for a body, and must be application/json"));
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json") && consumesOtherThanJson(request, parts[0].trim())) {
            return Optional.empty();
        }
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return Optional.of(unsupported("must be application/json"));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].trim().toLowerCase(Locale.ROOT);
            String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
            if (!name.equals("charset") || !value.equalsIgnoreCase("utf-8")) {
                return Optional.of(unsupported("must be application/json, with no parameter but charset=utf-8"));
            }
        }
        return Optional.empty();
    }

    /** Whether the matched endpoint names {@code type} among the body types it consumes. */
    private static boolean consumesOtherThanJson(HttpRequest<?> request, String type) {
        return RouteAttributes.getRouteMatch(request)
                .map(match -> match.getRouteInfo().getConsumes().stream().anyMatch(consumed -> consumed.getName().equalsIgnoreCase(type)))
                .orElse(false);
    }

    private static InputProblem unsupported(String message) {
        return new InputProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", message);
    }
}
