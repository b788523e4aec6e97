/**
 * The shared real documents (../shared/data beside the checkout; never copied into the repo).
 * A clone without them skips the tests that read them, and says how to run them, rather
 * than failing on a missing folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/paths.js';

export const SHARED_DATA = join(PROJECT_ROOT, '..', 'shared', 'data');
export const SHARED_DOCS = join(SHARED_DATA, 'docs');
/** Three HWP 5.0 files (a press release, a form, a report template); see its README.md. */
export const SHARED_HWP_DOCS = join(SHARED_DATA, 'docs-hwp');

const present = existsSync(SHARED_DOCS);
if (!present) {
  console.warn(
    `skipping tests on real documents: ${SHARED_DOCS} is missing (check out ../shared beside the repo to run them)`,
  );
}

/** `describe`, skipped when the shared documents are not beside the checkout. */
export const describeWithSharedDocs = present ? describe : describe.skip;

const hwpPresent = existsSync(SHARED_HWP_DOCS);
if (!hwpPresent) {
  console.warn(
    `skipping tests on real HWP documents: ${SHARED_HWP_DOCS} is missing (check out ../shared beside the repo to run them)`,
  );
}

/** `describe`, skipped when the shared HWP documents are not beside the checkout. */
export const describeWithSharedHwpDocs = hwpPresent ? describe : describe.skip;
