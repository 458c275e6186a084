// The signed package of a period: build, write, read, verify.
export {
  buildPackage,
  encodePackageData,
  sha256Of,
  type BuiltPackage,
  type EncodedPackageData,
  type PackageData,
  type PackageInput,
} from './build';
export { writeDurably } from '../durable';
export { verifyPackage, verifyPackageBytes } from './verify';
export { readZip, writeZip, ZIP_LIMITS, ZipRefused, type ZipEntry, type ZipInput } from './zip';
export {
  allPackages,
  endAttempt,
  insertPackage,
  latestPackageOf,
  packageBySha,
  setConfirmed,
  reserveSequence,
  runningAttempts,
} from './queries';
