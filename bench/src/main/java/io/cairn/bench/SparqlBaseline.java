package io.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * The straightforward way to answer a recommendation question: one SPARQL query per request against the TDB2
 * store ({@code sparql-occupation.rq} or {@code sparql-competencies.rq}), with the request's values bound into
 * the parsed query. It only covers and ranks by budget and skill count, with no explanations: the baseline the
 * in-memory recommender is compared with.
 */
final class SparqlBaseline {
  /** One suggested credential: its IRI, how many lacking skills it covers, its price. */
  record Row(String credential, long covered, double cost) {}

  private final Dataset dataset;
  private final Query occupationQuery = load("sparql-occupation.rq");
  private final Query competencyQuery = load("sparql-competencies.rq");

  SparqlBaseline(Dataset dataset) {
    this.dataset = dataset;
  }

  List<Row> answer(RequestGenerator.SparqlQuestion q) {
    boolean occupation = q.occupationIri() != null;
    Query query = QueryTransformOps.transform(occupation ? occupationQuery : competencyQuery, new FillValues(Map.of(
        "skill", q.competencyIris(),
        "declared", q.declaredCompetencyIris(),
        "held", q.heldCredentialIris(),
        "heldCredential", q.heldCredentialIris())));
    query.setLimit(q.k());
    double budget = Double.isFinite(q.maxCost()) ? q.maxCost() : 1e12;
    return Txn.calculateRead(dataset, () -> {
      var builder = QueryExecution.dataset(dataset).query(query)
          .set(TDB2.symUnionDefaultGraph, true)
          .substitution("maxCost", ResourceFactory.createTypedLiteral(budget));
      if (occupation) {
        builder = builder.substitution("occupation", ResourceFactory.createResource(q.occupationIri()));
      }
      try (QueryExecution exec = builder.build()) {
        ResultSet rs = exec.execSelect();
        List<Row> rows = new ArrayList<>();
        while (rs.hasNext()) {
          QuerySolution s = rs.next();
          rows.add(new Row(s.getResource("credential").getURI(), s.getLiteral("covered").getLong(),
              s.getLiteral("cost").getDouble()));
        }
        return rows;
      }
    });
  }

  /** Gives each single-variable VALUES block of the query the rows for its variable (IRIs). */
  private static final class FillValues extends ElementTransformCopyBase {
    private static final Node NOTHING = NodeFactory.createURI("urn:cairn:bench:nothing");
    private final Map<String, List<String>> rows;

    FillValues(Map<String, List<String>> rows) {
      this.rows = rows;
    }

    @Override
    public Element transform(ElementData data) {
      if (data.getVars().size() != 1 || !rows.containsKey(data.getVars().get(0).getVarName())) {
        return super.transform(data);
      }
      Var var = data.getVars().get(0);
      List<Binding> bindings = new ArrayList<>();
      for (String iri : rows.get(var.getVarName())) {
        Node node = NodeFactory.createURI(iri);
        bindings.add(BindingFactory.binding(var, node));
      }
      if (bindings.isEmpty()) {
        // TDB2's pattern reordering fails on an input with no rows ("Peek iterator is already empty"), so an
        // empty list becomes one IRI that is in no triple: the same answer
        bindings.add(BindingFactory.binding(var, NOTHING));
      }
      return new ElementData(List.of(var), bindings);
    }
  }

  static String text(String resource) {
    try (InputStream in = SparqlBaseline.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query load(String resource) {
    return QueryFactory.create(text(resource));
  }
}
