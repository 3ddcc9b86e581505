import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { up } from '../../migrations/0065.grant-credit-actions-to-existing-roles.js';

/** An installation upgraded from before credit control keeps its matrix and gains the new actions once. */
describe('granting the credit actions on an existing permission matrix', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  const actionsOf = async (role: string, resource: string) =>
    (await db.sequelize.query<{ actions: string[] }>(
      'SELECT p.actions FROM role_permissions p JOIN roles r ON r.id = p.role_id WHERE r.code = $1 AND p.resource = $2',
      { bind: [role, resource], type: QueryTypes.SELECT },
    ))[0]?.actions;

  test('when the matrix predates credit control, then representatives may ask for approval, an edited row keeps its edits, and running twice adds nothing', async () => {
    await db.sequelize.query(`
      INSERT INTO role_permissions (role_id, resource, actions, scope)
      SELECT id, 'sales_orders', ARRAY['list', 'show', 'new', 'edit', 'confirm'], 'own' FROM roles WHERE code = 'sales_rep'
      UNION ALL SELECT id, 'customers', ARRAY['list', 'show'], 'branch' FROM roles WHERE code = 'sales_manager'
      UNION ALL SELECT id, 'customers', ARRAY[]::text[], 'all' FROM roles WHERE code = 'readonly_manager'`);
    await up({ context: db.sequelize });
    await up({ context: db.sequelize });
    expect(await actionsOf('sales_rep', 'sales_orders')).toEqual(['list', 'show', 'new', 'edit', 'confirm', 'requestCreditApproval']);
    expect(await actionsOf('sales_manager', 'customers')).toEqual(['list', 'show', 'creditWatchList']);
    // An administrator had taken customers away from this role: nothing is given back.
    expect(await actionsOf('readonly_manager', 'customers')).toEqual([]);
    expect(await actionsOf('sales_manager', 'sales_orders')).toBeUndefined();
  });
});
