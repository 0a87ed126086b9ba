package dev.zendo.websites.website;

import dev.zendo.websites.WebsitesSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Removes websites for good once they have been in the trash longer than the purge window. */
@Singleton
class WebsitePurger {

    private static final Logger LOG = LoggerFactory.getLogger(WebsitePurger.class);

    private final WebsiteRepository websites;
    private final WebsitesSettings settings;
    private final Clock clock;

    WebsitePurger(WebsiteRepository websites, WebsitesSettings settings, Clock clock) {
        this.websites = websites;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    public void purge() {
        int purged = websites.purgeDeletedBefore(clock.instant().minus(settings.purgeAfter()));
        if (purged > 0) {
            LOG.info("purged {} websites deleted more than {} ago", purged, settings.purgeAfter());
        }
    }
}
