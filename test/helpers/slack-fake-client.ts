/**
 * The fake Slack Web API (test/fakes/slack-api.ts) seen from workerd: the fake runs in the
 * vitest process, so tests inside the worker's runtime read its records and script it over
 * its `/_fake/` HTTP routes.
 */
import type { FakeSlackFailure, FakeSlackMessage, RecordedSlackCall } from '../fakes/slack-api.js';

export class SlackFakeClient {
  constructor(readonly origin: string) {}

  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** A response URL the fake accepts, unique per `id`. */
  responseUrl(id: string): string {
    return `${this.origin}/commands/T0FAKE/${encodeURIComponent(id)}`;
  }

  /** Recorded calls, optionally only one method's and one channel's (or one response URL's). */
  async calls(filter: { method?: string; channel?: string; path?: string } = {}): Promise<RecordedSlackCall[]> {
    const all = (await (await fetch(`${this.origin}/_fake/calls`)).json()) as RecordedSlackCall[];
    return all.filter(
      (call) =>
        (filter.method === undefined || call.method === filter.method) &&
        (filter.channel === undefined || call.params.channel === filter.channel) &&
        (filter.path === undefined || call.path === filter.path),
    );
  }

  /** An interaction's response URL the fake accepts, unique per `id`. */
  actionResponseUrl(id: string): string {
    return `${this.origin}/actions/T0FAKE/${encodeURIComponent(id)}`;
  }

  async addMessages(channel: string, messages: FakeSlackMessage[]): Promise<void> {
    await this.control('messages', { channel, messages });
  }

  async failNext(failure: FakeSlackFailure): Promise<void> {
    await this.control('fail', failure);
  }

  private async control(name: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.origin}/_fake/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake Slack control ${name} failed: HTTP ${response.status}`);
  }
}
