package io.cairn.audit;

import com.google.ortools.Loader;
import java.util.Optional;

/** Loads OR-Tools' native libraries once per JVM, remembering why it failed if it did. */
final class OrTools {
  private static boolean attempted;
  private static String failure;

  private OrTools() {}

  /** Empty when the solver can run; otherwise why it cannot. */
  static synchronized Optional<String> load() {
    if (!attempted) {
      attempted = true;
      try {
        Loader.loadNativeLibraries();
      } catch (LinkageError | RuntimeException e) {
        failure = "the OR-Tools native library did not load (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
      }
    }
    return Optional.ofNullable(failure);
  }
}
