package io.cairn.interop.casepkg;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cairn.interop.SharedStandards;
import io.cairn.interop.StandardFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The official CASE 1.1 CFPackage JSON Schema from the standards folder, and what it says of a package. */
public final class CaseSchema {
  static final String FILE = "case/json-schema/case_v1p1_cfpackage-jsonschema1.official.json";
  private final Schema schema;

  private CaseSchema(Schema schema) {
    this.schema = schema;
  }

  public static CaseSchema load(SharedStandards standards) {
    try {
      String text = Files.readString(standards.file(FILE));
      return new CaseSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
          .getSchema(text, InputFormat.JSON));
    } catch (IOException e) {
      throw new StandardFormatException("cannot read the CASE JSON Schema: " + e.getMessage(), e);
    }
  }

  /** The schema's complaints about {@code json}, one line each (empty when it conforms). */
  public List<String> errors(String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }
}
