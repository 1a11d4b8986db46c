package io.cairn.server.api;

import io.cairn.interop.vc.CredentialCheck;
import io.cairn.learner.LearnerHoldings;
import java.util.List;

/**
 * Renders where a learner's holdings came from (see openapi.json, {@code Holdings}): declared ids, presented
 * credentials that verified with what each counts as, and presented credentials refused with the reason.
 */
public final class HoldingsViews {
  private HoldingsViews() {}

  public record DeclaredView(List<Views.Ref> credentials, List<Views.Ref> competencies) {}

  public record IssuerView(String id, String name, boolean trusted) {}

  /** A verified achievement: the catalog credential it is, or else the catalog skills its alignments name. */
  public record AchievementView(String id, String name, String achievementType, Views.Ref credential,
      List<Views.Ref> competencies, List<String> unknownAlignments) {}

  public record VerifiedView(int index, String format, String credentialType, String credentialId,
      IssuerView issuer, String detail, List<AchievementView> achievements) {}

  public record RefusedView(int index, String reason, String title, String detail, String format,
      String credentialType, String credentialId, IssuerView issuer) {}

  public record HoldingsView(DeclaredView declared, List<VerifiedView> verified, List<RefusedView> refused) {}

  public static HoldingsView of(Views views, LearnerHoldings holdings) {
    return new HoldingsView(
        new DeclaredView(views.credentials(holdings.declaredCredentials()),
            views.competencies(holdings.declaredCompetencies())),
        holdings.verified().stream().map(v -> verified(views, v)).toList(),
        holdings.refused().stream().map(HoldingsViews::refused).toList());
  }

  private static VerifiedView verified(Views views, LearnerHoldings.VerifiedHolding holding) {
    CredentialCheck c = holding.check();
    return new VerifiedView(c.index(), c.format(), Views.emptyToNull(c.credentialType()),
        Views.emptyToNull(c.credentialId()), issuer(c), c.detail(),
        holding.achievements().stream().map(a -> new AchievementView(a.achievement().id(),
            Views.emptyToNull(a.achievement().name()), Views.emptyToNull(a.achievement().achievementType()),
            a.inCatalog() ? views.credentialRef(a.credential()) : null, views.competencies(a.competencies()),
            a.unknownAlignments())).toList());
  }

  private static RefusedView refused(CredentialCheck c) {
    return new RefusedView(c.index(), c.refusal().orElseThrow().code(), c.refusal().orElseThrow().title(), c.detail(),
        Views.emptyToNull(c.format()), Views.emptyToNull(c.credentialType()), Views.emptyToNull(c.credentialId()),
        c.issuer().id().isEmpty() ? null : issuer(c));
  }

  private static IssuerView issuer(CredentialCheck c) {
    return new IssuerView(c.issuer().id(), Views.emptyToNull(c.issuer().name()), c.issuer().trusted());
  }
}
