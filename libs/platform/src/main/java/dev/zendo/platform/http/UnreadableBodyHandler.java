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
import java.util.Optional;

/**
 * Bodies and parameters that cannot be read as the declared types: a 400 naming the field by its JSON path in the
 * body, such as {@code widget.colour} or {@code widget.pre_chat_fields[0].required}. The cause's type says what is
 * wrong: the strict reading's {@link InvalidInputException} or {@link WrongJsonTypeException}, or serde's refusal of
 * an unknown field (recognised by {@link SerdeMessages}).
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class UnreadableBodyHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException exception) {
        Optional<InvalidInputException> invalid = cause(exception, InvalidInputException.class);
        if (invalid.isPresent()) {
            return invalid.get().problem().response();
        }
        Optional<SerdeException> serde = cause(exception, SerdeException.class);
        if (serde.isEmpty()) {
            String parameter = exception.getArgument().getName();
            return FieldErrors.badRequest(List.of(new ApiError.FieldError(parameter, "has the wrong type")));
        }
        boolean unknown = SerdeMessages.isUnknownProperty(serde.get());
        String path = path(serde.get().getPath(), unknown);
        String field = path.isEmpty() ? "body" : path;
        String message = unknown ? "is not a known field" : cause(exception, WrongJsonTypeException.class)
                .map(WrongJsonTypeException::expectation).orElse("has the wrong type");
        return FieldErrors.badRequest(List.of(new ApiError.FieldError(field, message)));
    }

    /** The outermost cause of {@code type}. */
    private static <T extends Throwable> Optional<T> cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
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
