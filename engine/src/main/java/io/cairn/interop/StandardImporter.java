package io.cairn.interop;

/**
 * Reads the documents of one standard and maps them into Cairn's model. An importer does not write: it returns
 * the graph to store, and the import checks it against the shapes and the store, refuses what breaks them and
 * writes the rest in one transaction.
 */
public interface StandardImporter {
  StandardFormat format();

  /**
   * Maps one document.
   *
   * @param lookup what the store already holds (concepts, resources by CTID or issuer and code)
   * @throws StandardFormatException when the document cannot be read as this standard at all
   */
  MappedSource map(ImportSource source, StoreLookup lookup);
}
