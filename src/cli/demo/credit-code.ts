import { creditCodeCheckCharacter } from '../../domain/customers/credit-code.js';
import type { DemoRandom } from './random.js';

// The characters a unified social credit code may use (no I, O, S, V, Z).
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 11714-1997: the organisation code inside it (positions 9–17) has a check character of its own.
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organisationCheckCharacter(body: string): string {
  const sum = [...body].reduce((total, character, index) => total + parseInt(character, 36) * ORGANISATION_WEIGHTS[index], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A code as the market regulator issues it to a company ('9' registered by 市场监管, '1' an
 * enterprise) in the given county: newer firms carry an 'MA…' organisation code, older ones eight
 * digits.
 */
export function newCreditCode(random: DemoRandom, divisionCode: string): string {
  const body = random.chance(0.6)
    ? `MA${randomCharacters(random, 6)}`
    : random.digits(8);
  const first17 = `91${divisionCode}${body}${organisationCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function randomCharacters(random: DemoRandom, length: number): string {
  return Array.from({ length }, () => random.pick([...USCC_CHARACTERS])).join('');
}
