package dev.kiln.core.data;

import java.nio.file.NoSuchFileException;

/** A dataset that has not been fetched; the message says the command that fetches it. */
public final class DatasetNotFoundException extends NoSuchFileException {
    private static final long serialVersionUID = 1L;
    private final String fetchCommand;

    public DatasetNotFoundException(String dataset, String file, String fetchCommand) {
        super(file, null, dataset + " not found (missing " + file + "). Fetch it with: " + fetchCommand
                + "   (or ./kiln data fetch " + fetchCommand.substring(fetchCommand.lastIndexOf(' ') + 1)
                + "; set KILN_DATA to use another cache directory)");
        this.fetchCommand = fetchCommand;
    }

    /** The shell command, run from the repository root, that downloads and verifies the data. */
    public String fetchCommand() {
        return fetchCommand;
    }
}
