import type { MigrationFn } from './migration.js';

/**
 * Indexes shaped like the lists that read the big tables: the filter or row scope first, then the
 * list's default sort, then the key that breaks ties, so a page (any page: the lean list seeks a
 * deep page in the index) is read in index order and a count stops early. Each replaces the
 * single-column index it starts with, which it serves as well (foreign-key checks included).
 *
 * Measured on 100 000 customers and 1 000 000 orders (npm run bench): orders with status
 * delivered, by date, 73 ms → under 1 ms for the page; one customer's orders and a
 * representative's own customers, a sort of every matching row → an index walk of 20 entries.
 */
interface ListIndex {
  table: string;
  /** The filter or scope column: the old index was on it alone. */
  first: string;
  /** The list's default order, the key last. */
  then: string;
}

const LIST_INDEXES: ListIndex[] = [
  { table: 'sales_orders', first: 'order_date', then: 'id DESC' },
  { table: 'sales_orders', first: 'status', then: 'order_date DESC, id DESC' },
  { table: 'sales_orders', first: 'customer_id', then: 'order_date DESC, id DESC' },
  { table: 'sales_orders', first: 'owner_id', then: 'order_date DESC, id DESC' },
  { table: 'sales_orders', first: 'branch_id', then: 'order_date DESC, id DESC' },
  { table: 'sales_order_items', first: 'order_id', then: 'id' },
  { table: 'customers', first: 'owner_id', then: 'updated_at DESC, id DESC' },
  { table: 'customers', first: 'branch_id', then: 'updated_at DESC, id DESC' },
  { table: 'customers', first: 'status', then: 'updated_at DESC, id DESC' },
  { table: 'contacts', first: 'customer_id', then: 'updated_at DESC, id DESC' },
];

const oldName = ({ table, first }: ListIndex) => `${table}_${first}_idx`;
const newName = ({ table, first, then }: ListIndex) => `${table}_${first}_${then.replace(/ DESC/g, '').replace(/, /g, '_')}_idx`;
// The list sorts newest first: the date column leads DESC like the rest of the order.
const leading = ({ first, table }: ListIndex) => (table === 'sales_orders' && first === 'order_date' ? `${first} DESC` : first);

export const up: MigrationFn = async ({ context: sequelize }) => {
  for (const index of LIST_INDEXES) {
    await sequelize.query(`CREATE INDEX ${newName(index)} ON ${index.table} (${leading(index)}, ${index.then})`);
    await sequelize.query(`DROP INDEX ${oldName(index)}`);
  }
  await sequelize.query('CREATE INDEX contacts_updated_at_id_idx ON contacts (updated_at DESC, id DESC)');
  await sequelize.query('ANALYZE customers, contacts, sales_orders, sales_order_items');
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP INDEX contacts_updated_at_id_idx');
  for (const index of LIST_INDEXES) {
    await sequelize.query(`CREATE INDEX ${oldName(index)} ON ${index.table} (${index.first})`);
    await sequelize.query(`DROP INDEX ${newName(index)}`);
  }
};
