/**
 * The Slack bot's HTTP side (issue 13): `POST /slack/events`, `/slack/commands` and
 * `/slack/interactions`, each behind one signature check (verify-request.ts).
 *
 * Slack wants an answer within three seconds and retries otherwise
 * (https://api.slack.com/apis/events-api#responding), while a model can take longer: so each
 * route acknowledges at once and answers in the background with `waitUntil`. An event is
 * claimed in the ledger first, so a retry, on whatever isolate, is acknowledged and dropped.
 *
 * Without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN the bot is off and these routes answer
 * 503 `slack_disabled`, which says what to set; `parseConfig` refuses one without the other.
 */
import { Hono, type Context } from 'hono';
import { lazy, type AppServices } from '../../services.js';
import { ConfigError, type SlackConfig } from '../../config.js';
import { AppError, HttpError } from '../../errors.js';
import { answerDeps } from '../../answer/answer-deps.js';
import { answerLanguageOf } from '../../answer/answer-language.js';
import type { Lang } from '../../types.js';
import { slackVerifier, type SlackRequestEnv } from './verify-request.js';
import { SlackApiClient } from './slack-api.js';
import { decideEvent, parseEventsPayload } from './events.js';
import type { SlackEventLedger } from './event-ledger.js';
import { SlackResponder } from './responder.js';
import { isSlackResponseUrl, parseCommandForm, readCommandText } from './slash-command.js';
import { usageMessage } from './messages.js';
import { readInteraction } from './feedback.js';
import { SlackFeedback } from './interactions.js';
import { slackUserHasher } from './user-hash.js';
import { recordAnswer } from '../../answer-log/record-answer.js';

export const SLACK_ROUTES = ['/slack/events', '/slack/commands', '/slack/interactions'] as const;

/** The slash command's immediate, private reply while the answer is prepared. */
const WORKING_TEXT: Record<Lang, string> = {
  ko: ':hourglass_flowing_sand: 답변을 준비하고 있습니다…',
  en: ':hourglass_flowing_sand: Looking into it…',
};

/** Slack's retries are acknowledged like first deliveries; the header only goes to the log. */
function retryNote(c: Context): string {
  const retry = c.req.header('x-slack-retry-num');
  return retry ? ` (retry ${retry}: ${c.req.header('x-slack-retry-reason') ?? 'no reason given'})` : '';
}

function disabledRoutes(): Hono<SlackRequestEnv> {
  const app = new Hono<SlackRequestEnv>();
  for (const path of SLACK_ROUTES) {
    app.post(path, () => {
      throw new AppError(
        503,
        'slack_disabled',
        'the Slack bot is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on (docs/slack.md)',
      );
    });
  }
  return app;
}

function enabledRoutes(slack: SlackConfig, ledger: SlackEventLedger, services: AppServices): Hono<SlackRequestEnv> {
  const client = new SlackApiClient({ baseUrl: slack.apiBaseUrl, token: slack.botToken });
  const hashUser = slackUserHasher(slack.signingSecret);
  const log = services.answerLog;
  const responder = new SlackResponder({
    slack: client,
    answerDeps: () => answerDeps(services),
    botUserId: lazy(async () => {
      const reply = await client.call('auth.test');
      return typeof reply.user_id === 'string' ? reply.user_id : undefined;
    }),
    hashUser,
    ...(log ? { recordAnswer: (record) => recordAnswer(services, record) } : {}),
  });
  const feedback = log ? new SlackFeedback({ slack: client, log, hashUser }) : undefined;
  const publicOrigin = (c: Context) => new URL(c.req.url).origin;

  const app = new Hono<SlackRequestEnv>();
  app.use('/slack/*', slackVerifier({ signingSecret: slack.signingSecret }));

  app.post('/slack/events', async (c) => {
    const payload = parseEventsPayload(c.get('slackBody'));
    // https://api.slack.com/events/url_verification
    if (payload.type === 'url_verification') return c.json({ challenge: payload.challenge });
    if (payload.type !== 'event_callback') return c.body(null, 200);

    const decision = decideEvent(payload);
    if (decision.kind === 'ignore') return c.body(null, 200);
    if (!(await ledger.claim(payload.event_id))) {
      console.log(`slack: event ${payload.event_id} already taken${retryNote(c)}`);
      return c.body(null, 200);
    }
    c.executionCtx.waitUntil(responder.answerInThread(decision.question, publicOrigin(c)));
    return c.body(null, 200);
  });

  app.post('/slack/commands', async (c) => {
    const form = parseCommandForm(c.get('slackBody'));
    const request = readCommandText(form.text);
    if (request.kind === 'help') return c.json({ response_type: 'ephemeral', ...usageMessage(form.command) });
    if (!isSlackResponseUrl(form.response_url, slack.apiBaseUrl)) {
      throw new HttpError(400, 'invalid_request', "response_url: not one of Slack's response URLs");
    }
    c.executionCtx.waitUntil(
      responder.answerCommand(
        {
          question: request.question,
          responseUrl: form.response_url,
          responseType: request.responseType,
          command: form.command,
          ...(form.user_id ? { userId: form.user_id } : {}),
        },
        publicOrigin(c),
      ),
    );
    return c.json({ response_type: 'ephemeral', text: WORKING_TEXT[answerLanguageOf(request.question)] });
  });

  // Button clicks and modal submissions (https://api.slack.com/interactivity/handling):
  // the feedback buttons under answers and the comment modal a 👎 opens (interactions.ts).
  // Anything else is acknowledged and ignored.
  app.post('/slack/interactions', async (c) => {
    const interaction = readInteraction(c.get('slackBody'));
    if (!feedback || interaction.kind === 'other') return c.body(null, 200);
    if (interaction.kind === 'comment') {
      const errors = await feedback.comment(interaction);
      return errors ? c.json(errors) : c.body(null, 200);
    }
    if (interaction.responseUrl && !isSlackResponseUrl(interaction.responseUrl, slack.apiBaseUrl)) {
      throw new HttpError(400, 'invalid_request', "payload.response_url: not one of Slack's response URLs");
    }
    c.executionCtx.waitUntil(feedback.rate(interaction));
    return c.body(null, 200);
  });

  return app;
}

/**
 * The Slack routes for this configuration: the bot, or a 503 saying it is off.
 *
 * @throws ConfigError when Slack is configured but no event ledger (the `DB` binding) is given.
 */
export function slackRoutes(services: AppServices): Hono<SlackRequestEnv> {
  const slack = services.config.slack;
  if (!slack) return disabledRoutes();
  if (!services.slackEvents) {
    // Without a shared ledger a retry reaching another isolate would be answered twice.
    throw new ConfigError(
      'Invalid configuration: SLACK_BOT_TOKEN needs the DB D1 binding (wrangler.toml) to answer each Slack event once',
      ['SLACK_BOT_TOKEN'],
    );
  }
  return enabledRoutes(slack, services.slackEvents, services);
}
