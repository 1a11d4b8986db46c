package io.cairn.server.lti;

/**
 * The LTI 1.3 claim names and vocabulary Cairn reads (LTI 1.3 Core, section 5.3 and appendix A.2), in one place.
 */
final class LtiClaims {
  private LtiClaims() {}

  static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";
  static final String MESSAGE_TYPE = PREFIX + "message_type";
  static final String VERSION = PREFIX + "version";
  static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
  static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
  static final String RESOURCE_LINK = PREFIX + "resource_link";
  static final String ROLES = PREFIX + "roles";
  static final String CONTEXT = PREFIX + "context";
  static final String CUSTOM = PREFIX + "custom";
  static final String LIS = PREFIX + "lis";

  static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
  static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
  static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

  /** LTI Deep Linking 2.0 claims (sections 4.4 and 4.5). */
  static final String DL_PREFIX = "https://purl.imsglobal.org/spec/lti-dl/claim/";
  static final String DEEP_LINKING_SETTINGS = DL_PREFIX + "deep_linking_settings";
  static final String CONTENT_ITEMS = DL_PREFIX + "content_items";
  static final String DL_DATA = DL_PREFIX + "data";
  static final String DL_MESSAGE = DL_PREFIX + "msg";
  static final String LTI_VERSION = "1.3.0";

  /** LTI Names and Role Provisioning Services 2.0 (section 3.6.1: the claim; 4.1: the scope and media type). */
  static final String NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
  static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  static final String NRPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** Context (membership) roles and institution roles of the LIS v2 vocabulary. */
  static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
}
