import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { translate, type Language } from '../../i18n/translate.js';
import type { Importer } from './importer.js';
import { fieldLabel } from './transfer-labels.js';
import type { ExportFormat } from './write-export.js';

/**
 * An empty file to fill in: the columns this employee may import, headed by their labels, required
 * ones marked with *. The .xlsx has a second sheet saying what each column accepts.
 */
export async function writeImportTemplate(importer: Importer, profile: AccessProfile, format: ExportFormat, language: Language, out: Writable): Promise<void> {
  const fields = importer.fields(profile);
  const headers = fields.map((field) => `${fieldLabel(importer.resourceId, field.name, language)}${field.required ? '*' : ''}`);
  if (format === 'csv') {
    out.end(stringify([headers], { bom: true, record_delimiter: 'windows' }));
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(translate(language, 'importTemplateSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, header.length * 2 + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };

  const notes = workbook.addWorksheet(translate(language, 'importNotesSheet'));
  notes.columns = [
    { header: translate(language, 'importNotesColumn'), width: 20 },
    { header: translate(language, 'importNotesRequired'), width: 8 },
    { header: translate(language, 'importNotesAccepts'), width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const [index, field] of fields.entries()) {
    notes.addRow([headers[index], translate(language, field.required ? 'transferYes' : 'transferNo'), field.hint?.(language) ?? '']);
  }
  // A template is a few kilobytes: built whole, then sent.
  out.end(Buffer.from(await workbook.xlsx.writeBuffer()));
}
