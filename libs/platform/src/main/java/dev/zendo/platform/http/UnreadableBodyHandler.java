package dev.zendo.platform.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bodies and parameters that cannot be read as the declared types (unknown fields, wrong JSON types): a 400 naming
 * the field by its JSON path in the body, such as {@code widget.colour} or {@code widget.pre_chat_fields[0].required}.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class UnreadableBodyHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[");
    private static final Pattern EXPECTED = Pattern.compile("must be [a-z ]+");

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException exception) {
        SerdeException serde = serdeCause(exception);
        if (serde == null) {
            String parameter = exception.getArgument().getName();
            return FieldErrors.badRequest(List.of(new ApiError.FieldError(parameter, "has the wrong type")));
        }
        boolean unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(serde.getMessage())).find();
        String path = path(serde.getPath(), unknown);
        String field = path.isEmpty() ? "body" : path;
        if (unknown) {
            return FieldErrors.badRequest(List.of(new ApiError.FieldError(field, "is not a known field")));
        }
        if (String.valueOf(serde.getMessage()).startsWith("Duplicate property")) {
            return FieldErrors.badRequest(List.of(new ApiError.FieldError(field, "is given more than once")));
        }
        Matcher expected = EXPECTED.matcher(String.valueOf(serde.getMessage()));
        return FieldErrors.badRequest(List.of(new ApiError.FieldError(field, expected.find() ? expected.group().trim() : "has the wrong type")));
    }

    private static SerdeException serdeCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerdeException serde) {
                return serde;
            }
        }
        return null;
    }

    /**
     * The JSON path in the body; serde lists it innermost first, by Java property names, except for an unknown field,
     * which is named as the request spelled it.
     */
    private static String path(List<ReferencePath> references, boolean innermostAsSent) {
        StringBuilder path = new StringBuilder();
        for (int i = references.size() - 1; i >= 0; i--) {
            ReferencePath reference = references.get(i);
            if (reference instanceof CollectionItemReferencePath item) {
                path.append('[').append(item.index()).append(']');
            } else if (reference instanceof MapItemReferencePath item) {
                path.append('.').append(item.key());
            } else if (reference instanceof PropertyReferencePath property) {
                String name = property.property().getName();
                path.append('.').append(i == 0 && innermostAsSent ? name : FieldErrors.jsonName(name));
            }
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }
}
