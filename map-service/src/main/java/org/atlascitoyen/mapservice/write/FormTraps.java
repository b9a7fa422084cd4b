package org.atlascitoyen.mapservice.write;

import java.time.Instant;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * The traps every anonymous form of the write side sets for scripts (contributions, the contact
 * relay, rights requests): a honeypot field a person never sees, and a minimum time between
 * opening the form and sending it.
 */
public final class FormTraps {

    private FormTraps() {
    }

    /** Whether the honeypot was filled: the caller answers as if all went well and keeps nothing. */
    public static boolean caught(String honeypot) {
        return honeypot != null && !honeypot.isEmpty();
    }

    /**
     * Refuses a form sent sooner than {@code minFillSeconds} after it opened ({@code openedAt}, ms
     * since the epoch; missing or in the future counts as too soon): a 400 in French, since a quick
     * person can hit it and must be able to send again.
     */
    public static void requireFillTime(Long openedAt, int minFillSeconds) {
        long now = Instant.now().toEpochMilli();
        if (openedAt == null || openedAt > now || now - openedAt < minFillSeconds * 1000L) {
            throw new BadParameterException("openedAt",
                    "Formulaire envoyé trop vite : relisez-le quelques secondes puis envoyez-le à nouveau.");
        }
    }
}
