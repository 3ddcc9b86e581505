import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a set of 31 (digits and capitals without I, O,
 * S, V, Z) — positions 1–2 the registering authority and kind of entity, 3–8 the administrative
 * division (digits), 9–17 the organisation code, 18 a check character computed from the first 17.
 * Used by the customer form and API, imports and the demo data; PostgreSQL applies the same check
 * (migration 0061).
 */
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^(i-1) mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const LENGTH = 18;
const DIVISION_POSITIONS = [3, 8] as const;

export type CreditCodeProblem =
  | { code: 'creditCodeLength'; params: { length: number } }
  | { code: 'creditCodeCharacter' | 'creditCodeDigitExpected'; params: { position: number; character: string } }
  | { code: 'creditCodeCheckCharacter'; params: { character: string } };

/** Upper case and without the blanks around it; anything else about the text is checked, not repaired. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, character, index) => total + CHARACTERS.indexOf(character) * WEIGHTS[index], 0);
  return CHARACTERS[(31 - (sum % 31)) % 31];
}

/**
 * What is wrong with a code, naming the first wrong character: its position and the character. A
 * wrong check character is reported as such, without the expected one: a typo anywhere in the
 * first 17 positions also shows up there, and the cure is to copy the code again from the business
 * licence, not to change its last character until it passes.
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const characters = [...code];
  if (characters.length !== LENGTH) return { code: 'creditCodeLength', params: { length: characters.length } };
  for (const [index, character] of characters.entries()) {
    const position = index + 1;
    const inDivision = position >= DIVISION_POSITIONS[0] && position <= DIVISION_POSITIONS[1];
    if (inDivision && !/[0-9]/.test(character)) return { code: 'creditCodeDigitExpected', params: { position, character } };
    if (!CHARACTERS.includes(character)) return { code: 'creditCodeCharacter', params: { position, character } };
  }
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return { code: 'creditCodeCheckCharacter', params: { character: code[17] } };
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** The code as stored (upper case), or a refusal next to the field that names the wrong character. */
export function validCreditCode(input: string, field = 'credit_code'): string {
  const code = normalizeCreditCode(input);
  const problem = creditCodeProblem(code);
  if (problem) throw new BusinessRuleError(problem.code, problem.params, field);
  return code;
}
