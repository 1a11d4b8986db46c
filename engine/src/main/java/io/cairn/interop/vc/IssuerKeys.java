package io.cairn.interop.vc;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.Multicodec;
import com.apicatalog.multicodec.MulticodecDecoder;
import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Finds the public key a proof names, offline: among the operator's trusted keys, or from a {@code did:key} or
 * {@code did:jwk} identifier itself (their DID documents are derived from the identifier, so nothing is fetched).
 */
final class IssuerKeys {
  private static final MulticodecDecoder KEY_CODECS = MulticodecDecoder.getInstance(Multicodec.Tag.Key);
  private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");

  private final TrustedIssuers trusted;

  IssuerKeys(TrustedIssuers trusted) {
    this.trusted = trusted;
  }

  /**
   * A public key and who controls it.
   *
   * @param id the verification method (DID URL) or JOSE {@code kid}
   * @param controller the DID or issuer id the key belongs to
   * @param jwk the public key
   */
  record Key(String id, String controller, JWK jwk) {}

  /**
   * The key {@code verificationMethod} names.
   *
   * @throws RefusedException {@link Refusal#UNKNOWN_ISSUER} when it cannot be resolved offline
   */
  Key resolve(String verificationMethod) throws RefusedException {
    Optional<Key> listed = trusted.key(verificationMethod);
    if (listed.isPresent()) {
      return listed.get();
    }
    int hash = verificationMethod.indexOf('#');
    String did = hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    String fragment = hash < 0 ? "" : verificationMethod.substring(hash + 1);
    if (did.startsWith("did:key:")) {
      String multibase = did.substring("did:key:".length());
      if (!fragment.isEmpty() && !fragment.equals(multibase)) {
        throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the verification method " + verificationMethod
            + " is not in the DID document of " + did + " (its only key is #" + multibase + ")");
      }
      return new Key(did + "#" + multibase, did, didKey(did, multibase));
    }
    if (did.startsWith("did:jwk:")) {
      if (!fragment.isEmpty() && !fragment.equals("0")) {
        throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the verification method " + verificationMethod
            + " is not in the DID document of this did:jwk (its only key is #0)");
      }
      return new Key(did + "#0", did, didJwk(did));
    }
    throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the key " + verificationMethod
        + " cannot be resolved offline: it is not a did:key or did:jwk, and the operator trusts no key with this id"
        + " (see --trusted-issuers / CAIRN_TRUSTED_ISSUERS)");
  }

  private static JWK didKey(String did, String multibase) throws RefusedException {
    byte[] bytes;
    try {
      if (!Multibase.BASE_58_BTC.isEncoded(multibase)) {
        throw new IllegalArgumentException("not base58btc (a did:key starts with z)");
      }
      bytes = Multibase.BASE_58_BTC.decode(multibase);
    } catch (RuntimeException e) {
      throw new RefusedException(Refusal.UNKNOWN_ISSUER, did + " is not a valid did:key: " + e.getMessage());
    }
    Multicodec codec = KEY_CODECS.getCodec(bytes).orElseThrow(() -> new RefusedException(
        Refusal.UNSUPPORTED_PROOF, did + " holds a key type Cairn does not know"));
    byte[] raw = codec.decode(bytes);
    try {
      if (codec.equals(KeyCodec.ED25519_PUBLIC_KEY)) {
        Ed25519.publicKey(raw); // checks the length and the point
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build();
      }
      if (codec.equals(KeyCodec.P256_PUBLIC_KEY)) {
        // did:key carries the compressed point; the JDK decodes only uncompressed ones
        ECPoint point = P256.getCurve().decodePoint(raw).normalize();
        return new ECKey.Builder(Curve.P_256, Base64URL.encode(point.getAffineXCoord().getEncoded()),
            Base64URL.encode(point.getAffineYCoord().getEncoded())).build();
      }
    } catch (IllegalArgumentException e) {
      throw new RefusedException(Refusal.UNKNOWN_ISSUER, did + " does not hold a valid key: " + e.getMessage());
    }
    throw new RefusedException(Refusal.UNSUPPORTED_PROOF, did + " holds a " + codec.name()
        + " key; Cairn verifies Ed25519 and P-256 did:key keys");
  }

  private static JWK didJwk(String did) throws RefusedException {
    try {
      String json = new String(Base64URL.from(did.substring("did:jwk:".length())).decode(), StandardCharsets.UTF_8);
      JWK jwk = JWK.parse(json);
      if (jwk.isPrivate()) {
        throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the did:jwk holds a private key; it must hold a public one");
      }
      return jwk;
    } catch (ParseException | RuntimeException e) {
      throw new RefusedException(Refusal.UNKNOWN_ISSUER, "the did:jwk does not hold a valid JWK: " + e.getMessage());
    }
  }
}
