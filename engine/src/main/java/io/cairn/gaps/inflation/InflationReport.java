package io.cairn.gaps.inflation;

import io.cairn.gaps.AnalysisScope;
import java.util.List;

/**
 * The badge-inflation signals of a scope's credentials.
 *
 * @param credentials every credential of the scope, those with the most signals first, then the lowest value per
 *     hour
 * @param perHour the spread of the value index per hour over the scope
 * @param perCost the spread of the value index per unit of cost over the scope
 * @param issuers the issuers with credentials in the scope, the largest share of near-duplicates first
 */
public record InflationReport(AnalysisScope scope, List<CredentialInflation> credentials, ValueDistribution perHour,
    ValueDistribution perCost, List<IssuerDuplicates> issuers) {

  public InflationReport {
    credentials = List.copyOf(credentials);
    issuers = List.copyOf(issuers);
  }

  /**
   * An issuer and how many of its credentials have a near-duplicate among its own.
   *
   * @param credentials all the issuer's credentials in the catalog
   * @param nearDuplicates those with a near-duplicate awarded by the same issuer
   */
  public record IssuerDuplicates(int issuer, int credentials, int nearDuplicates) {
    public double share() {
      return credentials == 0 ? 0 : (double) nearDuplicates / credentials;
    }
  }
}
