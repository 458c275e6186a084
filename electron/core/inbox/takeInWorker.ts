// The province's take-in checks the next package file on this worker thread while the main
// thread inserts the one before (services/inboxTakeIn.ts). Bundled to dist/inbox-worker.cjs
// (scripts/build.mjs).
import { serve } from '../workers/serve';
import { readPackage, type PackageRead, type ReadPackageInput } from './readPackage';

serve<ReadPackageInput, PackageRead>(async (input) => ({ value: await readPackage(input) }));
