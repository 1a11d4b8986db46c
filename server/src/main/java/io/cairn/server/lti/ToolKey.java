package io.cairn.server.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;

/**
 * Cairn's own RSA key as an LTI tool, for what it signs towards a platform (the Deep Linking response, the client
 * assertion of the course roster). Either loaded from the operator's file ({@link #load}), so that a restart keeps
 * the key platforms registered (some LMSs take the tool's public key pasted in, not its JWKS URL), or made when first
 * needed and kept as long as the process: platforms that read Cairn's JWKS URL ({@code /lti/jwks}) fetch it again
 * for a key id they have not seen. Thread-safe.
 */
public final class ToolKey {
  private volatile RSAKey key;

  private ToolKey(RSAKey key) {
    this.key = key;
  }

  /** A key generated when first needed, for this process only. */
  public static ToolKey generated() {
    return new ToolKey(null);
  }

  /**
   * The RSA private key in {@code file}: a JWK (or a JWK Set holding one private RSA key), or PEM PKCS#8
   * ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey -algorithm RSA} writes). A key without a key id
   * gets its RFC 7638 thumbprint, so the id is the same at every start.
   *
   * @throws IllegalArgumentException saying what is wrong with the file
   */
  public static ToolKey load(java.nio.file.Path file) {
    String text;
    try {
      text = java.nio.file.Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read the LTI key " + file + ": " + e.getMessage());
    }
    RSAKey rsa;
    try {
      rsa = text.startsWith("{") ? fromJwk(text, file) : fromPem(text, file);
    } catch (java.text.ParseException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not an RSA private key (a JWK or PEM PKCS#8): "
          + e.getMessage());
    }
    if (rsa.size() < 2048) {
      throw new IllegalArgumentException("the LTI key in " + file + " has " + rsa.size() + " bits; LTI 1.3 asks "
          + "for RSA keys of 2048 bits or more");
    }
    try {
      return new ToolKey(rsa.getKeyID() != null ? rsa : new RSAKey.Builder(rsa).keyIDFromThumbprint().build());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot compute the key id of " + file + ": " + e.getMessage());
    }
  }

  private static RSAKey fromJwk(String text, java.nio.file.Path file) throws java.text.ParseException {
    com.nimbusds.jose.jwk.JWK jwk = text.contains("\"keys\"") ? single(JWKSet.parse(text), file)
        : com.nimbusds.jose.jwk.JWK.parse(text);
    if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
      throw new IllegalArgumentException("the JWK in " + file + " is not an RSA private key (kty RSA with d)");
    }
    return rsa;
  }

  private static com.nimbusds.jose.jwk.JWK single(JWKSet set, java.nio.file.Path file) {
    if (set.getKeys().size() != 1) {
      throw new IllegalArgumentException("the JWK Set in " + file + " holds " + set.getKeys().size()
          + " keys; give the one Cairn signs with");
    }
    return set.getKeys().get(0);
  }

  private static RSAKey fromPem(String text, java.nio.file.Path file) throws java.security.GeneralSecurityException {
    if (text.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException("it is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with "
          + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + "'");
    }
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no " + begin + " ... " + end + " block");
    }
    byte[] der = java.util.Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    if (!(key instanceof java.security.interfaces.RSAPrivateCrtKey crt)) {
      throw new IllegalArgumentException("the key has no public part (not an RSA CRT key)");
    }
    java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory
        .getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(),
            crt.getPublicExponent()));
    return new RSAKey.Builder(pub).privateKey(crt).build();
  }

  /** The key id platforms see, generating the key now if it is made at start. */
  public String keyId() {
    return key().getKeyID();
  }

  private RSAKey key() {
    RSAKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          try {
            key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
          } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate Cairn's LTI key", e);
          }
        }
        current = key;
      }
    }
    return current;
  }

  /** The public key as a JWK Set, for {@code /lti/jwks} (and for an LMS that takes the key pasted in). */
  JWKSet publicJwks() {
    return new JWKSet(key().toPublicJWK());
  }

  /**
   * A client assertion for the OAuth 2.0 client-credentials grant of LTI Advantage (1EdTech Security Framework
   * 4.1, RFC 7523): Cairn's client id as issuer and subject, the platform's token endpoint as audience, valid for
   * five minutes, with a fresh {@code jti}.
   */
  String clientAssertion(String clientId, java.net.URI tokenEndpoint, Instant now) {
    return sign(new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenEndpoint.toString())
        .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)))
        .jwtID(java.util.UUID.randomUUID().toString()).build());
  }

  /** {@code claims} signed RS256 with Cairn's key, its key id in the header. */
  String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with Cairn's LTI key", e);
    }
  }
}
