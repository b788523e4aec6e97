/** The admin key of the tests that open the admin API (vitest.config.ts, the e2e's .dev.vars). */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** A row of `GET /admin/api/questions` (DESIGN.md), as the tests read it. */
export interface QuestionRow {
  question: string;
  language: string;
  count: number;
  refused: number;
  up: number;
  down: number;
  last_asked: string;
  documents: string[];
  comments: { rating: string; comment: string; at: string }[];
}
