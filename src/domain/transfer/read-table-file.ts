import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { unguardFormula } from './cell-format.js';

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

/** An import is checked and written in one piece; beyond this, split the file. */
export const MAX_IMPORT_ROWS = 50_000;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded CSV or .xlsx (told apart by content, not by name). A CSV may be UTF-8, with or
 * without a byte-order mark, or GB18030/GBK, which is what Excel on a Chinese Windows writes when
 * asked for "CSV (逗号分隔)". Blank rows are skipped but still counted, so row numbers match Excel.
 */
export async function readTableFile(content: Buffer): Promise<TableFile> {
  const grid = content.subarray(0, 4).equals(ZIP_SIGNATURE) ? await readXlsx(content) : readCsv(content);
  const format = content.subarray(0, 4).equals(ZIP_SIGNATURE) ? 'xlsx' : 'csv';
  const headerIndex = grid.findIndex((row) => row.cells.some((cell) => cell !== ''));
  if (headerIndex < 0) throw new BusinessRuleError('importFileEmpty');
  const header = grid[headerIndex];
  const width = header.cells.length;
  const rows = grid
    .slice(headerIndex + 1)
    .filter((row) => row.cells.some((cell) => cell !== ''))
    .map((row) => ({ rowNumber: row.rowNumber, cells: Array.from({ length: width }, (_, index) => row.cells[index] ?? '') }));
  if (rows.length === 0) throw new BusinessRuleError('importFileEmpty');
  if (rows.length > MAX_IMPORT_ROWS) throw new BusinessRuleError('importTooManyRows', { count: rows.length, max: MAX_IMPORT_ROWS });
  return { format, headerRow: header.rowNumber, headers: header.cells, rows };
}

function readCsv(content: Buffer): TableRow[] {
  let records: string[][];
  try {
    records = parse(decodeText(content), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch {
    throw new BusinessRuleError('importFileUnreadable');
  }
  return records.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => unguardFormula(cell.trim())) }));
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

async function readXlsx(content: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new BusinessRuleError('importFileUnreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BusinessRuleError('importFileEmpty');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** What a cell shows, as text: formulas by their result, days as 2026-11-24, numbers without float noise. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value.trim();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return String(value).trim();
}

/** Excel stores a wall-clock time with no zone; exceljs hands it over as that time in UTC. */
function excelDateText(value: Date): string {
  const day = value.toISOString().slice(0, 10);
  const time = value.toISOString().slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}
