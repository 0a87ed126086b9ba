package dev.zendo.platform.http;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

/** The JSON paths of a request record's {@link FreeText} fields, through nested records ({@code first_message.body}). */
final class FreeTextFields {

    private static final int MAX_DEPTH = 4;

    private static final ClassValue<Set<String>> PATHS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> paths = new HashSet<>();
            collect(type, "", 0, paths);
            return Set.copyOf(paths);
        }
    };

    private FreeTextFields() {
    }

    static Set<String> of(Class<?> type) {
        return PATHS.get(type);
    }

    private static void collect(Class<?> type, String prefix, int depth, Set<String> paths) {
        if (!type.isRecord() || depth >= MAX_DEPTH) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + FieldErrors.jsonName(component.getName());
            if (component.isAnnotationPresent(FreeText.class) && component.getType() == String.class) {
                paths.add(path);
            } else {
                collect(component.getType(), path + ".", depth + 1, paths);
            }
        }
    }
}
