import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * The permission matrix as the server enforces it, over real HTTP with several logged-in users.
 * Rows are created here, owned by known demo users, so the expectations do not depend on the demo data.
 */
describe('permissions, row scopes and field rules', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  const agents: Record<string, request.Agent> = {};
  const ids: Record<string, number> = {};

  const userId = async (email: string) =>
    (await sequelize.query<{ id: number }>('SELECT id FROM users WHERE email = $1', { bind: [email], type: QueryTypes.SELECT }))[0].id;
  const row = async (table: string, id: number) =>
    (await sequelize.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, { bind: [id], type: QueryTypes.SELECT }))[0];
  const insertCustomer = async (name: string, ownerEmail: string, branchCode: string) => {
    const [created] = await sequelize.query<{ id: number }>(
      `INSERT INTO customers (name, customer_type, region, owner_id, branch_id, credit_limit, status)
       VALUES ($1, 'distributor', '华东', (SELECT id FROM users WHERE email = $2), (SELECT id FROM branches WHERE code = $3), 500000, 'active')
       RETURNING id`,
      { bind: [name, ownerEmail, branchCode], type: QueryTypes.SELECT },
    );
    return created.id;
  };

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    for (const email of ['admin@petrocrm.cn', 'rep.zhang@petrocrm.cn', 'rep.liu@petrocrm.cn', 'manager.ec@petrocrm.cn', 'service@petrocrm.cn', 'warehouse@petrocrm.cn', 'viewer@petrocrm.cn']) {
      agents[email] = await loginAs(running.url, email);
    }
    ids.zhangCustomer = await insertCustomer('权限测试张伟客户有限公司', 'rep.zhang@petrocrm.cn', 'EC');
    ids.liuCustomer = await insertCustomer('权限测试刘洋客户有限公司', 'rep.liu@petrocrm.cn', 'EC');
    ids.southCustomer = await insertCustomer('权限测试华南客户有限公司', 'rep.huang@petrocrm.cn', 'SC');
    const [product] = await sequelize.query<{ id: number }>(
      `INSERT INTO product_categories (code, name) VALUES ('PERM', '权限测试分类');
       INSERT INTO products (name, category_id, list_price, cost_price) VALUES ('权限测试产品', currval('product_categories_id_seq'), 8000, 6500) RETURNING id`,
      { type: QueryTypes.SELECT },
    );
    ids.product = product.id;
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  describe('the matrix decides every action (table-driven)', () => {
    type Case = [email: string, resource: string, action: 'list' | 'show' | 'new' | 'edit' | 'delete', allowed: boolean];
    const cases: Case[] = [
      ['rep.zhang@petrocrm.cn', 'customers', 'list', true],
      ['rep.zhang@petrocrm.cn', 'customers', 'show', true],
      ['rep.zhang@petrocrm.cn', 'customers', 'edit', true],
      ['rep.liu@petrocrm.cn', 'customers', 'delete', false],
      ['rep.zhang@petrocrm.cn', 'products', 'list', true],
      ['rep.zhang@petrocrm.cn', 'products', 'edit', false],
      ['rep.zhang@petrocrm.cn', 'products', 'delete', false],
      ['rep.zhang@petrocrm.cn', 'roles', 'list', false],
      ['rep.zhang@petrocrm.cn', 'audit_logs', 'list', false],
      ['manager.ec@petrocrm.cn', 'customers', 'delete', true],
      ['manager.ec@petrocrm.cn', 'products', 'edit', false],
      ['service@petrocrm.cn', 'customers', 'show', true],
      ['service@petrocrm.cn', 'customers', 'edit', false],
      ['warehouse@petrocrm.cn', 'products', 'edit', true],
      ['warehouse@petrocrm.cn', 'customers', 'edit', false],
      ['viewer@petrocrm.cn', 'customers', 'list', true],
      ['viewer@petrocrm.cn', 'customers', 'edit', false],
      ['viewer@petrocrm.cn', 'products', 'delete', false],
      ['admin@petrocrm.cn', 'roles', 'list', true],
      ['admin@petrocrm.cn', 'products', 'edit', true],
    ];

    test.each(cases)('%s on %s/%s → allowed %s; a refusal is 403 and changes nothing', async (email, resource, action, allowed) => {
      const recordId = resource === 'customers' ? ids.zhangCustomer : resource === 'products' ? ids.product : 1;
      const table = resource;
      const before = await row(table, recordId);
      const agent = agents[email];
      const response =
        action === 'list'
          ? await agent.get(`/admin/api/resources/${resource}/actions/list`)
          : action === 'new'
            ? await agent.post(`/admin/api/resources/${resource}/actions/new`).type('form').send({ name: '不应创建' })
            : action === 'show'
              ? await agent.get(`/admin/api/resources/${resource}/records/${recordId}/show`)
              : action === 'edit'
                ? await agent.post(`/admin/api/resources/${resource}/records/${recordId}/edit`).type('form').send({ name: before.name })
                : await agent.post(`/admin/api/resources/${resource}/records/${recordId}/delete`);
      if (allowed) {
        expect(response.status).toBe(200);
        expect(response.body.notice?.type).not.toBe('error');
      } else {
        expect(response.status).toBe(403);
        expect(await row(table, recordId)).toEqual(before);
      }
      if (allowed && action === 'delete') {
        expect(await row(table, recordId)).toBeUndefined();
        ids.zhangCustomer = await insertCustomer('权限测试张伟客户有限公司', 'rep.zhang@petrocrm.cn', 'EC');
      }
    });
  });

  describe('row scope: a representative reaches only their own customers', () => {
    test("when reading another representative's customer by id, then 403", async () => {
      const response = await agents['rep.zhang@petrocrm.cn'].get(`/admin/api/resources/customers/records/${ids.liuCustomer}/show`);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('权限测试刘洋客户');
    });

    test('when listing, counting or searching, then only own rows come back and the count matches SQL', async () => {
      const agent = agents['rep.zhang@petrocrm.cn'];
      const zhang = await userId('rep.zhang@petrocrm.cn');
      const list = await agent.get('/admin/api/resources/customers/actions/list?perPage=500');
      const owners = new Set(list.body.records.map((record: { params: { owner_id: number } }) => record.params.owner_id));
      expect([...owners]).toEqual([zhang]);
      const [{ n }] = await sequelize.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE owner_id = $1', { bind: [zhang], type: QueryTypes.SELECT });
      expect(list.body.meta.total).toBe(n);

      const filtered = await agent.get(`/admin/api/resources/customers/actions/list?filters.name=${encodeURIComponent('权限测试刘洋')}`);
      expect(filtered.body.records).toEqual([]);
      expect(filtered.body.meta.total).toBe(0);
      const search = await agent.get(`/admin/api/resources/customers/actions/search/${encodeURIComponent('权限测试刘洋')}`);
      expect(search.body.records ?? []).toEqual([]);
      const ownSearch = await agent.get(`/admin/api/resources/customers/actions/search/${encodeURIComponent('权限测试张伟')}`);
      expect(ownSearch.body.records.map((record: { id: string }) => Number(record.id))).toEqual([ids.zhangCustomer]);
    });

    test('when editing or deleting in bulk across the scope, then 403 and nothing changes', async () => {
      const before = await row('customers', ids.liuCustomer);
      const edit = await agents['rep.zhang@petrocrm.cn'].post(`/admin/api/resources/customers/records/${ids.liuCustomer}/edit`).type('form').send({ name: '被篡改' });
      expect(edit.status).toBe(403);
      const bulk = await agents['manager.ec@petrocrm.cn'].post(`/admin/api/resources/customers/bulk/bulkDelete?recordIds=${ids.liuCustomer},${ids.southCustomer}`);
      expect(bulk.status).toBe(403);
      expect(await row('customers', ids.liuCustomer)).toEqual(before);
      expect(await row('customers', ids.southCustomer)).toBeDefined();
    });

    test('a manager sees the customers of their branch and the outlets under it, not other branches', async () => {
      const list = await agents['manager.ec@petrocrm.cn'].get('/admin/api/resources/customers/actions/list?perPage=500');
      const listed = new Set(list.body.records.map((record: { id: string }) => Number(record.id)));
      expect(listed.has(ids.zhangCustomer) && listed.has(ids.liuCustomer)).toBe(true);
      expect(listed.has(ids.southCustomer)).toBe(false);
      const [{ n }] = await sequelize.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM customers WHERE branch_id IN
           (SELECT id FROM branches WHERE code = 'EC' UNION SELECT id FROM branches WHERE parent_id = (SELECT id FROM branches WHERE code = 'EC'))`,
        { type: QueryTypes.SELECT },
      );
      expect(list.body.meta.total).toBe(n);
    });
  });

  describe('fields', () => {
    test('no API response contains a password hash', async () => {
      const admin = agents['admin@petrocrm.cn'];
      const responses = [
        await admin.get('/admin/api/resources/users/actions/list?perPage=100'),
        await admin.get(`/admin/api/resources/users/records/${await userId('rep.zhang@petrocrm.cn')}/show`),
        await admin.get('/admin/api/resources/customers/actions/list?perPage=50'),
        await admin.get(`/admin/api/resources/users/actions/search/${encodeURIComponent('张')}`),
        await admin.get('/admin/api/resources/teams/actions/list'),
      ];
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(response.text).not.toMatch(/password_hash|\$2[aby]\$/);
      }
    });

    test('a hidden field (cost price for a representative) is neither sent nor filterable nor sortable', async () => {
      const agent = agents['rep.zhang@petrocrm.cn'];
      const show = await agent.get(`/admin/api/resources/products/records/${ids.product}/show`);
      expect(show.status).toBe(200);
      expect(show.body.record.params.list_price).toBe('8000.00');
      expect(show.body.record.params).not.toHaveProperty('cost_price');
      expect((await agent.get('/admin/api/resources/products/actions/list?filters.cost_price=6500')).status).toBe(403);
      expect((await agent.get('/admin/api/resources/products/actions/list?sortBy=cost_price')).status).toBe(403);
      expect((await agents['admin@petrocrm.cn'].get('/admin/api/resources/users/actions/list?filters.password_hash=x')).status).toBe(403);
    });

    test('when a representative posts owner_id or branch_id, then the server keeps its own values', async () => {
      const agent = agents['rep.zhang@petrocrm.cn'];
      const zhang = await userId('rep.zhang@petrocrm.cn');
      const liu = await userId('rep.liu@petrocrm.cn');
      const created = await agent.post('/admin/api/resources/customers/actions/new').type('form').send({
        name: '权限测试新客户', customer_type: 'trader', region: '华东', owner_id: String(liu), branch_id: '3', credit_limit: '1000',
      });
      expect(created.body.notice?.type).toBe('success');
      const stored = await row('customers', Number(created.body.record.params.id));
      expect(stored.owner_id).toBe(zhang);
      expect(stored.branch_id).toBe((await row('users', zhang)).branch_id);

      await agent.post(`/admin/api/resources/customers/records/${ids.zhangCustomer}/edit`).type('form').send({ owner_id: String(liu), name: '权限测试张伟客户有限公司' });
      expect((await row('customers', ids.zhangCustomer)).owner_id).toBe(zhang);

      const roleBefore = (await row('users', zhang)).role_id;
      const selfPromotion = await agent.post(`/admin/api/resources/users/records/${zhang}/edit`).type('form').send({ role_id: '1' });
      expect(selfPromotion.status).toBe(403);
      expect((await row('users', zhang)).role_id).toBe(roleBefore);
    });

    test("a ticket taken at head office belongs to the customer's branch, so that branch's manager sees it", async () => {
      const created = await agents['service@petrocrm.cn']
        .post('/admin/api/resources/tickets/actions/new')
        .type('form')
        .send({ subject: '权限测试华南咨询', kind: 'consultation', customer_id: String(ids.southCustomer) });
      expect(created.body.notice?.type).toBe('success');
      const stored = await row('tickets', Number(created.body.record.params.id));
      expect(stored.branch_id).toBe((await row('customers', ids.southCustomer)).branch_id);
    });

    test("when a representative attaches a contact to another representative's customer, then the field is refused", async () => {
      const response = await agents['rep.zhang@petrocrm.cn']
        .post('/admin/api/resources/contacts/actions/new')
        .type('form')
        .send({ name: '越权联系人', customer_id: String(ids.liuCustomer) });
      expect(response.body.record.errors.customer_id.message).toBe('referenceNotFound');
      const [{ n }] = await sequelize.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE name = '越权联系人'`, { type: QueryTypes.SELECT });
      expect(n).toBe(0);
    });
  });

  test('when the administrator unticks a box, then the next request of that role is refused, with no restart', async () => {
    const admin = agents['admin@petrocrm.cn'];
    const rep = agents['rep.zhang@petrocrm.cn'];
    expect((await rep.get('/admin/api/resources/products/actions/list')).status).toBe(200);

    const { body } = await admin.get('/admin/api/resources/roles/actions/editPermissions');
    const role = body.matrix.roles.find((candidate: { code: string }) => candidate.code === 'sales_rep');
    const cells = body.matrix.cells[role.id];
    const withoutList = { ...cells, products: { ...cells.products, actions: cells.products.actions.filter((action: string) => action !== 'list') } };
    const saved = await admin.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells: withoutList }) });
    expect(saved.body.notice).toEqual({ message: 'permissionsSaved', type: 'success', options: { count: Object.keys(cells).length } });

    expect((await rep.get('/admin/api/resources/products/actions/list')).status).toBe(403);
    await admin.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells }) });
    expect((await rep.get('/admin/api/resources/products/actions/list')).status).toBe(200);
  });

  test('only a role with the permission may open the matrix', async () => {
    expect((await agents['manager.ec@petrocrm.cn'].get('/admin/api/resources/roles/actions/editPermissions')).status).toBe(403);
  });

  test('the audit log holds the exact before and after of an edit, in the same transaction', async () => {
    const admin = agents['admin@petrocrm.cn'];
    const before = await row('customers', ids.southCustomer);
    const response = await admin
      .post(`/admin/api/resources/customers/records/${ids.southCustomer}/edit`)
      .type('form')
      .send({ name: '权限测试华南客户（更名）', credit_limit: '750000.50' });
    expect(response.body.notice?.type).toBe('success');
    const [entry] = await sequelize.query<{ user_email: string; action: string; changes: { fields: Record<string, { before: unknown; after: unknown }> } }>(
      `SELECT user_email, action, changes FROM audit_logs WHERE resource = 'customers' AND record_id = $1 ORDER BY id DESC LIMIT 1`,
      { bind: [String(ids.southCustomer)], type: QueryTypes.SELECT },
    );
    expect(entry.user_email).toBe('admin@petrocrm.cn');
    expect(entry.action).toBe('edit');
    expect(entry.changes.fields).toEqual({
      name: { before: before.name, after: '权限测试华南客户（更名）' },
      credit_limit: { before: '500000.00', after: '750000.50' },
    });
  });

  test('when a user is deactivated, then their open session ends on its next request', async () => {
    const viewer = await loginAs(running.url, 'viewer@petrocrm.cn');
    expect((await viewer.get('/admin/api/resources/customers/actions/list')).status).toBe(200);
    const viewerId = await userId('viewer@petrocrm.cn');
    const response = await agents['admin@petrocrm.cn'].post(`/admin/api/resources/users/records/${viewerId}/deactivate`);
    expect(response.body.notice).toEqual({ message: 'userDeactivated', type: 'success' });
    expect((await viewer.get('/admin/api/resources/customers/actions/list')).status).toBe(401);
    await expect(loginAs(running.url, 'viewer@petrocrm.cn')).rejects.toThrow(/failed/);
    const [entry] = await sequelize.query<{ changes: { fields: Record<string, unknown> } }>(
      `SELECT changes FROM audit_logs WHERE resource = 'users' AND action = 'deactivate' AND record_id = $1`,
      { bind: [String(viewerId)], type: QueryTypes.SELECT },
    );
    expect(entry.changes.fields).toEqual({ active: { before: true, after: false } });
    expect(JSON.stringify(entry)).not.toMatch(/password/);
  });

  test('a user changes their own password; a wrong current password is refused', async () => {
    const agent = await loginAs(running.url, 'rep.liu@petrocrm.cn');
    const wrong = await agent.post('/admin/api/resources/users/actions/changeOwnPassword').send({ currentPassword: 'nope', newPassword: 'New-Pass-2026', confirmation: 'New-Pass-2026' });
    expect(wrong.body.notice).toEqual({ message: 'currentPasswordWrong', type: 'error', options: {} });
    const right = await agent.post('/admin/api/resources/users/actions/changeOwnPassword').send({ currentPassword: 'Petro@2026', newPassword: 'New-Pass-2026', confirmation: 'New-Pass-2026' });
    expect(right.body.notice).toEqual({ message: 'passwordChanged', type: 'success' });
    await expect(loginAs(running.url, 'rep.liu@petrocrm.cn', 'New-Pass-2026')).resolves.toBeDefined();
  });
});
