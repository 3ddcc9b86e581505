import type { Transaction } from 'sequelize';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { translate, type Language } from '../../i18n/translate.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { ImportField, Params } from './import-fields.js';
import type { DuplicateMatch, DuplicateMode } from './duplicates.js';
import type { ImportRow, Importer } from './importer.js';
import { readTableFile } from './read-table-file.js';
import { fieldLabel, LANGUAGES } from './transfer-labels.js';

/** One thing to fix, with the row number Excel shows (the header is row 1); row null: the whole file. */
export interface ImportProblem {
  row: number | null;
  field: string | null;
  /** The column as the file names it, or the field's label when the column is missing. */
  column: string | null;
  code: string;
  params: Params;
  /** The problem in the employee's language. */
  message: string;
}

export interface ImportCheck {
  format: 'csv' | 'xlsx' | null;
  rowCount: number;
  /** Columns of the file that will be imported, and the field each fills. */
  columns: Array<{ header: string; field: string }>;
  /** Columns of the file that are not imported (computed fields, ids, fields the role may not write). */
  ignoredColumns: string[];
  problemCount: number;
  /** The first problems, in row order; a file with thousands of bad rows needs no more to start fixing. */
  problems: ImportProblem[];
  /** Rows that are records already (or repeat an earlier row): the employee skips or updates them, per file. */
  duplicateCount: number;
  duplicates: DuplicateMatch[];
}

const PROBLEMS_SHOWN = 500;

/**
 * Reads an uploaded file and checks EVERY row: required cells, numbers, choices, lengths, then
 * the importer's checks against the database (codes that must exist, duplicates in the file and
 * in the table). Writes nothing. Returns the rows, parsed, for the commit when nothing is wrong.
 * Rows that are records already are listed apart; updating one outside the employee's scope is a
 * problem once they chose to update.
 */
export async function checkImport(
  importer: Importer,
  content: Buffer,
  profile: AccessProfile,
  language: Language,
  options: { transaction?: Transaction; duplicateMode?: DuplicateMode } = {},
): Promise<{ check: ImportCheck; rows: ImportRow[] }> {
  const { transaction, duplicateMode } = options;
  let duplicates: DuplicateMatch[] = [];
  const problems: ImportProblem[] = [];
  const fields = importer.fields(profile);
  const problem = (row: number | null, field: string | null, column: string | null, code: string, params: Params = {}): void => {
    problems.push({ row, field, column, code, params, message: translate(language, code, { ...params, column: column ?? '' }) });
  };
  const result = (format: ImportCheck['format'], rowCount: number, columns: ImportCheck['columns'], ignoredColumns: string[], rows: ImportRow[]) => ({
    check: {
      format, rowCount, columns, ignoredColumns, problemCount: problems.length, problems: ordered(problems).slice(0, PROBLEMS_SHOWN),
      duplicateCount: duplicates.length, duplicates: duplicates.slice(0, PROBLEMS_SHOWN),
    },
    rows,
  });

  let file;
  try {
    file = await readTableFile(content);
  } catch (error) {
    if (!(error instanceof BusinessRuleError)) throw error;
    problem(null, null, null, error.code, error.params);
    return result(null, 0, [], [], []);
  }

  const { columns, ignoredColumns, repeated } = matchHeaders(file.headers, fields, importer.resourceId);
  for (const header of repeated) problem(file.headerRow, null, header, 'importColumnRepeated');
  const columnOf = new Map(columns.map((column) => [column.field, column]));
  for (const field of fields) {
    if (field.required && !columnOf.has(field.name)) problem(file.headerRow, field.name, fieldLabel(importer.resourceId, field.name, language), 'importColumnMissing');
  }
  if (problems.length > 0) return result(file.format, file.rows.length, columns.map(({ header, field }) => ({ header, field })), ignoredColumns, []);

  const headerOf = (field: string) => columnOf.get(field)?.header ?? fieldLabel(importer.resourceId, field, language);
  const rows = file.rows.map((tableRow) => {
    const row: ImportRow = { rowNumber: tableRow.rowNumber, values: {} };
    for (const field of fields) {
      const column = columnOf.get(field.name);
      const text = column ? tableRow.cells[column.index] : '';
      row.values[field.name] = readCell(field, text, (code, params) => problem(row.rowNumber, field.name, headerOf(field.name), code, params));
    }
    return row;
  });

  const context = { profile, transaction, refuse: (row: ImportRow, field: string, code: string, params?: Params) => problem(row.rowNumber, field, headerOf(field), code, params) };
  await importer.check(rows, context);
  duplicates = (await importer.findDuplicates?.(rows, context)) ?? [];
  if (duplicateMode === 'update') {
    for (const match of duplicates.filter((candidate) => candidate.existing && !candidate.existing.inScope)) {
      problem(match.row, null, null, 'importDuplicateOutOfScope', { customer: `${match.existing!.code} ${match.existing!.name}` });
    }
  }
  return result(file.format, rows.length, columns.map(({ header, field }) => ({ header, field })), ignoredColumns, rows);
}

/** A cell's value; undefined when it is wrong, so the database checks skip it (it is refused already). */
function readCell(field: ImportField, text: string, refuse: (code: string, params?: Params) => void): unknown {
  if (text === '') {
    if (field.required) {
      refuse('importRequired');
      return undefined;
    }
    return field.whenEmpty ?? null;
  }
  const read = field.read(text);
  if ('problem' in read) {
    refuse(read.problem, { value: text, ...read.params });
    return undefined;
  }
  return read.value;
}

/**
 * A header may be the field's label in Chinese or English (what an export writes), that label
 * without its note in brackets ('数量' for '数量 (入 + / 出 −)'), or the column name; a trailing *
 * (the template marks required columns so) and case do not matter.
 */
function matchHeaders(headers: string[], fields: ImportField[], resourceId: string) {
  const normalize = (text: string) => text.replace(/^\uFEFF/, '').replace(/[*＊]\s*$/, '').trim().toLowerCase();
  const withoutNote = (label: string) => label.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
  const fieldByName = new Map<string, string>();
  for (const field of fields) {
    fieldByName.set(normalize(field.name), field.name);
    for (const language of LANGUAGES) {
      const label = fieldLabel(resourceId, field.name, language);
      fieldByName.set(normalize(label), field.name);
      if (!fieldByName.has(normalize(withoutNote(label)))) fieldByName.set(normalize(withoutNote(label)), field.name);
    }
  }
  const columns: Array<{ header: string; field: string; index: number }> = [];
  const ignoredColumns: string[] = [];
  const repeated: string[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const field = fieldByName.get(normalize(header));
    if (!field) ignoredColumns.push(header);
    else if (columns.some((column) => column.field === field)) repeated.push(header);
    else columns.push({ header, field, index });
  });
  return { columns, ignoredColumns, repeated };
}

function ordered(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
