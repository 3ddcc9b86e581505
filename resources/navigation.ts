/**
 * The menu mirrors the modules of the specification. Names are label keys, translated in
 * src/i18n/zh-cn.ts and en.ts (客户管理 / Customers …); icons are Feather names.
 */
export const navigation = {
  customers: { name: 'customerManagement', icon: 'Users' },
  sales: { name: 'salesManagement', icon: 'TrendingUp' },
  credit: { name: 'creditManagement', icon: 'CreditCard' },
  pricing: { name: 'pricingManagement', icon: 'Tag' },
  productsAndStock: { name: 'productsAndStock', icon: 'Package' },
  marketing: { name: 'marketingCampaigns', icon: 'Send' },
  service: { name: 'serviceManagement', icon: 'LifeBuoy' },
  gasStations: { name: 'gasStationBusiness', icon: 'Droplet' },
  collaboration: { name: 'teamCollaboration', icon: 'Briefcase' },
  system: { name: 'systemManagement', icon: 'Settings' },
} as const;
