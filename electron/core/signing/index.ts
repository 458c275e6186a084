// The office's signing key and detached CMS signatures.
export {
  generateOfficeKey,
  parseCertificate,
  describeSubject,
  type CertSubject,
  type GeneratedKey,
  type OfficeIdentity,
} from './certificate';
export { signDetached, verifyDetached, type SigningKey, type VerifyResult } from './cms';
export { fingerprintOf, toPem } from './der';
export { enrolment, parseEnrolmentQr, type EnrolmentSheet } from './enrolment';
export {
  createKeyStore,
  KEY_FILE,
  type KeyCertificate,
  type KeyOrigin,
  type KeyStore,
  type OfficeKey,
} from './keyStore';
export { readPkcs12, type Pkcs12Contents } from './pkcs12';
export { createPassphraseSealer, isPassphraseEnvelope, type KeySealer } from './sealer';
