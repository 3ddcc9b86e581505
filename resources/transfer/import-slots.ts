import type { RequestHandler } from 'express';
import { translate, type Language } from '../../src/i18n/translate.js';

const RETRY_AFTER_SECONDS = 30;

export interface ImportSlotOptions {
  /** Imports read and checked at the same time, in this app instance. */
  running: number;
  /** Imports that wait for a free slot; one more is answered 429. */
  waiting: number;
}

/**
 * A few imports at a time: each holds a file of up to 20 MB and its checked rows in memory and
 * keeps PostgreSQL busy, so the rest wait their turn (their upload is not even read meanwhile),
 * and once the queue is full a further one is told to try again later. A slot is freed when the
 * answer ends or the browser goes away; a request that gives up while waiting leaves the queue.
 */
export function importSlots({ running, waiting }: ImportSlotOptions): RequestHandler {
  let active = 0;
  const queue: Array<() => void> = [];
  return (_req, res, next) => {
    const start = () => {
      active++;
      let released = false;
      res.on('close', () => {
        if (released) return;
        released = true;
        active--;
        queue.shift()?.();
      });
      next();
    };
    if (active < running) return start();
    if (queue.length >= waiting) {
      // The route's permission check runs first and leaves the employee's language here.
      const language = (res.locals.transfer as { language?: Language } | undefined)?.language ?? 'zh-CN';
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return void res.status(429).json({ code: 'importBusy', message: translate(language, 'importBusy', { seconds: RETRY_AFTER_SECONDS }) });
    }
    queue.push(start);
    res.on('close', () => {
      const index = queue.indexOf(start);
      if (index >= 0) queue.splice(index, 1);
    });
  };
}
