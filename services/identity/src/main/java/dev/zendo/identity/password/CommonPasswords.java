package dev.zendo.identity.password;

import io.micronaut.context.annotation.Context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The passwords too common to accept (see common-passwords.NOTICE for where the list comes from), compared case-insensitively. */
@Context
public class CommonPasswords {

    private static final String LIST = "/common-passwords.txt";

    private final Set<String> passwords;

    CommonPasswords() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                passwords = reader.lines().filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String password) {
        return passwords.contains(password.strip().toLowerCase(Locale.ROOT));
    }
}
