import type { Transaction } from 'sequelize';
import { Branch, Role, Team, User } from '../../models/index.js';
import { hashPassword } from '../../access/authentication/passwords.js';

/** Every demo login shares this password; the README lists the accounts. */
export const DEMO_PASSWORD = 'Petro@2026';

const BRANCHES = [
  { code: 'HQ', name: '石化销售总部', kind: 'headquarters', parent: null, region: '华东', address: '上海市浦东新区世纪大道 88 号', phone: '021-58880000' },
  { code: 'EC', name: '华东分公司', kind: 'branch', parent: 'HQ', region: '华东', address: '江苏省南京市鼓楼区中山北路 1 号', phone: '025-83330000' },
  { code: 'SC', name: '华南分公司', kind: 'branch', parent: 'HQ', region: '华南', address: '广东省广州市天河区珠江新城 6 号', phone: '020-38880000' },
  { code: 'NC', name: '华北代表处', kind: 'office', parent: 'HQ', region: '华北', address: '天津市滨海新区港城大道 9 号', phone: '022-25550000' },
  { code: 'GS-NJ01', name: '南京江北加油站', kind: 'gas_station', parent: 'EC', region: '华东', address: '江苏省南京市浦口区江浦街道 18 号', phone: '025-58100001' },
  { code: 'GS-GZ01', name: '广州黄埔加油站', kind: 'gas_station', parent: 'SC', region: '华南', address: '广东省广州市黄埔区港湾路 27 号', phone: '020-82200001' },
] as const;

const TEAMS = [
  { name: '华东树脂销售组', branch: 'EC' },
  { name: '华东油品销售组', branch: 'EC' },
  { name: '华南化工销售组', branch: 'SC' },
  { name: '华北销售组', branch: 'NC' },
  { name: '客户服务组', branch: 'HQ' },
] as const;

/** The demo accounts, one or more per role, each in the branch and team they would really sit in. */
export const DEMO_USERS = [
  { email: 'admin@petrocrm.cn', phone: '13801760001', name: '王建国', title: '系统管理员', role: 'administrator', branch: 'HQ', team: null },
  { email: 'manager.ec@petrocrm.cn', phone: '13905180012', name: '李明华', title: '华东分公司销售经理', role: 'sales_manager', branch: 'EC', team: '华东树脂销售组' },
  { email: 'manager.sc@petrocrm.cn', phone: '13802290023', name: '陈志强', title: '华南分公司销售经理', role: 'sales_manager', branch: 'SC', team: '华南化工销售组' },
  { email: 'rep.zhang@petrocrm.cn', phone: '13951820034', name: '张伟', title: '销售代表', role: 'sales_rep', branch: 'EC', team: '华东树脂销售组' },
  { email: 'rep.liu@petrocrm.cn', phone: '15805170045', name: '刘洋', title: '销售代表', role: 'sales_rep', branch: 'EC', team: '华东油品销售组' },
  { email: 'rep.huang@petrocrm.cn', phone: '13760890056', name: '黄丽', title: '销售代表', role: 'sales_rep', branch: 'SC', team: '华南化工销售组' },
  { email: 'rep.zhao@petrocrm.cn', phone: '13602010067', name: '赵磊', title: '销售代表', role: 'sales_rep', branch: 'NC', team: '华北销售组' },
  { email: 'rep.sun@petrocrm.cn', phone: '18951650078', name: '孙静', title: '加油站客户经理', role: 'sales_rep', branch: 'GS-NJ01', team: '华东油品销售组' },
  { email: 'service@petrocrm.cn', phone: '13917460089', name: '周敏', title: '客服专员', role: 'service_agent', branch: 'HQ', team: '客户服务组' },
  { email: 'service2@petrocrm.cn', phone: '13918560090', name: '吴芳', title: '客服专员', role: 'service_agent', branch: 'HQ', team: '客户服务组' },
  { email: 'warehouse@petrocrm.cn', phone: '15951870101', name: '郑海', title: '仓库管理员', role: 'warehouse_clerk', branch: 'EC', team: null },
  { email: 'marketing@petrocrm.cn', phone: '13817730112', name: '冯晓雪', title: '市场专员', role: 'marketing', branch: 'HQ', team: null },
  { email: 'viewer@petrocrm.cn', phone: '13901880123', name: '何总', title: '副总经理', role: 'readonly_manager', branch: 'HQ', team: null },
  { email: 'finance@petrocrm.cn', phone: '13916620134', name: '钱芳', title: '财务专员', role: 'finance', branch: 'HQ', team: null },
] as const;

export interface Organisation {
  branchIds: Record<string, number>;
  userIds: Record<string, number>;
}

export async function loadOrganisation(transaction: Transaction): Promise<Organisation> {
  const branchIds: Record<string, number> = {};
  for (const branch of BRANCHES) {
    const created = await Branch.create(
      { code: branch.code, name: branch.name, kind: branch.kind, parent_id: branch.parent ? branchIds[branch.parent] : null, region: branch.region, address: branch.address, phone: branch.phone },
      { transaction },
    );
    branchIds[branch.code] = created.id;
  }
  const teamIds: Record<string, number> = {};
  for (const team of TEAMS) {
    const created = await Team.create({ name: team.name, branch_id: branchIds[team.branch], leader_id: null }, { transaction });
    teamIds[team.name] = created.id;
  }
  const roles = await Role.findAll({ transaction });
  const roleIds = Object.fromEntries(roles.map((role) => [role.code, role.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, number> = {};
  for (const user of DEMO_USERS) {
    const created = await User.create(
      {
        email: user.email, name: user.name, title: user.title, phone: user.phone, password_hash: passwordHash,
        role_id: roleIds[user.role], branch_id: branchIds[user.branch], team_id: user.team ? teamIds[user.team] : null, last_login_at: null,
      },
      { transaction },
    );
    userIds[user.email] = created.id;
  }
  for (const user of DEMO_USERS.filter((candidate) => candidate.role === 'sales_manager')) {
    await Team.update({ leader_id: userIds[user.email] }, { where: { name: user.team }, transaction });
  }
  return { branchIds, userIds };
}
