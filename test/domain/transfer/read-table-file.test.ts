import ExcelJS from 'exceljs';
import { readTableFile } from '../../../src/domain/transfer/read-table-file.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';

/** What the import reads from the files offices actually send: Excel's CSV flavours and .xlsx. */
describe('reading an uploaded table', () => {
  const refusalOf = async (content: Buffer) => {
    try {
      await readTableFile(content);
    } catch (error) {
      return error instanceof BusinessRuleError ? error.code : String(error);
    }
    return 'read';
  };

  test('when a UTF-8 CSV has a BOM, blank lines and a quoted line break, then rows keep the numbers Excel shows', async () => {
    const csv = '\uFEFF客户名称,大区,备注\r\n"上海石化",华东,\r\n\r\n,,\r\n"南京 ""扬子"" 分公司",华东,"第一行\n第二行"\r\n';
    const file = await readTableFile(Buffer.from(csv, 'utf8'));
    expect(file.format).toBe('csv');
    expect(file.headers).toEqual(['客户名称', '大区', '备注']);
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['上海石化', '华东', ''] },
      { rowNumber: 5, cells: ['南京 "扬子" 分公司', '华东', '第一行\n第二行'] },
    ]);
  });

  test('when Excel on a Chinese Windows saved the CSV in GBK, then it is read all the same', async () => {
    const gbk = Buffer.from('bfcdbba7c3fbb3c62cb4f3c7f80d0ac9cfbaa3caafbbaf2cbbaab6ab0d0a', 'hex');
    const file = await readTableFile(gbk);
    expect(file.headers).toEqual(['客户名称', '大区']);
    expect(file.rows).toEqual([{ rowNumber: 2, cells: ['上海石化', '华东'] }]);
  });

  test("when an exported CSV protected a formula-like text with an apostrophe, then the import takes it off again", async () => {
    const file = await readTableFile(Buffer.from("名称\r\n'=HYPERLINK(1)\r\n'-5 号柴油\r\n'普通文本\r\n", 'utf8'));
    expect(file.rows.map((row) => row.cells[0])).toEqual(['=HYPERLINK(1)', '-5 号柴油', "'普通文本"]);
  });

  test('when an .xlsx holds dates, formulas, rich text and float noise, then each cell reads as the text it shows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow([]);
    sheet.addRow(['日期', '金额', '合计', '名称']);
    sheet.addRow([new Date(Date.UTC(2026, 10, 24)), 0.1 + 0.2, { formula: 'B3*2', result: 0.6 }, { richText: [{ text: '上海' }, { text: '石化' }] }]);
    sheet.addRow([]);
    sheet.addRow([new Date(Date.UTC(2026, 10, 24, 8, 30)), 1234567.5, null, '  空格  ']);
    const file = await readTableFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(file.format).toBe('xlsx');
    expect(file.headerRow).toBe(2);
    expect(file.rows).toEqual([
      { rowNumber: 3, cells: ['2026-11-24', '0.3', '0.6', '上海石化'] },
      { rowNumber: 5, cells: ['2026-11-24 08:30:00', '1234567.5', '', '空格'] },
    ]);
  });

  test('when the file has no data rows or is not a table at all, then it is refused as a whole', async () => {
    expect(await refusalOf(Buffer.from('\uFEFF客户名称,大区\r\n', 'utf8'))).toBe('importFileEmpty');
    expect(await refusalOf(Buffer.alloc(0))).toBe('importFileEmpty');
    expect(await refusalOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a zip')]))).toBe('importFileUnreadable');
  });
});
