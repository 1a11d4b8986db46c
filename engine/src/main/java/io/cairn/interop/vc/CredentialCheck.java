package io.cairn.interop.vc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one presented credential: verified, with what it attests, or refused, with the reason.
 *
 * @param index the credential's position in the learner's {@code presented} list
 * @param refusal why it was refused; empty when it verified
 * @param detail words that say what was checked or what is wrong
 * @param format the proof format: {@code eddsa-rdfc-2022}, {@code Ed25519Signature2020}, {@code vc-jwt EdDSA}, ...
 *     (empty when it could not be read)
 * @param credentialType {@code OpenBadgeCredential}, {@code AchievementCredential} or {@code ClrCredential} (empty
 *     when unknown)
 * @param credentialId the credential's {@code id} (empty when it has none or could not be read)
 * @param issuer who issued it, as the credential says (empty id when it could not be read)
 * @param achievements what it attests: for a CLR, the achievements of its nested credentials; empty when refused
 */
public record CredentialCheck(int index, Optional<Refusal> refusal, String detail, String format,
    String credentialType, String credentialId, IssuerInfo issuer, List<Achievement> achievements) {

  public CredentialCheck {
    Objects.requireNonNull(refusal, "refusal");
    detail = detail == null ? "" : detail;
    format = format == null ? "" : format;
    credentialType = credentialType == null ? "" : credentialType;
    credentialId = credentialId == null ? "" : credentialId;
    issuer = issuer == null ? IssuerInfo.UNKNOWN : issuer;
    achievements = refusal.isPresent() ? List.of() : List.copyOf(achievements);
  }

  public boolean verified() {
    return refusal.isEmpty();
  }

  /**
   * The issuer of a credential.
   *
   * @param id the issuer's id (a DID or URL)
   * @param name its name, when the credential gives one
   * @param trusted whether the operator lists this issuer among the trusted ones
   */
  public record IssuerInfo(String id, String name, boolean trusted) {
    static final IssuerInfo UNKNOWN = new IssuerInfo("", "", false);

    public IssuerInfo {
      id = id == null ? "" : id;
      name = name == null ? "" : name;
    }
  }

  /**
   * An achievement a verified credential attests.
   *
   * @param id the achievement's id (an IRI)
   * @param name its name
   * @param achievementType OB3 {@code achievementType} (Badge, Certificate, ...), or empty
   * @param alignments the {@code targetUrl} of each of its alignments (ESCO skill IRIs, for example)
   * @param identifiers the values of its {@code identifier} entries, if any
   */
  public record Achievement(String id, String name, String achievementType, List<String> alignments,
      List<String> identifiers) {
    public Achievement {
      id = id == null ? "" : id;
      name = name == null ? "" : name;
      achievementType = achievementType == null ? "" : achievementType;
      alignments = List.copyOf(alignments);
      identifiers = List.copyOf(identifiers);
    }
  }
}
