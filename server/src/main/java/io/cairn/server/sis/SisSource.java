package io.cairn.server.sis;

import io.cairn.interop.oneroster.OneRosterCsv;
import io.cairn.interop.oneroster.Roster;
import java.nio.file.Path;

/** Where a learner's OneRoster records come from: a SIS's REST services, or a CSV bulk export on disk. */
public interface SisSource {
  /**
   * The records about {@code learner} (a OneRoster user sourcedId), read now.
   *
   * @throws SisException when the SIS cannot be read
   */
  Roster roster(String learner);

  /** For logs and the startup banner. */
  String describe();

  /** The OneRoster CSV bundle unzipped at {@code folder}, read at each request (it may be replaced meanwhile). */
  static SisSource csv(Path folder) {
    return new SisSource() {
      @Override
      public Roster roster(String learner) {
        try {
          return OneRosterCsv.read(folder, learner);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
          throw new SisException(e.getMessage());
        }
      }

      @Override
      public String describe() {
        return "OneRoster 1.2 CSV at " + folder.toAbsolutePath();
      }
    };
  }
}
