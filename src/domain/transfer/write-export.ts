import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import type { Language } from '../../i18n/translate.js';
import { csvText, xlsxFormatOf, xlsxValue, type CellContext } from './cell-format.js';
import { keysOfIds } from './reference-keys.js';
import type { TransferColumn } from './transfer-columns.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  format: ExportFormat;
  resourceId: string;
  /** The worksheet's name: the list's title. */
  title: string;
  columns: TransferColumn[];
  /** The rows page by page, already filtered, sorted and limited to the employee's scope. */
  pages: AsyncIterable<Array<Record<string, unknown>>>;
  profile: AccessProfile;
  language: Language;
}

/**
 * Writes a list to `out` as it is read, one page at a time, so memory holds a page and never the
 * table. Returns the number of rows written. If `out` closes early (the browser cancelled), the
 * reading stops and the promise rejects.
 */
export async function writeExport(request: ExportRequest, out: Writable): Promise<number> {
  let count = 0;
  const counted = async function* () {
    for await (const page of request.pages) {
      const context = await cellContextOf(request, page);
      for (const row of page) {
        count += 1;
        yield { row, context };
      }
    }
  };
  if (request.format === 'csv') await writeCsv(request.columns, counted(), out);
  else await writeXlsx(request.title, request.columns, counted(), out);
  return count;
}

type Rows = AsyncIterable<{ row: Record<string, unknown>; context: CellContext }>;

/** UTF-8 with a byte-order mark and CRLF lines: what Excel needs to open Chinese text correctly. */
async function writeCsv(columns: TransferColumn[], rows: Rows, out: Writable): Promise<void> {
  const lines = async function* () {
    yield columns.map((column) => column.header);
    for await (const { row, context } of rows) yield columns.map((column) => csvText(column, row[column.field], context));
  };
  await pipeline(Readable.from(lines()), stringify({ bom: true, record_delimiter: 'windows' }), out);
}

/**
 * exceljs's streaming writer commits each row into the zip as it goes; waiting for the response to
 * drain between rows keeps a slow download from piling the file up in memory.
 */
async function writeXlsx(title: string, columns: TransferColumn[], rows: Rows, out: Writable): Promise<void> {
  const closed = new Promise<void>((resolve) => out.once('close', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.field,
    width: Math.min(40, Math.max(10, column.header.length * 2 + 4)),
    style: xlsxFormatOf(column) ? { numFmt: xlsxFormatOf(column) } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const { row, context } of rows) {
    if (out.destroyed) throw new Error('export cancelled: the download was closed');
    sheet.addRow(columns.map((column) => xlsxValue(column, row[column.field], context))).commit();
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), closed]);
  }
  sheet.commit();
  await workbook.commit();
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** The codes of the rows a page points at: one query per referenced table per page. */
async function cellContextOf(request: ExportRequest, page: Array<Record<string, unknown>>): Promise<CellContext> {
  const references = new Map<string, Map<number, string>>();
  const byTarget = new Map<string, TransferColumn[]>();
  for (const column of request.columns) {
    if (column.kind !== 'reference' || !column.target) continue;
    byTarget.set(column.target.tableName, [...(byTarget.get(column.target.tableName) ?? []), column]);
  }
  for (const columns of byTarget.values()) {
    const ids = new Set<number>();
    for (const row of page) for (const column of columns) if (row[column.field] != null) ids.add(Number(row[column.field]));
    const keys = await keysOfIds(columns[0].target!, [...ids], request.profile);
    for (const column of columns) references.set(column.field, keys);
  }
  return { resourceId: request.resourceId, language: request.language, references };
}
