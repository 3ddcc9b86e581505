/**
 * Rows of an import that are a record the database has already, or repeat an earlier row of the
 * same file. They are no error: the preview lists them and the employee chooses, for the whole
 * file, to skip them or to update the existing records with them.
 */
export type DuplicateMode = 'skip' | 'update';

export const DUPLICATE_MODES: readonly DuplicateMode[] = ['skip', 'update'];

export interface DuplicateMatch {
  /** The row as Excel numbers it. */
  row: number;
  /** What it was recognised by: the customer code, the unified social credit code, or the name within the branch. */
  matchedBy: 'code' | 'credit_code' | 'name';
  value: string;
  /** The record in the database it is; null when it repeats a new row of the file. */
  existing: { id: number; code: string; name: string; inScope: boolean } | null;
  /** The first row of the file that is the same record, when there is one. */
  earlierRow: number | null;
}

export function duplicateModeOf(value: unknown): DuplicateMode | undefined {
  return DUPLICATE_MODES.find((mode) => mode === value);
}
