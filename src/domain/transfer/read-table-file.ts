import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { ReadBudget } from './import-limits.js';
import { readCsvRows } from './read-csv-rows.js';
import { readXlsxRows } from './read-xlsx-rows.js';

/** A sheet as the user sees it in Excel: the header row, then rows numbered as Excel numbers them. */
export interface TableFile {
  format: 'csv' | 'xlsx';
  /** Row number of the header (1 unless the sheet starts with blank rows). */
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  rowNumber: number;
  /** One text per header column, trimmed; '' for an empty cell. */
  cells: string[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded CSV or .xlsx (told apart by content, not by name), within the bounds of
 * import-limits.ts: too many rows, columns or characters in a cell, an .xlsx that would unpack to
 * too much, or reading that takes too long, and the file is refused at that point, with a message,
 * without reading the rest. Blank rows are skipped but still counted, so row numbers match Excel.
 */
export async function readTableFile(content: Buffer, budget: ReadBudget = new ReadBudget()): Promise<TableFile> {
  const format = content.subarray(0, 4).equals(ZIP_SIGNATURE) ? 'xlsx' : 'csv';
  const [header, ...data] = format === 'xlsx' ? await readXlsxRows(content, budget) : await readCsvRows(content, budget);
  if (!header || data.length === 0) throw new BusinessRuleError('importFileEmpty');
  const width = header.cells.length;
  const rows = data.map((row) => ({ rowNumber: row.rowNumber, cells: Array.from({ length: width }, (_, index) => row.cells[index] ?? '') }));
  return { format, headerRow: header.rowNumber, headers: header.cells, rows };
}
