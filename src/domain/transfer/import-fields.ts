import { translate, type Language } from '../../i18n/translate.js';
import { creditCodeProblem, normalizeCreditCode, type CreditCodeProblem } from '../customers/credit-code.js';
import { choiceLabel, LANGUAGES, translatedChoice } from './transfer-labels.js';

/**
 * How one column of an import is read. A cell is checked alone here (a number, a choice, a length);
 * what needs the database (a code that must exist, a duplicate) is checked by the importer for the
 * whole file at once.
 */
export type Params = Record<string, string | number>;
export type CellResult = { value: unknown } | { problem: string; params?: Params };

export interface ImportField {
  name: string;
  required?: boolean;
  /** Reads a non-empty cell. */
  read: (text: string) => CellResult;
  /** The value of an empty cell or a missing column; absent: NULL, or the column's default. */
  whenEmpty?: unknown;
  /** A line of the template's instructions: the values or the format it accepts. */
  hint?: (language: Language) => string;
}

export function textField(name: string, options: { required?: boolean; max?: number } = {}): ImportField {
  return {
    name,
    required: options.required,
    read: (text) => (options.max !== undefined && [...text].length > options.max ? { problem: 'importTooLong', params: { max: options.max } } : { value: text }),
    hint: options.max ? (language) => translate(language, 'importHintText', { max: options.max! }) : undefined,
  };
}

/** A code that the database generates when left blank: upper-cased so 'c000123' finds 'C000123'. */
export function codeField(name: string, max: number): ImportField {
  const text = textField(name, { max });
  return { ...text, read: (value) => text.read(value.toUpperCase()), hint: (language) => translate(language, 'importHintCode', { max }) };
}

/**
 * An enum: its stored value, or its label in Chinese or English, whatever the case. Returns the
 * stored value.
 */
export function choiceField(resourceId: string, name: string, values: readonly string[], options: { required?: boolean; whenEmpty?: string } = {}): ImportField {
  const accepted = new Map<string, string>();
  for (const value of values) {
    accepted.set(value.toLowerCase(), value);
    for (const language of LANGUAGES) accepted.set(choiceLabel(resourceId, name, value, language).toLowerCase(), value);
  }
  const choices = (language: Language) => values.map((value) => choiceLabel(resourceId, name, value, language)).join('、');
  return {
    name,
    required: options.required,
    whenEmpty: options.whenEmpty,
    read: (text) => {
      const value = accepted.get(text.toLowerCase());
      return value === undefined ? { problem: 'importNotAChoice', params: { choices: choices('zh-CN') } } : { value };
    },
    hint: (language) => translate(language, 'importHintChoice', { choices: choices(language) }),
  };
}

/**
 * An exact decimal (NUMERIC(14,2) money, NUMERIC(14,3) quantities), kept as text so no float
 * rounds it. Thousands separators and a ¥ sign, as Excel may show them, are accepted.
 */
export function decimalField(
  name: string,
  options: { scale: number; precision?: number; required?: boolean; positive?: boolean; whenEmpty?: string },
): ImportField {
  const wholeDigits = (options.precision ?? 14) - options.scale;
  return {
    name,
    required: options.required,
    whenEmpty: options.whenEmpty,
    read: (raw) => {
      const text = raw.replace(/[,，\s¥￥]/g, '');
      const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
      if (!match || (match[2] === '' && !match[3])) return { problem: 'importNotANumber' };
      const [, minus, whole, fraction = ''] = match;
      if (minus) return { problem: options.positive ? 'importNotPositive' : 'importNegative' };
      const significant = fraction.replace(/0+$/, '');
      if (significant.length > options.scale) return { problem: 'importTooManyDecimals', params: { scale: options.scale } };
      const digits = whole.replace(/^0+/, '');
      if (digits.length > wholeDigits) return { problem: 'importNumberTooLarge' };
      if (options.positive && digits === '' && significant === '') return { problem: 'importNotPositive' };
      return { value: `${digits || '0'}${options.scale > 0 ? `.${significant.padEnd(options.scale, '0')}` : ''}` };
    },
    hint: (language) => translate(language, options.positive ? 'importHintPositive' : 'importHintDecimal', { scale: options.scale }),
  };
}

const YES = ['是', 'true', '1', 'yes', 'y', '√', '✓', ...LANGUAGES.map((language) => translate(language, 'transferYes'))];
const NO = ['否', 'false', '0', 'no', 'n', '×', '✗', ...LANGUAGES.map((language) => translate(language, 'transferNo'))];

/** Yes or no: 是/否, true/false, 1/0, or the field's own words as an export writes them (在售/停售). */
export function booleanField(resourceId: string, name: string, whenEmpty: boolean): ImportField {
  const own = (value: boolean) => LANGUAGES.map((language) => translatedChoice(resourceId, name, String(value), language)).filter((label): label is string => !!label);
  const yes = new Set([...YES, ...own(true)].map((word) => word.toLowerCase()));
  const no = new Set([...NO, ...own(false)].map((word) => word.toLowerCase()));
  return {
    name,
    whenEmpty,
    read: (text) => {
      const lower = text.toLowerCase();
      if (yes.has(lower)) return { value: true };
      if (no.has(lower)) return { value: false };
      return { problem: 'importNotABoolean' };
    },
    hint: (language) => {
      const word = (value: boolean) => translatedChoice(resourceId, name, String(value), language) ?? translate(language, value ? 'transferYes' : 'transferNo');
      return translate(language, 'importHintBoolean', { yes: word(true), no: word(false) });
    },
  };
}

export function emailField(name: string, max: number): ImportField {
  return {
    name,
    read: (text) => {
      if ([...text].length > max) return { problem: 'importTooLong', params: { max } };
      // The same rule as the users table's CHECK: something@something, no spaces.
      return /^[^@\s]+@[^@\s]+$/.test(text) ? { value: text } : { problem: 'importNotAnEmail' };
    },
  };
}

const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem['code'], string> = {
  creditCodeLength: 'importCreditCodeLength',
  creditCodeCharacter: 'importCreditCodeCharacter',
  creditCodeDigitExpected: 'importCreditCodeDigitExpected',
  creditCodeCheckCharacter: 'importCreditCodeCheckCharacter',
};

/** 统一社会信用代码: 18 characters and the GB 32100-2015 check character; a refusal names the wrong character. */
export function creditCodeField(name: string): ImportField {
  return {
    name,
    read: (text) => {
      const code = normalizeCreditCode(text);
      const problem = creditCodeProblem(code);
      return problem ? { problem: CREDIT_CODE_PROBLEMS[problem.code], params: problem.params } : { value: code };
    },
    hint: (language) => translate(language, 'importHintCreditCode'),
  };
}

/** A row of another table, named by its code (or its exact name); the importer looks it up. */
export function referenceField(name: string, options: { required?: boolean; hint: string }): ImportField {
  return { name, required: options.required, read: (text) => ({ value: text }), hint: (language) => translate(language, options.hint) };
}
