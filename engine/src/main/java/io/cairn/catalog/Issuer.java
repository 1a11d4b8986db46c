package io.cairn.catalog;

/** An organisation that awards credentials. */
public record Issuer(int index, String iri, String id, String name) {}
