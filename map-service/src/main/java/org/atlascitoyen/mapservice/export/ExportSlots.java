package org.atlascitoyen.mapservice.export;

import java.util.concurrent.Semaphore;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.springframework.stereotype.Component;

/**
 * How many exports may run at once ({@code atlas.export-max-concurrent}). An export holds a
 * database connection for as long as its client downloads; without a bound, a few large exports
 * would take the whole pool and every other request would wait for a connection.
 */
@Component
class ExportSlots {

    private final Semaphore slots;
    private final int max;

    ExportSlots(AtlasProperties limits) {
        this.max = limits.exportMaxConcurrent();
        this.slots = new Semaphore(max);
    }

    /** A slot held until closed. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A free slot now, or a 503 refusal: waiting would only hold a request thread for nothing. */
    Slot take() {
        if (!slots.tryAcquire()) {
            throw ExportRefusal.busy(max);
        }
        return slots::release;
    }
}
