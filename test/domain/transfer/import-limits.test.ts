import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readTableFile } from '../../../src/domain/transfer/read-table-file.js';
import { IMPORT_LIMITS, ReadBudget } from '../../../src/domain/transfer/import-limits.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import { translate } from '../../../src/i18n/translate.js';

/** What an import refuses before it has read the whole file, and with which message. */
async function refusalOf(content: Buffer, budget?: ReadBudget): Promise<{ code: string; params: Record<string, string | number> } | 'read'> {
  try {
    await readTableFile(content, budget);
    return 'read';
  } catch (error) {
    if (error instanceof BusinessRuleError) return { code: error.code, params: error.params };
    throw error;
  }
}

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入数据');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An .xlsx whose one sheet is `sheetXml`, compressed as Excel would (deflate). */
async function xlsxWithSheet(sheetXml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsxOf([['名称'], ['x']]));
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('an import reads a bounded amount of any file', () => {
  test('when a CSV of 19 MB holds 1.3 million rows, then it is refused at the first row beyond the limit', async () => {
    const rows = Array.from({ length: 1_300_000 }, (_, index) => `客户${index},华东`);
    const csv = Buffer.from(`客户名称,大区\r\n${rows.join('\r\n')}`, 'utf8');
    expect(csv.length).toBeGreaterThan(19_000_000);
    expect(await refusalOf(csv)).toEqual({ code: 'importTooManyRows', params: { max: IMPORT_LIMITS.rows } });
    expect(translate('zh-CN', 'importTooManyRows', { max: IMPORT_LIMITS.rows })).toBe('文件超过 50000 行, 一次最多导入 50000 行, 请拆分后分批导入');
  });

  test('when a file has exactly as many rows as allowed, then every row is read', async () => {
    const budget = new ReadBudget({ ...IMPORT_LIMITS, rows: 3 });
    const file = await readTableFile(Buffer.from('名称\r\na\r\nb\r\n\r\nc\r\n', 'utf8'), budget);
    expect(file.rows.map((row) => [row.rowNumber, row.cells[0]])).toEqual([[2, 'a'], [3, 'b'], [5, 'c']]);
    expect(await refusalOf(Buffer.from('名称\r\na\r\nb\r\nc\r\nd\r\n', 'utf8'), new ReadBudget({ ...IMPORT_LIMITS, rows: 3 }))).toEqual({ code: 'importTooManyRows', params: { max: 3 } });
  });

  test('when an .xlsx would unpack to more than the limit, then it is refused before anything is unpacked', async () => {
    // A few kilobytes of zip that inflate to megabytes of whitespace: what a zip bomb looks like.
    const bomb = await xlsxWithSheet(`<worksheet><sheetData>${' '.repeat(8 * 1024 * 1024)}</sheetData></worksheet>`);
    expect(bomb.length).toBeLessThan(100_000);
    const budget = new ReadBudget({ ...IMPORT_LIMITS, unpackedBytes: 4 * 1024 * 1024 });
    expect(await refusalOf(bomb, budget)).toEqual({ code: 'importUnpackedTooLarge', params: { max: 4 } });
  });

  test('when a part of an .xlsx inflates to more than its directory says, then the file is refused as unreadable', async () => {
    const honest = await xlsxWithSheet(`<worksheet><sheetData>${' '.repeat(1024 * 1024)}<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row></sheetData></worksheet>`);
    const lying = understateSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    expect(await refusalOf(honest)).toEqual({ code: 'importFileEmpty', params: {} });
    expect(await refusalOf(lying)).toEqual({ code: 'importFileUnreadable', params: {} });
  });

  test('when a row is wider than the limit or a cell longer than Excel allows, then the row is named', async () => {
    const wide = `${Array.from({ length: 201 }, (_, index) => `列${index}`).join(',')}\r\n1\r\n`;
    expect(await refusalOf(Buffer.from(wide, 'utf8'))).toEqual({ code: 'importTooManyColumns', params: { row: 1, max: 200 } });
    const long = await xlsxOf([['名称', '备注'], ['x', 'y'.repeat(32_768)]]);
    expect(await refusalOf(long)).toEqual({ code: 'importCellTooLong', params: { row: 2, column: 'B', max: 32_767 } });
    const wideXlsx = await xlsxWithSheet('<worksheet><sheetData><row r="1"><c r="GT1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>');
    expect(await refusalOf(wideXlsx)).toEqual({ code: 'importTooManyColumns', params: { row: 1, max: 200 } });
  });

  test('when reading takes longer than allowed, then the file is refused with the time it was given', async () => {
    let clock = 0;
    // Each look at the clock is a minute later: the second chunk is already past the deadline.
    const budget = new ReadBudget({ ...IMPORT_LIMITS, readSeconds: 90 }, () => (clock += 60_000));
    const csv = Buffer.from(`名称\r\n${'甲\r\n'.repeat(100_000)}`, 'utf8');
    expect(await refusalOf(csv, budget)).toEqual({ code: 'importTooSlow', params: { seconds: 90 } });
  });

  test('when every refusal is shown, then it reads in Chinese and in English', () => {
    for (const code of ['importTooManyRows', 'importTooManyColumns', 'importCellTooLong', 'importUnpackedTooLarge', 'importTooSlow', 'importBusy']) {
      expect(translate('zh-CN', code)).toMatch(/\p{Script=Han}/u);
      expect(translate('en', code)).not.toBe(code);
    }
  });
});

/** The zip with the central directory's uncompressed size of one part set to `size`. */
function understateSize(zip: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  for (let offset = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); offset >= 0; offset--) {
    if (patched.readUInt32LE(offset) !== 0x02014b50) continue;
    const nameLength = patched.readUInt16LE(offset + 28);
    if (patched.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      patched.writeUInt32LE(size, offset + 24);
      return patched;
    }
  }
  throw new Error(`${name} not in the zip`);
}
