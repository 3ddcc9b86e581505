import { dictionary } from '@zxcvbn-ts/language-common';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

export const MIN_PASSWORD_LENGTH = 10;
/** argon2 takes any length; a cap keeps a login from being a way to make the server hash megabytes. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The 49 000 most common passwords of zxcvbn's list, plus what Chinese leak lists add on top of it
 * (pinyin and lucky-number patterns the English list lacks).
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...dictionary['passwords-common'],
  'woaini1314', 'woaini520', 'woaini123', '5201314', '1314520', '5211314', 'aa123456', 'qq123456', 'a123456789',
  'abc123456', 'a1234567', 'zxcvbnm123', '147258369', '123qweasd', '1qaz2wsx3edc', 'qwe123456', 'asd123456',
  'woshishui', 'iloveyou1314', 'admin123456', 'petrocrm', 'petrocrm123', 'petro123456',
]);

/**
 * The rules every new password meets, whoever sets it (the user, an administrator, ADMIN_PASSWORD):
 * long enough, not one of the passwords attackers try first, and not built from the account's own
 * e-mail. Throws a BusinessRuleError on `field` with a message key translated in src/i18n/messages.
 */
export function checkPasswordPolicy(password: string, email: string, field: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new BusinessRuleError('passwordTooShort', { min: MIN_PASSWORD_LENGTH }, field);
  if (length > MAX_PASSWORD_LENGTH) throw new BusinessRuleError('passwordTooLong', { max: MAX_PASSWORD_LENGTH }, field);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isOneOrTwoCharactersRepeated(lower)) {
    throw new BusinessRuleError('passwordTooCommon', {}, field);
  }
  const mailbox = email.trim().toLowerCase().split('@')[0] ?? '';
  if (lower.includes(email.trim().toLowerCase()) || (mailbox.length >= 3 && lower.includes(mailbox))) {
    throw new BusinessRuleError('passwordContainsEmail', {}, field);
  }
}

/** 'aaaaaaaaaa', '1212121212': long, and still guessed at once. */
function isOneOrTwoCharactersRepeated(password: string): boolean {
  return new Set(password).size <= 2;
}
