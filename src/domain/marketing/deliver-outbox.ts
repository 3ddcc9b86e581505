import nodemailer from 'nodemailer';
import { QueryTypes } from 'sequelize';
import { EmailMessage } from '../../models/index.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../audit/audit-log.js';
import { mailSettings, type MailSettings } from './mail-settings.js';

export interface DeliveryReport {
  /** False when no SMTP server is configured: nothing was tried and every message stays queued. */
  configured: boolean;
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Given up on: rejected for good by the server, or out of attempts. */
  failed: number;
  /** Still waiting in the outbox after this run. */
  queued: number;
}

export interface DeliveryOptions {
  settings?: MailSettings;
  now?: Date;
  /** Messages claimed per run; the rest wait for the next one. */
  batchSize?: number;
  actor?: Actor;
}

/** A message claimed by one sender is hidden from the others this long; a crash mid-send frees it after. */
const CLAIM_MINUTES = 10;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 6 * 3600;
const ERROR_LENGTH = 1000;

/** 1, 2, 4, 8 … minutes after the n-th failed attempt, up to six hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_SECONDS);
}

interface Claimed {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

interface Outcome {
  id: number;
  attempts: number;
  error?: string;
  permanent?: boolean;
}

/**
 * Sends the queued messages that are due, over SMTP. Messages are claimed in a short statement
 * (SKIP LOCKED, so several app instances share the outbox without sending twice), sent outside any
 * transaction — a slow mail server must not hold database locks — and their outcomes recorded in
 * one transaction with the audit row.
 */
export async function deliverOutbox(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { settings = mailSettings(), now = new Date(), batchSize = 100, actor = SYSTEM_ACTOR } = options;
  if (!settings.smtpUrl) return { configured: false, sent: 0, retrying: 0, failed: 0, queued: await queuedCount() };

  const claimed = await claimDueMessages(now, batchSize);
  const outcomes = claimed.length > 0 ? await send(claimed, settings) : [];
  const report = await recordOutcomes(outcomes, settings.maxAttempts, now, actor);
  return { ...report, queued: await queuedCount() };
}

async function claimDueMessages(now: Date, batchSize: number): Promise<Claimed[]> {
  return EmailMessage.sequelize!.query<Claimed>(
    `UPDATE email_messages SET next_attempt_at = $1::timestamptz + make_interval(mins => $3)
      WHERE id IN (SELECT id FROM email_messages
                    WHERE status = 'queued' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id
                    LIMIT $2
                      FOR UPDATE SKIP LOCKED)
      RETURNING id, to_address, subject, body, attempts`,
    { bind: [now, batchSize, CLAIM_MINUTES], type: QueryTypes.SELECT },
  );
}

async function send(messages: Claimed[], settings: MailSettings): Promise<Outcome[]> {
  const transport = nodemailer.createTransport(
    { url: settings.smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: settings.from },
  );
  const outcomes: Outcome[] = [];
  try {
    for (const message of messages) {
      try {
        await transport.sendMail({ to: message.to_address, subject: message.subject, text: message.body });
        outcomes.push({ id: message.id, attempts: message.attempts + 1 });
      } catch (error) {
        outcomes.push({ id: message.id, attempts: message.attempts + 1, error: describe(error), permanent: isPermanent(error) });
      }
    }
  } finally {
    transport.close();
  }
  return outcomes;
}

/** A 5xx answer to the recipient (no such mailbox) will not change by asking again. */
function isPermanent(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, ERROR_LENGTH);
}

async function recordOutcomes(outcomes: Outcome[], maxAttempts: number, now: Date, actor: Actor): Promise<Omit<DeliveryReport, 'queued'>> {
  const report = { configured: true, sent: 0, retrying: 0, failed: 0 };
  if (outcomes.length === 0) return report;
  await EmailMessage.sequelize!.transaction(async (transaction) => {
    for (const outcome of outcomes) {
      if (!outcome.error) {
        report.sent += 1;
        await EmailMessage.update(
          { status: 'sent', attempts: outcome.attempts, sent_at: now, last_error: null, next_attempt_at: now },
          { where: { id: outcome.id }, transaction },
        );
        continue;
      }
      const givingUp = outcome.permanent || outcome.attempts >= maxAttempts;
      report[givingUp ? 'failed' : 'retrying'] += 1;
      await EmailMessage.update(
        {
          status: givingUp ? 'failed' : 'queued',
          attempts: outcome.attempts,
          last_error: outcome.error,
          next_attempt_at: new Date(now.getTime() + retryDelaySeconds(outcome.attempts) * 1000),
        },
        { where: { id: outcome.id }, transaction },
      );
    }
    await recordAudit(
      actor,
      { action: 'deliverOutbox', resource: 'email_messages', recordId: null, details: { ...report, messageIds: outcomes.map((outcome) => outcome.id) } },
      transaction,
    );
  });
  return report;
}

async function queuedCount(): Promise<number> {
  return EmailMessage.count({ where: { status: 'queued' } });
}
