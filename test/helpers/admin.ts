/** The admin key of the tests that open the admin API (vitest.config.ts, the e2e's .dev.vars). */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** A row of `GET /admin/api/questions` (DESIGN.md). */
export type { QuestionItem as QuestionRow } from '../../src/answer-log/types.js';
