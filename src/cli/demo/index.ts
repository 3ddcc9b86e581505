import type { Sequelize } from 'sequelize';
import { Branch } from '../../models/index.js';
import { loadOrganisation } from './organisation.js';

export { DEMO_PASSWORD, DEMO_USERS } from './organisation.js';

/**
 * Loads the demo company in one transaction: all of it or nothing. The head office's code marks a
 * database that has it already, so a second load adds nothing.
 */
export async function loadDemoData(sequelize: Sequelize): Promise<'loaded' | 'already-loaded'> {
  return sequelize.transaction(async (transaction) => {
    // Two instances starting at once on an empty database must not both load it.
    await sequelize.query('SELECT pg_advisory_xact_lock(7210302)', { transaction });
    if (await Branch.findOne({ where: { code: 'HQ' }, transaction })) return 'already-loaded';
    await loadOrganisation(transaction);
    return 'loaded';
  });
}
