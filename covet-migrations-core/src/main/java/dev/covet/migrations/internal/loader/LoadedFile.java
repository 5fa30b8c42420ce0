package dev.covet.migrations.internal.loader;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;

import java.util.List;

/**
 * A migration file read into memory: id and checksum are known at once; {@link #parse()} reads the operations
 * only when a plan needs them.
 *
 * @param id the migration's id
 * @param location where the file is, for messages
 * @param format the file format
 * @param content the file's text
 * @param checksum checksum of the normalized text
 * @param defaultDependencies what the migration depends on when the file names nothing: the previous file of
 *        the same app
 */
public record LoadedFile(MigrationId id, String location, FileFormat format, String content, String checksum,
                         List<MigrationId> defaultDependencies) implements MigrationSource {

    /** A copy with the default dependencies filled in by the loader, once all files are known. */
    LoadedFile withDefaultDependencies(List<MigrationId> dependencies) {
        return new LoadedFile(id, location, format, content, checksum, List.copyOf(dependencies));
    }

    @Override
    public Migration parse() {
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        return format == FileFormat.SQL
                ? SqlFileReader.read(this, text, defaultDependencies)
                : MigrationDocumentReader.read(this, text, defaultDependencies);
    }
}
