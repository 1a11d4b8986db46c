package io.cairn.interop;

/**
 * A document that reads fine but holds nothing of its standard for the catalog (an issued credential that names
 * no specification, say). In an import of several documents it is refused on its own and the others go on.
 */
public final class NothingToImportException extends StandardFormatException {
  public NothingToImportException(String message) {
    super(message);
  }
}
