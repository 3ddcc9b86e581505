import crypto from 'node:crypto';
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Agent } from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createProduct, createWarehouse, demoBranch, demoUser } from '../support/fixtures.js';
import { fieldLabel } from '../../src/domain/transfer/transfer-labels.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { creditCodeCheckCharacter } from '../../src/domain/customers/credit-code.js';

/**
 * Export and import over real HTTP, as the panel's buttons use them, for several roles. The rows
 * asserted on are created here; expectations about a whole list come from SQL over the same rows.
 */
describe('export and import of lists', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  const agents: Record<string, Agent> = {};
  const tag = crypto.randomBytes(3).toString('hex');

  const as = (who: string) => agents[`${who}@petrocrm.cn`];
  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
  const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const BOM = '\uFEFF';

  /** supertest buffers only text and JSON by itself; a download is read as the bytes it is. */
  const bytes = (response: Stream, done: (error: Error | null, body: unknown) => void) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const download = (agent: Agent, path: string, query: Record<string, string>) => agent.get(`/admin/transfer/${path}`).query(query).buffer(true).parse(bytes);
  const csvRows = (body: Buffer): string[][] => parse(body.toString('utf8'), { bom: true });
  const xlsxRows = async (body: Buffer): Promise<unknown[][]> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const csvFile = (rows: unknown[][]) => Buffer.from(BOM + stringify(rows as string[][], { record_delimiter: 'windows' }), 'utf8');
  const upload = (agent: Agent, resourceId: string, step: 'check' | 'commit', file: Buffer) =>
    agent
      .post(`/admin/transfer/${resourceId}/import/${step}`)
      .query({ file: `test-${step}.csv` })
      .set('Content-Type', 'application/octet-stream')
      .send(file)
      .buffer(true)
      .parse(bytes);
  const json = <T>(body: Buffer): T => JSON.parse(body.toString('utf8')) as T;
  const events = (body: Buffer) => body.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; written?: number; total?: number; count?: number });

  interface Problem { row: number | null; column: string | null; code: string; message: string }
  interface Check { rowCount: number; problemCount: number; problems: Problem[]; ignoredColumns: string[] }

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    for (const who of ['admin', 'rep.zhang', 'viewer', 'service', 'manager.ec', 'warehouse']) {
      agents[`${who}@petrocrm.cn`] = await loginAs(origin(running.url), `${who}@petrocrm.cn`);
    }
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  describe('export', () => {
    let zhang: number;
    beforeAll(async () => {
      zhang = (await demoUser('rep.zhang@petrocrm.cn')).id;
      const liu = (await demoUser('rep.liu@petrocrm.cn')).id;
      await createCustomer({ name: `导出测试${tag} 甲化工有限公司`, owner_id: zhang, credit_limit: '1234567.50', customer_type: 'trader' });
      await createCustomer({ name: `导出测试${tag} 乙塑料制品厂`, owner_id: zhang, credit_limit: '0' });
      await createCustomer({ name: `导出测试${tag} 丙润滑油经销部`, owner_id: zhang, last_order_on: '2026-11-24' });
      await createCustomer({ name: `导出测试${tag} 刘洋的客户`, owner_id: liu });
    });

    const zhangsCustomers = (where = '', bind: unknown[] = [], order = 'updated_at DESC NULLS LAST, id DESC') =>
      sql<{ code: string; name: string; credit_limit: string }>(
        `SELECT code, name, credit_limit FROM customers WHERE owner_id = $1 ${where} ORDER BY ${order}`,
        [zhang, ...bind],
      );

    test('when a sales rep exports customers as CSV, then it starts with the BOM, has Chinese headers and exactly their own rows in the list order', async () => {
      const response = await download(as('rep.zhang'), 'customers/export', { format: 'csv' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/attachment/);
      expect((response.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

      const [headers, ...rows] = csvRows(response.body);
      expect(headers).toEqual(expect.arrayContaining(['客户编码', '客户名称', '客户类型', '信用额度', '客户经理']));
      expect(headers).not.toContain('code');
      const code = headers.indexOf('客户编码');
      const expected = await zhangsCustomers();
      expect(rows.map((row) => row[code])).toEqual(expected.map((row) => row.code));
      expect(rows.some((row) => row.join().includes('刘洋的客户'))).toBe(false);
    });

    test('when the list is filtered and sorted, then the export holds the same rows in the same order, values as a spreadsheet wants them', async () => {
      const response = await download(as('rep.zhang'), 'customers/export', { format: 'csv', 'filters.name': `导出测试${tag}`, sortBy: 'name', direction: 'asc' });
      const [headers, ...rows] = csvRows(response.body);
      const column = (label: string) => headers.indexOf(label);
      const expected = await zhangsCustomers('AND name ILIKE $2', [`%导出测试${tag}%`], 'name ASC, id ASC');
      expect(expected).toHaveLength(3);
      expect(rows.map((row) => row[column('客户编码')])).toEqual(expected.map((row) => row.code));
      const trader = rows.find((row) => row[column('客户名称')].includes('甲化工'))!;
      expect(trader[column('信用额度')]).toBe('1234567.50');
      expect(trader[column('客户类型')]).toBe('贸易商');
      expect(trader[column('客户经理')]).toBe('rep.zhang@petrocrm.cn');
      const dated = rows.find((row) => row[column('客户名称')].includes('丙润滑油'))!;
      expect(dated[column('最近下单日期')]).toBe('2026-11-24');
      // A time is written on the business clock with its zone, whatever the server's zone; the header says which.
      const [created] = await sql<{ beijing: string }>(`SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS beijing FROM customers WHERE code = $1`, [dated[column('客户编码')]]);
      expect(dated[column('创建时间 (UTC+08:00)')]).toBe(`${created.beijing} +08:00`);
      expect(rows.find((row) => row[column('客户名称')].includes('乙塑料'))![column('信用额度')]).toBe('0.00');
    });

    test('when a name starts like a spreadsheet formula, then the CSV cell starts with an apostrophe and the .xlsx cell is text, never a formula', async () => {
      const planted = [`=HYPERLINK("http://evil.example","点我")${tag}`, `+1+cmd|' /C calc'!A0${tag}`, `-2+3${tag}`, `@SUM(1)${tag}`];
      for (const name of planted) await createCustomer({ name, owner_id: zhang });
      const query = { 'filters.name': tag, sortBy: 'name', direction: 'asc' };

      const [headers, ...rows] = csvRows((await download(as('rep.zhang'), 'customers/export', { format: 'csv', ...query })).body);
      const names = rows.map((row) => row[headers.indexOf('客户名称')]);
      for (const name of planted) expect(names).toContain(`'${name}`);
      expect(names.filter((name) => /^[=+\-@]/.test(name))).toEqual([]);

      const [xlsxHeaders, ...xlsxData] = await xlsxRows((await download(as('rep.zhang'), 'customers/export', { format: 'xlsx', ...query })).body);
      const xlsxNames = xlsxData.map((row) => row[xlsxHeaders.indexOf('客户名称')]);
      // exceljs reads a formula cell back as { formula, result }: every planted name is a plain string.
      for (const name of planted) expect(xlsxNames).toContain(name);
      expect(xlsxNames.every((name) => typeof name === 'string')).toBe(true);
    });

    test('when the same list is exported as .xlsx, then exceljs reads back the same rows, money as numbers', async () => {
      const response = await download(as('rep.zhang'), 'customers/export', { format: 'xlsx', 'filters.name': `导出测试${tag}`, sortBy: 'name', direction: 'asc' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/spreadsheetml/);
      const [headers, ...rows] = await xlsxRows(response.body);
      const column = (label: string) => headers.indexOf(label);
      const expected = await zhangsCustomers('AND name ILIKE $2', [`%导出测试${tag}%`], 'name ASC, id ASC');
      expect(rows.map((row) => [row[column('客户编码')], row[column('客户名称')], row[column('信用额度')]])).toEqual(
        expected.map((row) => [row.code, row.name, Number(row.credit_limit)]),
      );
    });

    test('when the list is longer than a page of the export, then every row comes once, ties kept in the list order across pages', async () => {
      await sequelize.query(
        `INSERT INTO customers (name, customer_type, region, branch_id, status)
         SELECT '分页导出${tag} ' || n, 'fleet', '西北', (SELECT id FROM branches WHERE code = 'EC'), 'active' FROM generate_series(1, 2500) AS n`,
      );
      // Every row has the same region: only the key keeps pages from overlapping.
      const response = await download(as('admin'), 'customers/export', { format: 'csv', 'filters.name': `分页导出${tag}`, sortBy: 'region', direction: 'desc' });
      const [headers, ...rows] = csvRows(response.body);
      const expected = await sql<{ code: string }>(`SELECT code FROM customers WHERE name LIKE $1 ORDER BY region DESC NULLS LAST, id DESC`, [`分页导出${tag}%`]);
      expect(rows).toHaveLength(2500);
      expect(rows.map((row) => row[headers.indexOf('客户编码')])).toEqual(expected.map((row) => row.code));
    });

    test('when a role may not see the cost price, then an export of products has no cost price column', async () => {
      const product = await createProduct({ name: `导出测试${tag} 聚丙烯`, cost_price: '6500.00' });
      await sequelize.query(
        `UPDATE role_permissions SET actions = array_append(actions, 'export')
          WHERE resource = 'products' AND role_id = (SELECT id FROM roles WHERE code = 'sales_rep') AND NOT 'export' = ANY(actions)`,
      );
      const asRep = await download(as('rep.zhang'), 'products/export', { format: 'csv', 'filters.name': `导出测试${tag}` });
      expect(asRep.status).toBe(200);
      const [repHeaders, ...repRows] = csvRows(asRep.body);
      expect(repRows).toHaveLength(1);
      expect(repHeaders).toContain(fieldLabel('products', 'list_price'));
      expect(repHeaders).not.toContain(fieldLabel('products', 'cost_price'));
      expect(repHeaders).not.toContain('cost_price');
      expect(repRows[0].join()).not.toContain('6500');

      const asAdmin = await download(as('admin'), 'products/export', { format: 'csv', 'filters.name': `导出测试${tag}` });
      const [adminHeaders, adminRow] = csvRows(asAdmin.body);
      expect(adminRow[adminHeaders.indexOf(fieldLabel('products', 'cost_price'))]).toBe('6500.00');
      expect(adminRow[adminHeaders.indexOf(fieldLabel('products', 'sku'))]).toBe(product.sku);
    });

    test('when a role without export asks for a file, then it is refused with 403; without a login, 401', async () => {
      expect((await as('service').get('/admin/transfer/customers/export').query({ format: 'csv' })).status).toBe(403);
      expect((await as('rep.zhang').get('/admin/transfer/roles/export').query({ format: 'csv' })).status).toBe(403);
      expect((await as('viewer').get('/admin/transfer/customers/export').query({ format: 'csv' })).status).toBe(200);
      const anonymous = await import('supertest').then(({ default: request }) => request(origin(running.url)).get('/admin/transfer/customers/export'));
      expect(anonymous.status).toBe(401);
    });

    test('when the export sorts or filters on a field hidden from the role, then it is refused', async () => {
      const response = await as('rep.zhang').get('/admin/transfer/products/export').query({ format: 'csv', sortBy: 'cost_price' });
      expect(response.status).toBe(403);
    });

    test('when the export button is offered, then only to roles with export, and its count follows the filters', async () => {
      const forRep = await as('rep.zhang').get('/admin/api/resources/customers/actions/export').query({ 'filters.name': `导出测试${tag}` });
      expect(forRep.status).toBe(200);
      expect(forRep.body.total).toBe(3);
      expect((await as('service').get('/admin/api/resources/customers/actions/export')).status).toBe(403);
    });
  });

  describe('import', () => {
    const header = ['客户名称', '客户类型', '大区', '信用额度', '统一社会信用代码', '备注'];
    const goodRow = (n: number) => [`导入测试${tag} 客户${n}`, '经销商', '华东', '100000', '', `第 ${n} 个`];

    test('when a role without import uploads, then it is refused with 403 and nothing is read', async () => {
      const file = csvFile([header, goodRow(1)]);
      expect((await upload(as('viewer'), 'customers', 'check', file)).status).toBe(403);
      expect((await upload(as('rep.zhang'), 'customers', 'commit', file)).status).toBe(403);
      expect((await as('viewer').get('/admin/transfer/customers/import/template')).status).toBe(403);
      expect((await as('viewer').get('/admin/api/resources/customers/actions/import')).status).toBe(403);
      expect((await upload(as('admin'), 'sales_orders', 'check', file)).status).toBe(404);
    });

    test('when a file has two bad rows, then the check lists both row numbers, the import is refused and nothing is written; fixed, every row is imported in one go', async () => {
      const rows = [header, goodRow(1), ['', '经销商', '华东', '5000', '', ''], goodRow(3), [`导入测试${tag} 客户4`, '批发商', '华东', '-3', '', ''], goodRow(5)];
      const before = { customers: await count('customers'), audit: await count('audit_logs') };

      const checked = await upload(as('manager.ec'), 'customers', 'check', csvFile(rows));
      expect(checked.status).toBe(200);
      const check = json<Check>(checked.body);
      expect(check.rowCount).toBe(5);
      expect(check.problems.map((problem) => problem.row)).toEqual([3, 5, 5]);
      expect(check.problems[0]).toMatchObject({ column: '客户名称', code: 'importRequired' });
      expect(check.problems[1]).toMatchObject({ column: '客户类型', code: 'importNotAChoice' });
      expect(check.problems[1].message).toContain('批发商');
      expect(check.problems[2]).toMatchObject({ column: '信用额度', code: 'importNegative' });

      const refused = await upload(as('manager.ec'), 'customers', 'commit', csvFile(rows));
      expect(refused.status).toBe(422);
      expect(json<Check>(refused.body).problems.map((problem) => problem.row)).toEqual([3, 5, 5]);
      expect(await count('customers')).toBe(before.customers);
      expect(await count('audit_logs')).toBe(before.audit);

      rows[2][0] = `导入测试${tag} 客户2`;
      rows[4][1] = 'Trader';
      rows[4][3] = '3,000.5';
      expect(json<Check>((await upload(as('manager.ec'), 'customers', 'check', csvFile(rows))).body).problemCount).toBe(0);
      const imported = await upload(as('manager.ec'), 'customers', 'commit', csvFile(rows));
      expect(imported.status).toBe(200);
      expect(events(imported.body).at(-1)).toMatchObject({ type: 'imported', count: 5 });

      const manager = await demoUser('manager.ec@petrocrm.cn');
      const created = await sql<{ name: string; code: string; customer_type: string; credit_limit: string; owner_id: number; branch_id: number; xmin: string }>(
        'SELECT name, code, customer_type, credit_limit, owner_id, branch_id, xmin::text FROM customers WHERE name LIKE $1 ORDER BY id',
        [`导入测试${tag}%`],
      );
      expect(created.map((row) => row.name)).toEqual([1, 2, 3, 4, 5].map((n) => `导入测试${tag} 客户${n}`));
      expect(created[3]).toMatchObject({ customer_type: 'trader', credit_limit: '3000.50' });
      expect(created.every((row) => /^C\d{6}$/.test(row.code) && row.owner_id === manager.id && row.branch_id === manager.branch_id)).toBe(true);
      // One transaction: PostgreSQL stamps every row it wrote with that transaction's id.
      expect(new Set(created.map((row) => row.xmin)).size).toBe(1);
      const audit = await sql<{ action: string; record_id: string | null; changes: { details?: { rows: number } } }>(
        `SELECT action, record_id, changes FROM audit_logs WHERE resource = 'customers' AND action = 'import' AND user_id = $1 ORDER BY id`,
        [manager.id],
      );
      expect(audit.filter((entry) => entry.record_id !== null)).toHaveLength(5);
      expect(audit.find((entry) => entry.record_id === null)?.changes.details?.rows).toBe(5);
    });

    test('when a customers file names customers that exist (by code, credit code, or name in the branch) or repeats itself, then the preview lists them and the choice is per file: skip adds only the new, twice adds nothing, update changes the existing', async () => {
      // Seventeen random characters and the GB 32100-2015 check character the database verifies.
      const creditCode = (prefix: string) => {
        const first17 = `${prefix}${crypto.randomInt(1e8, 1e9)}`;
        return `${first17}${creditCodeCheckCharacter(first17)}`;
      };
      const [east, south] = [(await demoBranch('EC')).id, (await demoBranch('SC')).id];
      const byCode = await createCustomer({ code: `DUP${tag}`.toUpperCase(), branch_id: east, credit_limit: '5.00' });
      const byCredit = await createCustomer({ credit_code: creditCode('91320000'), branch_id: east });
      const byName = await createCustomer({ name: `同名客户${tag}`, branch_id: east });
      await createCustomer({ name: `南方客户${tag}`, branch_id: south, region: '华南' });
      const elsewhere = await createCustomer({ credit_code: creditCode('91440000'), branch_id: south, region: '华南' });
      const columns = ['客户编码', '客户名称', '客户类型', '大区', '信用额度', '统一社会信用代码', '备注'];
      const row = (code: string, name: string, credit = '', note = '') => [code, name, '经销商', '华东', '100000', credit, note];
      const rows = [
        columns,
        row(byCode.code, `改名${tag}`, '', '按编码'),
        row('', `另一个名字${tag}`, byCredit.credit_code!, '按信用代码'),
        row('', `同名客户${tag}`, '', '按名称'),
        row('', `南方客户${tag}`),
        row('', `新客户${tag}`),
        row('', `新客户${tag}`, '', '同一文件第二次'),
      ];
      const file = csvFile(rows);
      const before = await count('customers');

      const check = json<Check & { duplicateCount: number; duplicates: Array<{ row: number; matchedBy: string; existing: { id: number; inScope: boolean } | null; earlierRow: number | null }> }>(
        (await upload(as('manager.ec'), 'customers', 'check', file)).body,
      );
      expect(check.problemCount).toBe(0);
      expect(check.duplicates.map((found) => [found.row, found.matchedBy, found.existing?.id ?? null, found.earlierRow])).toEqual([
        [2, 'code', byCode.id, null],
        [3, 'credit_code', byCredit.id, null],
        [4, 'name', byName.id, null],
        [7, 'name', null, 6],
      ]);

      const undecided = await upload(as('manager.ec'), 'customers', 'commit', file);
      expect(undecided.status).toBe(422);
      expect(json<Check>(undecided.body).problems).toEqual([expect.objectContaining({ row: null, code: 'importChooseDuplicateMode' })]);
      expect(await count('customers')).toBe(before);

      const skip = (agent: Agent, body: Buffer) => agent.post('/admin/transfer/customers/import/commit').query({ file: 'dup.csv', duplicates: 'skip' })
        .set('Content-Type', 'application/octet-stream').send(body).buffer(true).parse(bytes);
      // 南方客户 in the manager's own branch is new: the name of a customer of another branch is no duplicate.
      expect(events((await skip(as('manager.ec'), file)).body).at(-1)).toMatchObject({ type: 'imported', created: 2, updated: 0, skipped: 4 });
      expect(await count('customers')).toBe(before + 2);
      expect(await byCode.reload()).toMatchObject({ credit_limit: '5.00', notes: null });
      // The same file again adds nobody.
      expect(events((await skip(as('manager.ec'), file)).body).at(-1)).toMatchObject({ type: 'imported', created: 0, updated: 0, skipped: 6 });
      expect(await count('customers')).toBe(before + 2);

      const update = await as('manager.ec').post('/admin/transfer/customers/import/commit').query({ file: 'dup.csv', duplicates: 'update' })
        .set('Content-Type', 'application/octet-stream').send(file).buffer(true).parse(bytes);
      expect(events(update.body).at(-1)).toMatchObject({ type: 'imported', created: 0, updated: 6, skipped: 0 });
      expect(await byCode.reload()).toMatchObject({ name: `改名${tag}`, credit_limit: '100000.00', notes: '按编码' });
      expect(await byCredit.reload()).toMatchObject({ name: `另一个名字${tag}`, notes: '按信用代码' });
      const audit = await sql<{ changes: { fields: Record<string, { before: unknown; after: unknown }> } }>(
        `SELECT changes FROM audit_logs WHERE resource = 'customers' AND action = 'import' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [String(byCode.id)],
      );
      expect(audit[0].changes.fields.credit_limit).toEqual({ before: '5.00', after: '100000.00' });

      // Another branch's customer may be skipped, never updated, by a manager who does not reach it.
      const foreign = csvFile([columns, row('', `外地客户${tag}`, elsewhere.credit_code!)]);
      const refused = await as('manager.ec').post('/admin/transfer/customers/import/commit').query({ file: 'f.csv', duplicates: 'update' })
        .set('Content-Type', 'application/octet-stream').send(foreign).buffer(true).parse(bytes);
      expect(refused.status).toBe(422);
      expect(json<Check>(refused.body).problems).toEqual([expect.objectContaining({ row: 2, code: 'importDuplicateOutOfScope' })]);
      expect(events((await skip(as('manager.ec'), foreign)).body).at(-1)).toMatchObject({ type: 'imported', created: 0, skipped: 1 });
      expect(await elsewhere.reload()).toMatchObject({ name: elsewhere.name });
    });

    test('when contacts name customers by code, then only customers the importer may see are found', async () => {
      const east = await createCustomer({ name: `联系人导入${tag} 华东客户` });
      const south = await createCustomer({ name: `联系人导入${tag} 华南客户`, branch_id: (await demoBranch('SC')).id, region: '华南' });
      const rows = [
        ['客户', '姓名', '手机', '主要联系人'],
        [east.code, '王经理', '13900000001', '是'],
        [south.code, '陈经理', '13900000002', '否'],
      ];
      const check = json<Check>((await upload(as('manager.ec'), 'contacts', 'check', csvFile(rows))).body);
      expect(check.problems).toEqual([expect.objectContaining({ row: 3, column: '客户', code: 'importReferenceNotFound' })]);

      const imported = await upload(as('manager.ec'), 'contacts', 'commit', csvFile(rows.slice(0, 2)));
      expect(events(imported.body).at(-1)).toMatchObject({ type: 'imported', count: 1 });
      expect(await sql('SELECT name, mobile, is_primary FROM contacts WHERE customer_id = $1', [east.id])).toEqual([{ name: '王经理', mobile: '13900000001', is_primary: true }]);
      const again = json<Check>((await upload(as('manager.ec'), 'contacts', 'check', csvFile(rows.slice(0, 2)))).body);
      expect(again.problems).toEqual([expect.objectContaining({ row: 2, code: 'importContactExists' })]);
    });

    test('when an exported .xlsx of products is edited and imported again, then its Chinese headers are understood', async () => {
      const original = await createProduct({ name: `往返测试${tag} 高密度聚乙烯`, cost_price: '7100.00', unit: 'ton' });
      const exported = await download(as('admin'), 'products/export', { format: 'xlsx', 'filters.name': `往返测试${tag}` });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.body);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const cell = (label: string) => sheet.getRow(2).getCell(headers.indexOf(label) + 1);
      cell(fieldLabel('products', 'sku')).value = `RT${tag}`.toUpperCase();
      cell(fieldLabel('products', 'name')).value = `往返测试${tag} 高密度聚乙烯 (新牌号)`;
      const edited = Buffer.from(await workbook.xlsx.writeBuffer());

      const check = json<Check>((await upload(as('warehouse'), 'products', 'check', edited)).body);
      expect(check.problems).toEqual([]);
      expect(check.ignoredColumns).toEqual(expect.arrayContaining(['编号', '创建时间 (UTC+08:00)', '更新时间 (UTC+08:00)']));
      const imported = await upload(as('warehouse'), 'products', 'commit', edited);
      expect(events(imported.body).at(-1)).toMatchObject({ type: 'imported', count: 1 });
      const [copy] = await sql<{ category_id: number; list_price: string; unit: string; active: boolean; cost_price: string | null }>(
        'SELECT category_id, list_price, unit, active, cost_price FROM products WHERE sku = $1',
        [`RT${tag}`.toUpperCase()],
      );
      expect(copy).toEqual({ category_id: original.category_id, list_price: original.list_price, unit: 'ton', active: true, cost_price: '7100.00' });
    });

    test('when the template is downloaded, then it has the Chinese headers the import reads, required ones marked', async () => {
      const csv = await download(as('warehouse'), 'stock_movements/import/template', { format: 'csv' });
      expect(csv.status).toBe(200);
      const [headers] = csvRows(csv.body);
      expect(headers).toEqual(['产品*', '仓库*', '数量 (入 + / 出 −)*', '批号*', '单据号', '变动类型']);
      const xlsx = await download(as('manager.ec'), 'customers/import/template', { format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['导入数据', '填写说明']);
      expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toContain('客户名称*');
      // A manager limited to their branch imports customers of their own: no owner or branch columns.
      expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).not.toContain('客户经理');
    });

    test('when a few thousand stock receipts are imported, then stock rises by their total, each is in the ledger, and progress is reported', async () => {
      const product = await createProduct({ name: `入库导入${tag} 乙二醇` });
      const warehouse = await createWarehouse();
      const rows: string[][] = [['产品', '仓库', '数量', '批号', '单据号']];
      for (let n = 1; n <= 3000; n += 1) rows.push([product.sku, warehouse.code, `${n % 7 + 1}.5`, `B${tag}-${n}`, `RK-${n}`]);
      const total = rows.slice(1).reduce((sum, row) => sum + Number(row[2]), 0);

      const response = await upload(as('warehouse'), 'stock_movements', 'commit', csvFile(rows));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/ndjson/);
      const stream = events(response.body);
      const progress = stream.filter((event) => event.type === 'progress');
      expect(progress.length).toBe(6);
      expect(progress.map((event) => event.written)).toEqual([...progress.map((event) => event.written!)].sort((a, b) => a - b));
      expect(progress.at(-1)).toMatchObject({ written: 3000, total: 3000 });
      expect(stream.at(-1)).toMatchObject({ type: 'imported', count: 3000 });

      const [level] = await sql<{ on_hand: string }>('SELECT on_hand FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2', [product.id, warehouse.id]);
      expect(Number(level.on_hand)).toBeCloseTo(total, 3);
      const [ledger] = await sql<{ n: number; batches: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT batch_no)::int AS batches FROM stock_movements WHERE product_id = $1 AND kind = 'receipt'`,
        [product.id],
      );
      expect(ledger).toEqual({ n: 3000, batches: 3000 });

      // The same delivery file again would double the stock: every row is refused instead.
      const again = await upload(as('warehouse'), 'stock_movements', 'commit', csvFile(rows));
      expect(again.status).toBe(422);
      expect(json<Check>(again.body).problemCount).toBe(3000);
    });

    test('when a few thousand customers are imported, then all of them are written with progress after every batch', async () => {
      const rows: string[][] = [header];
      for (let n = 1; n <= 4000; n += 1) rows.push([`批量导入${tag} 客户${n}`, n % 2 ? 'distributor' : '加油站', '华南', String(n * 100), '', '']);
      const response = await upload(as('admin'), 'customers', 'commit', csvFile(rows));
      const stream = events(response.body);
      expect(stream.filter((event) => event.type === 'progress').map((event) => event.written)).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
      expect(stream.at(-1)).toMatchObject({ type: 'imported', count: 4000 });
      expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE name LIKE $1', [`批量导入${tag}%`]))[0].n).toBe(4000);
    });
  });
});
