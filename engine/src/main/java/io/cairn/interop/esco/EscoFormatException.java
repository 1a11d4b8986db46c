package io.cairn.interop.esco;

/** The ESCO download is not what the importer expects (missing files or columns); nothing was written. */
public final class EscoFormatException extends RuntimeException {
  public EscoFormatException(String message) {
    super(message);
  }
}
