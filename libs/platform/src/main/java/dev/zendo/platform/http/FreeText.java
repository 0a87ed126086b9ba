package dev.zendo.platform.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request record's free-text field (a chat message, a rating comment) that the service cleans itself: the
 * strict body check lets control characters, byte order marks, non-characters and lone surrogates through in it
 * instead of refusing the request, so a pasted message is stored without them rather than lost.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface FreeText {
}
