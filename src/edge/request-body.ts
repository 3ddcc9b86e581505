import { isUtf8 } from 'node:buffer';
import express, { type Request, type Response } from 'express';
import formidable, { errors as formidableErrors } from 'formidable';
import { z } from 'zod';
import type { Problem } from './refusal.js';

/** Every form and action of the panel posts far less; the import's file goes to its own route. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_FIELDS = 1000;
/** Deeper than any form the panel posts (a workflow form's table rows are two levels). */
const MAX_DEPTH = 5;

export type BodyOutcome = { fields: Record<string, unknown> } | { status: number; problem: Problem };

/**
 * Reads the body of a POST to an AdminJS action here, before AdminJS does, so that what cannot be
 * read is a 400 with a message instead of a failure inside AdminJS: JSON must be valid UTF-8 and
 * an object, a form must be valid percent-encoding, a multipart form carries no files (the panel
 * uploads none; AdminJS's parser would store them in the temp folder), nothing is repeated.
 */
export async function readActionBody(req: Request, res: Response): Promise<BodyOutcome> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!hasBody(req)) return { fields: {} };
  try {
    if (type === 'multipart/form-data') return singleValues(await readMultipart(req));
    if (type === 'application/json' || type === 'application/x-www-form-urlencoded') {
      const raw = await readRaw(req, res);
      if (!isUtf8(raw)) return refusal(400, 'requestBadEncoding');
      return type === 'application/json' ? parseJson(raw.toString('utf8')) : parseForm(raw.toString('utf8'));
    }
    return refusal(415, 'requestBadBody');
  } catch (error) {
    return refusalOf(error);
  }
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function readRaw(req: Request, res: Response): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    express.raw({ type: () => true, limit: MAX_BODY_BYTES })(req, res, (error?: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    });
  });
}

async function readMultipart(req: Request): Promise<Record<string, string[]>> {
  const form = formidable({ maxFiles: 0, maxFields: MAX_FIELDS, maxFieldsSize: MAX_BODY_BYTES, maxTotalFileSize: 1, allowEmptyFiles: false });
  const [fields] = await form.parse(req);
  return fields as Record<string, string[]>;
}

function parseJson(text: string): BodyOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refusal(400, 'requestBadBody');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refusal(400, 'requestBadBody');
  return { fields: value as Record<string, unknown> };
}

/** `a=1&b=%E4%B8%AD`: a bad escape (%zz) or bytes that are not UTF-8 (%ff) are refused, not guessed. */
function parseForm(text: string): BodyOutcome {
  const fields: Record<string, string[]> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const [name, value = ''] = pair.split(/=(.*)/s, 2).map((part) => part.replace(/\+/g, ' '));
    try {
      (fields[decodeURIComponent(name)] ??= []).push(decodeURIComponent(value));
    } catch {
      return refusal(400, 'requestBadEncoding');
    }
  }
  return singleValues(fields);
}

function singleValues(fields: Record<string, string[] | undefined>): BodyOutcome {
  const single: Record<string, string> = {};
  for (const [name, values = []] of Object.entries(fields)) {
    if (values.length > 1) return refusal(400, 'requestRepeated', name);
    single[name] = values[0] ?? '';
  }
  return { fields: single };
}

function refusalOf(error: unknown): BodyOutcome {
  const status = (error as { status?: number; httpCode?: number }).status ?? (error as { httpCode?: number }).httpCode;
  if ((error as { code?: number }).code === formidableErrors.maxFilesExceeded) return refusal(400, 'requestFilesNotAccepted');
  if (status === 413) return refusal(413, 'requestTooLarge');
  return refusal(400, 'requestBadBody');
}

function refusal(status: number, code: string, parameter?: string): BodyOutcome {
  return { status, problem: { code, ...(parameter === undefined ? {} : { parameter }) } };
}

/**
 * What an action's fields may hold: text without NUL (PostgreSQL cannot store it), numbers,
 * booleans, null, and lists or objects of those, a few levels deep.
 */
export const actionPayload = z.record(z.string(), z.unknown()).superRefine((payload, ctx) => {
  let fields = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (++fields > MAX_FIELDS * 10) return void ctx.addIssue({ code: 'custom', message: 'requestTooLarge', params: {} });
    if (typeof value === 'string') {
      if (value.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'requestNulCharacter', params: { param: path } });
      return;
    }
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return;
    if (typeof value !== 'object' || depth >= MAX_DEPTH) return void ctx.addIssue({ code: 'custom', message: 'requestBadBodyShape', params: { param: path } });
    for (const [key, item] of Object.entries(value)) {
      const inner = path === '' ? key : `${path}.${key}`;
      if (key.includes('\u0000')) ctx.addIssue({ code: 'custom', message: 'requestNulCharacter', params: { param: inner } });
      else visit(item, inner, depth + 1);
    }
  };
  visit(payload, '', 0);
});
