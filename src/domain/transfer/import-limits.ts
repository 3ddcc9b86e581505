import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * How much of an uploaded file is read before it is refused. An import is checked and written in
 * one piece, so each bound is far above what an office sends (split a bigger file) and far below
 * what would hurt the server: the whole file's rows, checked, stay well under 300 MB of memory.
 */
export const IMPORT_LIMITS = {
  /** Data rows, not counting the header or blank rows. */
  rows: 50_000,
  /** Columns of a row; an import's template has about twenty. */
  columns: 200,
  /** Characters of one cell: Excel's own limit. */
  cellCharacters: 32_767,
  /** Bytes an .xlsx may unpack to, all its parts together (checked before anything is unpacked). */
  unpackedBytes: 200 * 1024 * 1024,
  /** Bytes of an .xlsx part that must be held whole (shared strings, styles, the workbook). */
  heldPartBytes: 64 * 1024 * 1024,
  /** Parts of an .xlsx; a workbook Excel writes has a handful. */
  zipEntries: 1000,
  /** Seconds the reading may take before the file is refused. */
  readSeconds: 60,
};

export type ImportLimits = Readonly<typeof IMPORT_LIMITS>;

/** Counts rows and watches the clock while a file is read; throws the refusal the user sees. */
export class ReadBudget {
  private dataRows = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: ImportLimits = IMPORT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + limits.readSeconds * 1000;
  }

  checkTime(): void {
    if (this.now() > this.deadline) throw new BusinessRuleError('importTooSlow', { seconds: this.limits.readSeconds });
  }

  /** A row of the sheet as read: its cells are checked, and a data row is counted. */
  checkRow(rowNumber: number, cells: string[], isData: boolean): void {
    if (cells.length > this.limits.columns) throw new BusinessRuleError('importTooManyColumns', { row: rowNumber, max: this.limits.columns });
    const long = cells.findIndex((cell) => cell.length > this.limits.cellCharacters);
    if (long >= 0) throw new BusinessRuleError('importCellTooLong', { row: rowNumber, column: columnName(long), max: this.limits.cellCharacters });
    if (isData && ++this.dataRows > this.limits.rows) throw new BusinessRuleError('importTooManyRows', { max: this.limits.rows });
  }
}

/** A, B, … Z, AA … as Excel names columns. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
