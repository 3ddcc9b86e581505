import path from 'node:path/posix';
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { ReadBudget } from './import-limits.js';
import type { TableRow } from './read-table-file.js';

/**
 * The non-blank rows of an .xlsx's first sheet, unpacked as a stream under the budget's bounds.
 * The zip's directory is read first and a file that would unpack to too much is refused before
 * anything is inflated; yauzl stops any part that inflates to more than the directory declared
 * (a zip bomb lies there). Only what must be held whole is held (shared strings, styles, the
 * sheet list); the sheet itself is parsed as it inflates, row by row.
 *
 * Each cell reads as the text Excel shows: numbers without float noise, days as 2026-11-24 (with
 * the time when there is one), formulas by their last result, rich text joined, errors empty.
 */
export async function readXlsxRows(content: Buffer, budget: ReadBudget): Promise<TableRow[]> {
  const zip = await openZip(content);
  const parts = await listParts(zip, budget);
  const { sheetPath, date1904 } = await readWorkbook(zip, parts, budget);
  const dateStyles = await readDateStyles(zip, parts, budget);
  const sharedStrings = await readSharedStrings(zip, parts, budget);
  const sheet = parts.get(sheetPath);
  if (!sheet) throw new BusinessRuleError('importFileEmpty');
  return readSheet(await zip.openReadStreamPromise(sheet), { sharedStrings, dateStyles, date1904 }, budget);
}

async function openZip(content: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch {
    throw new BusinessRuleError('importFileUnreadable');
  }
}

async function listParts(zip: ZipFile, budget: ReadBudget): Promise<Map<string, Entry>> {
  const { zipEntries, unpackedBytes } = budget.limits;
  if (zip.entryCount > zipEntries) throw new BusinessRuleError('importUnpackedTooLarge', { max: unpackedMegabytes(budget) });
  const parts = new Map<string, Entry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      parts.set(entry.fileName.replace(/^\//, ''), entry);
    }
  } catch {
    throw new BusinessRuleError('importFileUnreadable');
  }
  if (total > unpackedBytes) throw new BusinessRuleError('importUnpackedTooLarge', { max: unpackedMegabytes(budget) });
  return parts;
}

function unpackedMegabytes(budget: ReadBudget): number {
  return Math.round(budget.limits.unpackedBytes / 1024 / 1024);
}

type OnTag = (tag: SaxesTagPlain) => void;
interface XmlHandlers {
  open?: OnTag;
  close?: OnTag;
  text?: (text: string) => void;
}

/** Streams one part through an XML parser. */
async function parsePart(stream: Readable, handlers: XmlHandlers, budget: ReadBudget): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (error) => (failure ??= error));
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', handlers.close);
  if (handlers.text) parser.on('text', handlers.text);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      budget.checkTime();
      parser.write(chunk);
      if (failure) throw failure;
      // Between two chunks the server answers other requests.
      await nextTurn();
    }
    parser.close();
    if (failure) throw failure;
  } catch (error) {
    stream.destroy();
    throw error instanceof BusinessRuleError ? error : new BusinessRuleError('importFileUnreadable');
  }
}

/** A part held whole must be small: refused before it is inflated. */
async function openHeldPart(zip: ZipFile, entry: Entry, budget: ReadBudget): Promise<Readable> {
  if (entry.uncompressedSize > budget.limits.heldPartBytes) throw new BusinessRuleError('importUnpackedTooLarge', { max: unpackedMegabytes(budget) });
  try {
    return await zip.openReadStreamPromise(entry);
  } catch {
    throw new BusinessRuleError('importFileUnreadable');
  }
}

/** The first sheet in the workbook's order (not the first file in the zip), and its calendar. */
async function readWorkbook(zip: ZipFile, parts: Map<string, Entry>, budget: ReadBudget): Promise<{ sheetPath: string; date1904: boolean }> {
  const workbook = parts.get('xl/workbook.xml');
  const relations = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) throw new BusinessRuleError('importFileUnreadable');
  let firstSheetId: string | undefined;
  let date1904 = false;
  await parsePart(await openHeldPart(zip, workbook, budget), {
    open: (tag) => {
      if (localName(tag.name) === 'sheet') firstSheetId ??= tag.attributes['r:id'] ?? Object.entries(tag.attributes).find(([name]) => name.endsWith(':id'))?.[1];
      if (localName(tag.name) === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
    },
  }, budget);
  const targets = new Map<string, string>();
  await parsePart(await openHeldPart(zip, relations, budget), {
    open: (tag) => {
      if (localName(tag.name) === 'Relationship') targets.set(tag.attributes.Id, tag.attributes.Target);
    },
  }, budget);
  const target = firstSheetId === undefined ? undefined : targets.get(firstSheetId);
  if (!target) throw new BusinessRuleError('importFileEmpty');
  return { sheetPath: target.startsWith('/') ? target.slice(1) : path.normalize(path.join('xl', target)), date1904 };
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, and the CJK ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The cell styles (by index) whose number format shows a date: their numbers are days since 1900. */
async function readDateStyles(zip: ZipFile, parts: Map<string, Entry>, budget: ReadBudget): Promise<Set<number>> {
  const styles = parts.get('xl/styles.xml');
  const dateStyles = new Set<number>();
  if (!styles) return dateStyles;
  const customDateFormats = new Set<number>();
  let inCellFormats = false;
  let styleIndex = 0;
  await parsePart(await openHeldPart(zip, styles, budget), {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt' && isDateFormat(tag.attributes.formatCode ?? '')) customDateFormats.add(Number(tag.attributes.numFmtId));
      if (name === 'cellXfs') inCellFormats = true;
      if (name === 'xf' && inCellFormats) {
        const format = Number(tag.attributes.numFmtId ?? 0);
        if (BUILT_IN_DATE_FORMATS.has(format) || customDateFormats.has(format)) dateStyles.add(styleIndex);
        styleIndex++;
      }
    },
    close: (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellFormats = false;
    },
  }, budget);
  return dateStyles;
}

/** A format code shows a date when, outside quotes and brackets, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Each <si> is one string: its <t>, or its rich-text runs joined; phonetic guides (<rPh>) are left out. */
async function readSharedStrings(zip: ZipFile, parts: Map<string, Entry>, budget: ReadBudget): Promise<string[]> {
  const entry = parts.get('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  await parsePart(await openHeldPart(zip, entry, budget), {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    },
    close: (tag) => {
      const name = localName(tag.name);
      if (name === 'si' && current !== undefined) {
        strings.push(current);
        current = undefined;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== undefined) current += text;
    },
  }, budget);
  return strings;
}

interface SheetContext {
  sharedStrings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

async function readSheet(stream: Readable, context: SheetContext, budget: ReadBudget): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let row: { number: number; cells: string[] } | undefined;
  let lastRowNumber = 0;
  let cell: { column: number; type: string; style: number; value: string; inline: string } | undefined;
  let nextColumn = 0;
  let reading: 'v' | 't' | undefined;

  await parsePart(stream, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'row') {
        const number = Number(tag.attributes.r ?? lastRowNumber + 1);
        row = { number: Number.isInteger(number) && number > lastRowNumber ? number : lastRowNumber + 1, cells: [] };
        lastRowNumber = row.number;
        nextColumn = 0;
      } else if (name === 'c' && row) {
        const referenced = tag.attributes.r ? columnIndex(tag.attributes.r) : -1;
        const column = referenced >= 0 ? referenced : nextColumn;
        if (column >= budget.limits.columns) throw new BusinessRuleError('importTooManyColumns', { row: row.number, max: budget.limits.columns });
        cell = { column, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: '', inline: '' };
        nextColumn = column + 1;
      } else if (name === 'v') reading = 'v';
      else if (name === 't' && cell?.type === 'inlineStr') reading = 't';
    },
    text: (text) => {
      if (!cell || !reading) return;
      if (reading === 'v') cell.value += text;
      else cell.inline += text;
      if (cell.value.length + cell.inline.length > budget.limits.cellCharacters * 2) throw new BusinessRuleError('importCellTooLong', { row: row?.number ?? 0, column: '', max: budget.limits.cellCharacters });
    },
    close: (tag) => {
      const name = localName(tag.name);
      if (name === 'v' || name === 't') reading = undefined;
      else if (name === 'c' && cell && row) {
        row.cells[cell.column] = cellText(cell, context);
        cell = undefined;
      } else if (name === 'row' && row) {
        const cells = Array.from(row.cells, (text) => text ?? '');
        if (cells.some((text) => text !== '')) {
          budget.checkRow(row.number, cells, rows.length > 0);
          rows.push({ rowNumber: row.number, cells });
        }
        row = undefined;
      }
    },
  }, budget);
  return rows;
}

function cellText(cell: { type: string; style: number; value: string; inline: string }, context: SheetContext): string {
  switch (cell.type) {
    case 's':
      return (context.sharedStrings[Number(cell.value)] ?? '').trim();
    case 'inlineStr':
      return cell.inline.trim();
    case 'str':
      return cell.value.trim();
    case 'b':
      return cell.value === '1' ? 'true' : cell.value === '0' ? 'false' : '';
    case 'e':
      return '';
    case 'd': {
      // An ISO date as written, with no zone: the wall-clock time Excel shows, read as UTC like the rest.
      const moment = new Date(/T.*(Z|[+-]\d\d:?\d\d)$/.test(cell.value) || !cell.value.includes('T') ? cell.value : `${cell.value}Z`);
      return Number.isNaN(moment.getTime()) ? cell.value.trim() : dayText(moment);
    }
    default: {
      if (cell.value === '') return '';
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return cell.value.trim();
      if (context.dateStyles.has(cell.style)) return dayText(excelDay(number, context.date1904));
      return String(Number(number.toPrecision(15)));
    }
  }
}

/** Days since Excel's epoch (1899-12-30, or 1904-01-01) as the wall-clock moment it shows, in UTC. */
function excelDay(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** Excel keeps a wall-clock time with no zone: shown as the day, with the time when there is one. */
function dayText(value: Date): string {
  const day = value.toISOString().slice(0, 10);
  const time = value.toISOString().slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** 'C12' → 2. */
function columnIndex(reference: string): number {
  let index = 0;
  for (const letter of reference.toUpperCase()) {
    if (letter < 'A' || letter > 'Z') break;
    index = index * 26 + (letter.charCodeAt(0) - 64);
  }
  return index - 1;
}

/** 'x:row' and 'row' are the same element; files from some tools prefix the spreadsheet namespace. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
