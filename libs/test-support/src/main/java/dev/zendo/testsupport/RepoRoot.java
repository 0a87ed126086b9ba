package dev.zendo.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root folder, the one holding mvnw and scripts/. */
public final class RepoRoot {

    private RepoRoot() {
    }

    /** ZENDO_REPO_ROOT when set (surefire sets it), else the nearest parent of the working directory with mvnw. */
    public static Path get() {
        String configured = System.getenv("ZENDO_REPO_ROOT");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("scripts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Zendo checkout: set ZENDO_REPO_ROOT");
    }
}
