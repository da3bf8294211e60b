package dev.kiln.core.data.sets;

import java.nio.file.Path;

/** A dataset file is not in the cache: the message names the path and the command that fetches it. */
public final class MissingDatasetException extends IllegalStateException {
    private final Path path;
    private final String fetchCommand;

    public MissingDatasetException(String dataset, Path path, String fetchCommand) {
        super(dataset + ": " + path + " not found; fetch it with: " + fetchCommand);
        this.path = path;
        this.fetchCommand = fetchCommand;
    }

    public Path path() {
        return path;
    }

    /** The exact shell command that fetches the file into the cache. */
    public String fetchCommand() {
        return fetchCommand;
    }
}
