/**
 * The work after the acknowledgement (run under `waitUntil`): answer a question with the
 * pipeline and post the answer where it was asked. While it runs, an 👀 reaction on the
 * question shows the bot is on it. Any failure (search, model, Slack) ends in a short
 * apology in the question's language rather than silence.
 *
 * Logs name the event and what failed, never a token or the text of a message.
 */
import type { AnswerDeps } from '../../answer/pipeline.js';
import { answerToCompletion } from '../../answer/pipeline.js';
import type { AnswerRecord } from '../../answer-log/record-answer.js';
import type { UserHasher } from './user-hash.js';
import { answerLanguageOf } from '../../answer/answer-language.js';
import { AppError } from '../../errors.js';
import type { ChatMessage, ChatResponse, Lang } from '../../types.js';
import type { SlackQuestion } from './events.js';
import { answerMessages, apologyMessage, usageMessage, type SlackMessage } from './messages.js';
import type { SlackApiClient } from './slack-api.js';
import { historyFromThread, readThread } from './thread-history.js';

/**
 * All of a Slack answer's model calls end within this. `waitUntil` work may run 30 s past
 * the acknowledgement (https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil);
 * the rest is for reading the thread and posting the answer or the apology.
 */
export const SLACK_ANSWER_DEADLINE_MS = 20_000;
/** Shown on the question while the answer is prepared (https://api.slack.com/methods/reactions.add). */
export const WORKING_REACTION = 'eyes';
/** The command the usage help names when a mention comes without a question. */
const DEFAULT_COMMAND = '/fund';

export interface SlackResponderOptions {
  slack: SlackApiClient;
  answerDeps: () => Promise<AnswerDeps>;
  /** The bot's user id when an event did not name it (`auth.test`, asked once). */
  botUserId: () => Promise<string | undefined>;
  /** Writes an answer to the answer log; never rejects. Absent: answers are not logged, and carry no buttons. */
  recordAnswer?: (record: AnswerRecord) => Promise<void>;
  /** Turns a Slack user id into the keyed hash the log keeps. */
  hashUser: UserHasher;
}

/** A slash command's question, answered through its `response_url`. */
export interface CommandQuestion {
  question: string;
  responseUrl: string;
  responseType: 'ephemeral' | 'in_channel';
  command: string;
  /** Who asked (hashed before it is logged). */
  userId?: string;
}

/** What failed, for the log: an app error's message names the upstream; anything else only its kind. */
function describeFailure(error: unknown): string {
  return error instanceof AppError ? error.message : `${(error as Error)?.name ?? 'error'} (unexpected)`;
}

function withSlackDeadline(deps: AnswerDeps): AnswerDeps {
  return { ...deps, deadlineMs: Math.min(deps.deadlineMs ?? SLACK_ANSWER_DEADLINE_MS, SLACK_ANSWER_DEADLINE_MS) };
}

export class SlackResponder {
  constructor(private readonly options: SlackResponderOptions) {}

  /**
   * Answers, and starts writing the answer to the log beside the posting of it: the write
   * goes into `logging` (its promise never rejects), for the caller to await at the end.
   */
  private async answer(messages: ChatMessage[], asker: string | undefined, logging: Promise<void>[]) {
    const startedAt = Date.now();
    const deps = withSlackDeadline(await this.options.answerDeps());
    const { response } = await answerToCompletion({ messages }, deps);
    const { recordAnswer, hashUser } = this.options;
    if (recordAnswer) {
      const question = messages.at(-1)!.content;
      logging.push(
        (asker ? hashUser(asker) : Promise.resolve(undefined)).then((hashed) =>
          recordAnswer({ channel: 'slack', question, startedAt, response, ...(hashed ? { asker: hashed } : {}) }),
        ),
      );
    }
    return response;
  }

  private messageOptions(publicOrigin: string, question?: string) {
    return { publicOrigin, feedback: Boolean(this.options.recordAnswer), ...(question ? { question } : {}) };
  }

  /** Best effort: a missing reaction must not cost the answer. */
  private async react(method: 'reactions.add' | 'reactions.remove', question: SlackQuestion): Promise<void> {
    try {
      await this.options.slack.call(method, {
        channel: question.channel,
        timestamp: question.ts,
        name: WORKING_REACTION,
      });
    } catch (error) {
      console.warn(`slack: event ${question.eventId}: ${describeFailure(error)}`);
    }
  }

  private async postInThread(question: SlackQuestion, message: SlackMessage): Promise<void> {
    await this.options.slack.call('chat.postMessage', {
      channel: question.channel,
      thread_ts: question.threadTs,
      ...message,
      // Links in the answer are the sources: their previews would bury the answer.
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  /**
   * Answers a mention or a direct message in its thread; a reply in a thread is answered
   * with the thread so far as the conversation.
   */
  async answerInThread(question: SlackQuestion, publicOrigin: string): Promise<void> {
    const started = Date.now();
    const lang: Lang = answerLanguageOf(question.text);
    if (!question.text) {
      await this.postInThread(question, usageMessage(DEFAULT_COMMAND)).catch((error) =>
        console.warn(`slack: event ${question.eventId}: ${describeFailure(error)}`),
      );
      return;
    }
    await this.react('reactions.add', question);
    const logging: Promise<void>[] = [];
    try {
      const history = question.inThread ? await this.threadHistory(question) : [];
      const messages: ChatMessage[] = [...history, { role: 'user', content: question.text }];
      const response = await this.answer(messages, question.user, logging);
      for (const message of answerMessages(response, this.messageOptions(publicOrigin))) {
        await this.postInThread(question, message);
      }
      console.log(
        `slack: event ${question.eventId} answered in ${Date.now() - started} ms ` +
          `(${response.refused ? 'refused' : `${response.citations.length} sources`}, ${history.length} turns of history)`,
      );
    } catch (error) {
      console.warn(`slack: event ${question.eventId} not answered: ${describeFailure(error)}`);
      await this.postInThread(question, apologyMessage(lang)).catch((apologyError) =>
        console.error(`slack: event ${question.eventId}: the apology failed too: ${describeFailure(apologyError)}`),
      );
    } finally {
      await Promise.all([...logging, this.react('reactions.remove', question)]);
    }
  }

  private async threadHistory(question: SlackQuestion): Promise<ChatMessage[]> {
    const messages = await readThread(this.options.slack, {
      channel: question.channel,
      threadTs: question.threadTs,
      beforeTs: question.ts,
    });
    const botUserId = question.botUserId ?? (await this.options.botUserId());
    return historyFromThread(messages, { botUserId, beforeTs: question.ts });
  }

  /** Answers a slash command through its `response_url`, to the asker alone or to the channel. */
  async answerCommand(command: CommandQuestion, publicOrigin: string): Promise<void> {
    const started = Date.now();
    const lang = answerLanguageOf(command.question);
    const respond = (message: SlackMessage) =>
      this.options.slack.respond(command.responseUrl, {
        response_type: command.responseType,
        replace_original: false,
        ...message,
      });
    const logging: Promise<void>[] = [];
    try {
      const response = await this.answer([{ role: 'user', content: command.question }], command.userId, logging);
      for (const message of answerMessages(response, this.messageOptions(publicOrigin, command.question))) {
        await respond(message);
      }
      console.log(`slack: ${command.command} answered in ${Date.now() - started} ms (${command.responseType})`);
    } catch (error) {
      console.warn(`slack: ${command.command} not answered: ${describeFailure(error)}`);
      // The apology goes to the asker alone, whatever the answer was meant for.
      await this.options.slack
        .respond(command.responseUrl, { response_type: 'ephemeral', replace_original: false, ...apologyMessage(lang) })
        .catch((apologyError) =>
          console.error(`slack: ${command.command}: the apology failed too: ${describeFailure(apologyError)}`),
        );
    } finally {
      await Promise.all(logging);
    }
  }
}
