/**
 * Starts the Upstash and embeddings fakes in Node, ingests the sample corpus into them as
 * `npm run ingest -- --target upstash` would, and hands the worker their addresses as
 * bindings (vitest.config.ts reads them with `inject`).
 */
import type { TestProject } from 'vitest/node';
import { startSampleUpstash } from '../helpers/upstash.js';

declare module 'vitest' {
  export interface ProvidedContext {
    upstashEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const fixture = await startSampleUpstash();
  project.provide('upstashEnv', fixture.env);
  return () => fixture.close();
}
