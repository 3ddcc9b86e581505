/** How the outbox reaches the mail server; SMTP_URL, MAIL_FROM and EMAIL_MAX_ATTEMPTS set these. */
export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…; absent: nothing is sent and messages stay queued. */
  smtpUrl?: string;
  from: string;
  /** Attempts before a message that keeps failing is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = { from: 'PetroCRM <no-reply@petrocrm.local>', maxAttempts: 5 };

let configured: MailSettings = DEFAULT_MAIL_SETTINGS;

/** Set by the app's start, so the panel's "send now" and the background sender use one configuration. */
export function setMailSettings(settings: MailSettings): void {
  configured = settings;
}

export function mailSettings(): MailSettings {
  return configured;
}
