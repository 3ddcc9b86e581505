/** The menu mirrors the modules of the specification; icons are Feather names. */
export const navigation = {
  customers: { name: '客户管理', icon: 'Users' },
  sales: { name: '销售管理', icon: 'TrendingUp' },
  productsAndStock: { name: '产品与库存', icon: 'Package' },
  marketing: { name: '营销活动', icon: 'Send' },
  service: { name: '服务管理', icon: 'LifeBuoy' },
  collaboration: { name: '团队协作', icon: 'Briefcase' },
  system: { name: '系统管理', icon: 'Settings' },
} as const;
