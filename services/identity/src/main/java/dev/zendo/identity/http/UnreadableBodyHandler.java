package dev.zendo.identity.http;

import dev.zendo.platform.http.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A body that is valid JSON but cannot become the request type (an unknown field, a value of the wrong type, a
 * repeated field, not an object) gets a 400 naming the field, without the parser's internals.
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class UnreadableBodyHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException exception) {
        return FieldErrors.badRequest(List.of(fieldError(exception)));
    }

    private static ApiError.FieldError fieldError(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerdeException serde && !serde.getPath().isEmpty()
                    && serde.getPath().get(serde.getPath().size() - 1) instanceof PropertyReferencePath property) {
                return propertyError(property, serde.getMessage());
            }
        }
        return new ApiError.FieldError(FieldErrors.BODY, "must be a JSON object of the documented fields");
    }

    private static ApiError.FieldError propertyError(PropertyReferencePath path, String message) {
        String name = path.property().getName();
        if (!isProperty(path.type(), name)) {
            return new ApiError.FieldError(name, "is not a known field");
        }
        String field = FieldErrors.jsonName(name);
        if (message != null && message.startsWith("Duplicate property")) {
            return new ApiError.FieldError(field, "appears more than once");
        }
        return new ApiError.FieldError(field, expected(path.property()));
    }

    private static boolean isProperty(Class<?> type, String name) {
        return BeanIntrospector.SHARED.findIntrospection(type).flatMap(introspection -> introspection.getProperty(name)).isPresent();
    }

    private static String expected(Argument<?> property) {
        Class<?> type = property.getWrapperType();
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (Boolean.class == type) {
            return "must be true or false";
        }
        return "has the wrong type";
    }
}
