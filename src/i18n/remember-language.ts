import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { User } from '../models/index.js';
import type { Language } from './translate.js';

/**
 * The language an employee chose in the panel's top bar, kept per user in users.locale so it follows
 * them to another computer. The browser side keeps it in this cookie (i18next's language detector
 * reads and writes it); the server seeds the cookie at login and stores changes it sees.
 */
export const LANGUAGE_COOKIE = 'petrocrm.lang';
const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** At login: the panel opens in the language the employee last chose, on any computer. */
export function setLanguageCookie(res: Response, language: Language): void {
  // Not httpOnly: the panel's JavaScript reads it to pick the language.
  res.cookie(LANGUAGE_COOKIE, language, { sameSite: 'lax', path: '/', maxAge: ONE_YEAR_MS });
}

/** On a request: if the employee switched language since, remember it for them. */
export async function rememberLanguageChoice(req: Request, userId: number, stored: Language): Promise<void> {
  const chosen = parse(req.headers.cookie ?? '')[LANGUAGE_COOKIE] as Language | undefined;
  if (!chosen || chosen === stored || !LANGUAGES.includes(chosen)) return;
  await User.update({ locale: chosen }, { where: { id: userId } });
}

/** i18next's detector options for the browser: only our cookie, never the browser's own language. */
export const languageDetection = {
  order: ['cookie'],
  lookupCookie: LANGUAGE_COOKIE,
  caches: ['cookie'],
  cookieMinutes: ONE_YEAR_MS / 60_000,
  cookieOptions: { path: '/', sameSite: 'lax' },
};
