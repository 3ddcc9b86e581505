import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { LANGUAGE_COOKIE } from '../i18n/remember-language.js';
import { translate, type Language } from '../i18n/translate.js';

export interface Problem {
  /** The parameter or field as the request names it, when the problem is about one. */
  parameter?: string;
  code: string;
  params?: Record<string, string | number>;
}

/** The language the panel is shown in (its cookie), else the employee's own, else Chinese. */
export function languageOf(req: Request): Language {
  const chosen = parse(req.headers.cookie ?? '')[LANGUAGE_COOKIE];
  if (chosen === 'zh-CN' || chosen === 'en') return chosen;
  return req.session?.adminUser?.locale === 'en' ? 'en' : 'zh-CN';
}

/** Words of their own for some problems (the dashboard's filters are worded by the dashboard). */
export type ProblemWords = (problem: Problem, language: Language) => string | undefined;

/**
 * A refused request, in the employee's language: one message for a notice, each problem on its
 * own for a program, and `error` in the shape the dashboard page reads. The notice has the shape
 * AdminJS shows after a failed action.
 */
export function sendRefusal(req: Request, res: Response, status: number, problems: Problem[], words?: ProblemWords): void {
  const language = languageOf(req);
  const described = problems.map((problem) => ({
    ...(problem.parameter === undefined ? {} : { parameter: problem.parameter }),
    code: problem.code,
    message: words?.(problem, language) ?? translate(language, problem.code, { param: problem.parameter ?? '', ...problem.params }),
  }));
  const message = described.length === 1 ? described[0].message : translate(language, 'requestRefused', { problems: described.map((problem) => problem.message).join('; ') });
  res.status(status).json({ message, problems: described, notice: { message, type: 'error' }, error: { problem: described[0]?.code, message } });
}
