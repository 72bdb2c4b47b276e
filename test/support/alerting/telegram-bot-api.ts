import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait-until';

/** One sendMessage call the stand-in accepted. */
export interface TelegramCall {
  chatId: string;
  text: string;
  parseMode: string | undefined;
  replyMarkup: { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  messageId: number;
}

/** One answerCallbackQuery call (the toast Telegram shows the user who pressed a button). */
export interface CallbackAnswer {
  callbackQueryId: string;
  text: string | undefined;
}

export interface TelegramBotApi {
  port: number;
  /** For KUZET_TELEGRAM_API_URL. */
  url: string;
  calls: TelegramCall[];
  answers: CallbackAnswer[];
  /** Every request path seen, to check the token went only where it belongs. */
  paths: string[];
  /** Answer the next `count` calls 429 with parameters.retry_after = seconds. */
  rateLimitNext: (count: number, retryAfterS: number) => void;
  waitForCalls: (count: number, timeoutMs?: number) => Promise<TelegramCall[]>;
  waitForAnswers: (count: number, timeoutMs?: number) => Promise<CallbackAnswer[]>;
  close: () => Promise<void>;
}

const MAX_BODY = 256 * 1024;
/** The Bot API's own limit; the stand-in enforces it like the real one. */
const MAX_TEXT = 4096;

/**
 * A stand-in of the Telegram Bot API on 127.0.0.1 (node http): POST /bot<token>/sendMessage and
 * /bot<token>/answerCallbackQuery with a JSON body, answered in the Bot API's shape ({ok, result}
 * or {ok:false, error_code, description, parameters}). Wrong token: 401; unknown method: 404;
 * empty or over-long text, or an answer without callback_query_id: 400.
 */
export async function startTelegramBotApi(token: string): Promise<TelegramBotApi> {
  const calls: TelegramCall[] = [];
  const answers: CallbackAnswer[] = [];
  const paths: string[] = [];
  let limited = 0;
  let retryAfter = 1;
  let nextId = 1;

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, code: number, description: string, parameters?: object) =>
    answer(res, code, { ok: false, error_code: code, description, ...(parameters && { parameters }) });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const path = req.url ?? '';
      if (paths.length < 10_000) paths.push(path);
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(path);
      if (!m || m[1] !== token) return error(res, 401, 'Unauthorized');
      const method = m[2];
      if ((method !== 'sendMessage' && method !== 'answerCallbackQuery') || req.method !== 'POST')
        return error(res, 404, 'Not Found');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return error(res, 400, 'Bad Request: invalid JSON');
      }
      if (method === 'answerCallbackQuery') {
        if (typeof body.callback_query_id !== 'string' || body.callback_query_id === '')
          return error(res, 400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        if (typeof body.text === 'string' && body.text.length > 200)
          return error(res, 400, 'Bad Request: text is too long');
        answers.push({ callbackQueryId: body.callback_query_id, text: typeof body.text === 'string' ? body.text : undefined });
        return answer(res, 200, { ok: true, result: true });
      }
      if (limited > 0) {
        limited--;
        return error(res, 429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
      const text = typeof body.text === 'string' ? body.text : '';
      if (text.length === 0) return error(res, 400, 'Bad Request: message text is empty');
      if (text.length > MAX_TEXT) return error(res, 400, 'Bad Request: message is too long');
      if (body.chat_id === undefined || body.chat_id === '')
        return error(res, 400, 'Bad Request: chat not found');
      const messageId = nextId++;
      calls.push({
        chatId: String(body.chat_id),
        text,
        parseMode: typeof body.parse_mode === 'string' ? body.parse_mode : undefined,
        replyMarkup: body.reply_markup as TelegramCall['replyMarkup'],
        messageId,
      });
      answer(res, 200, { ok: true, result: { message_id: messageId, chat: { id: body.chat_id }, text } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    calls,
    answers,
    paths,
    rateLimitNext: (count, s) => {
      limited = count;
      retryAfter = s;
    },
    waitForCalls: (count, timeoutMs = 10_000) =>
      waitUntil(() => (calls.length >= count ? calls : undefined), timeoutMs, `${count} Telegram messages`),
    waitForAnswers: (count, timeoutMs = 10_000) =>
      waitUntil(() => (answers.length >= count ? answers : undefined), timeoutMs, `${count} callback answers`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
