import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { unguardFormula } from './cell-format.js';
import type { ReadBudget } from './import-limits.js';
import type { TableRow } from './read-table-file.js';

const CHUNK_CHARACTERS = 64 * 1024;
/** Records parsed between two turns of the event loop, when other requests are served. */
const RECORDS_PER_TURN = 100;

/**
 * The non-blank rows of a CSV, read as a stream: the parser sees the text a slice at a time, the
 * budget refuses the file at the first row too many or too wide, and no row is kept that the
 * import would not read. UTF-8 (with or without a byte-order mark) or GB18030/GBK, which is what
 * Excel on a Chinese Windows writes when asked for "CSV (逗号分隔)".
 */
export async function readCsvRows(content: Buffer, budget: ReadBudget): Promise<TableRow[]> {
  const text = new TextDecoder(isUtf8(content) ? 'utf-8' : 'gb18030').decode(content);
  const slices = function* () {
    for (let start = 0; start < text.length; start += CHUNK_CHARACTERS) yield text.slice(start, start + CHUNK_CHARACTERS);
  };
  const parser = Readable.from(slices()).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // A quote never closed would otherwise swallow the rest of the file into one record.
      max_record_size: budget.limits.cellCharacters * budget.limits.columns,
    }),
  );
  const rows: TableRow[] = [];
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // A stream feeds its reader on microtasks, which never let the server answer anyone else.
      if (++rowNumber % RECORDS_PER_TURN === 0) await nextTurn();
      budget.checkTime();
      const cells = record.map((cell) => unguardFormula(cell.trim()));
      if (cells.every((cell) => cell === '')) continue;
      budget.checkRow(rowNumber, cells, rows.length > 0);
      rows.push({ rowNumber, cells });
    }
  } catch (error) {
    parser.destroy();
    throw error instanceof BusinessRuleError ? error : new BusinessRuleError('importFileUnreadable');
  }
  return rows;
}
