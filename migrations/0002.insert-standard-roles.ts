import type { MigrationFn } from './migration.js';

/**
 * The job functions the company works with. They are reference data, not demo data: the permission
 * matrix and the first administrator need them on every database, demo or not.
 */
const ROLES = [
  ['administrator', '系统管理员', '管理用户、角色与权限，可访问全部数据'],
  ['sales_manager', '销售经理', '管理本分公司的客户、商机、合同与订单'],
  ['sales_rep', '销售代表', '维护自己的客户、联系人、商机与订单'],
  ['service_agent', '客服专员', '受理并处理服务工单与客户反馈'],
  ['warehouse_clerk', '仓库管理员', '收货、发货、库存调整与调拨'],
  ['marketing', '市场专员', '策划营销活动、目标客户与邮件'],
  ['readonly_manager', '只读管理者', '查看报表与全部数据，不可修改'],
] as const;

export const up: MigrationFn = async ({ context: sequelize }) => {
  for (const [code, name, description] of ROLES) {
    await sequelize.query('INSERT INTO roles (code, name, description) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', {
      bind: [code, name, description],
    });
  }
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DELETE FROM roles WHERE code = ANY($1)', { bind: [ROLES.map(([code]) => code)] });
};
