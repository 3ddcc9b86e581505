import bcrypt from 'bcryptjs';

// bcrypt cost 11: about 0.15 s per check on this class of machine, slow enough to make guessing costly.
const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
export const UNUSABLE_HASH = bcrypt.hashSync('no user has this password', COST);
