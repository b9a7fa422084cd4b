package org.atlascitoyen.importers.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.load.CountingInputStream;
import org.atlascitoyen.importers.load.MalformedFileException;

/**
 * What every file reader shares: the file and its mapping, the notes it makes, and the counted
 * stream that tells progress how far it is.
 */
public abstract class FileRowReader implements RowReader {

    protected final Path file;
    protected final Mapping mapping;
    private final List<String> notes = new ArrayList<>();
    private CountingInputStream counting;

    protected FileRowReader(Path file, Mapping mapping) {
        this.file = file;
        this.mapping = mapping;
    }

    /** Opens the file through a byte counter; the caller closes it. */
    protected CountingInputStream open() throws IOException {
        counting = new CountingInputStream(Files.newInputStream(file));
        return counting;
    }

    /** Refuses a file of zero bytes with a message naming it. */
    protected void requireNotEmpty() throws IOException {
        if (Files.size(file) == 0) {
            throw new MalformedFileException(file + ": the file is empty");
        }
    }

    protected void note(String note) {
        notes.add(note);
    }

    @Override
    public long bytesRead() {
        return counting == null ? 0 : counting.count();
    }

    @Override
    public List<String> notes() {
        return notes;
    }
}
