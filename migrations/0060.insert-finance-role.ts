import type { MigrationFn } from './migration.js';

/**
 * 财务专员: receipts against orders are confirmed by finance, not by the sales side whose credit they
 * free up, so recording a payment is a job of its own. Reference data like the roles of 0002.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(
    `INSERT INTO roles (code, name, description) VALUES ('finance', '财务专员', '登记订单收款，查看应收账龄与客户信用占用')
     ON CONFLICT (code) DO NOTHING`,
  );
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`DELETE FROM roles WHERE code = 'finance'`);
};
