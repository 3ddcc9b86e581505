import { resourcesZhCN } from '../src/i18n/resources.zh-cn.js';
import { resourcesEn } from '../src/i18n/resources.en.js';

/**
 * The texts of the petroleum charts, in Simplified Chinese (the default) and English. Transport
 * modes are named as the shipment list names them. Kept beside dashboard-labels.ts, for the same
 * reason: the page is bundled for the browser and must not pull the server in.
 */
export interface PetroleumLabels {
  charts: { contractLifting: string; lifetimeValue: string; stations: string; shipmentLosses: string };
  notes: { contractLifting: string; lifetimeValue: string; stations: (days: number) => string; shipmentLosses: string };
  series: {
    planned: string; minimum: string; lifted: string; underLifted: string;
    marginToDate: string; expectedMargin: string; lifetimeValue: string;
    litersBefore: string; litersNow: string; volumeChurn: string;
    withinTolerance: string; beyondTolerance: string; inTransit: string;
  };
  axes: { tons: string; liters: string; percent: string; shipments: string; tenThousandYuan: string };
  tooltips: {
    underMonths: (under: number, months: number) => string;
    behind: string;
    churn: (churned: number, declining: number, before: number, pct: string | null) => string;
    lost: (tons: string) => string;
  };
  transportMode: Record<string, string>;
  marginsHidden: string;
}

const modes = (texts: { labels: Record<string, string> }) =>
  Object.fromEntries(Object.entries(texts.labels).filter(([key]) => key.startsWith('transport_mode.')).map(([key, name]) => [key.slice('transport_mode.'.length), name]));

const zhCN: PetroleumLabels = {
  charts: { contractLifting: '合同执行: 计划与实际提货', lifetimeValue: '客户终身价值前 10 名', stations: '加油站加油量与客户流失', shipmentLosses: '发运途损 (按运输方式)' },
  notes: {
    contractLifting: '红色: 有月份低于最低提货量',
    lifetimeValue: '已实现毛利 + 预期未来毛利',
    stations: (days) => `近 ${days} 天对比之前 ${days} 天`,
    shipmentLosses: '期间内发运的发运单',
  },
  series: {
    planned: '计划提货量', minimum: '最低提货量', lifted: '实际提货量', underLifted: '实际提货量 (欠提)',
    marginToDate: '已实现毛利', expectedMargin: '预期未来毛利', lifetimeValue: '客户终身价值',
    litersBefore: '之前加油量', litersNow: '近期加油量', volumeChurn: '流失油量占比',
    withinTolerance: '损耗在允许范围内', beyondTolerance: '超出允许损耗', inTransit: '在途',
  },
  axes: { tons: '数量 (吨)', liters: '加油量 (升)', percent: '百分比 (%)', shipments: '发运单 (张)', tenThousandYuan: '金额 (万元)' },
  tooltips: {
    underMonths: (under, months) => `${months} 个月中 ${under} 个月欠提`,
    behind: '本月进度落后',
    churn: (churned, declining, before, pct) => `之前 ${before} 家客户: 流失 ${churned} 家, 减量 ${declining} 家${pct === null ? '' : `, 流失率 ${pct}%`}`,
    lost: (tons) => `途损合计 ${tons} 吨`,
  },
  transportMode: modes(resourcesZhCN.shipments),
  marginsHidden: '客户终身价值由毛利计算, 您的角色无权查看',
};

const en: PetroleumLabels = {
  charts: { contractLifting: 'Term contracts: planned against lifted', lifetimeValue: 'Top 10 customers by lifetime value', stations: 'Gas stations: card volume and churn', shipmentLosses: 'Transport losses by mode' },
  notes: {
    contractLifting: 'Red: some months under the minimum',
    lifetimeValue: 'Margin to date + expected margin',
    stations: (days) => `last ${days} days against the ${days} before`,
    shipmentLosses: 'Shipments that left in the period',
  },
  series: {
    planned: 'Planned', minimum: 'Minimum', lifted: 'Lifted', underLifted: 'Lifted (under)',
    marginToDate: 'Margin to date', expectedMargin: 'Expected margin', lifetimeValue: 'Lifetime value',
    litersBefore: 'Litres before', litersNow: 'Litres now', volumeChurn: 'Volume churn',
    withinTolerance: 'Loss within tolerance', beyondTolerance: 'Beyond tolerance', inTransit: 'In transit',
  },
  axes: { tons: 'Quantity (t)', liters: 'Litres', percent: 'Percent', shipments: 'Shipments', tenThousandYuan: 'Amount (10k CNY)' },
  tooltips: {
    underMonths: (under, months) => `${under} of ${months} months under-lifted`,
    behind: 'This month is behind',
    churn: (churned, declining, before, pct) => `${before} customers before: ${churned} churned, ${declining} halved${pct === null ? '' : `, churn ${pct}%`}`,
    lost: (tons) => `${tons} t lost in all`,
  },
  transportMode: modes(resourcesEn.shipments),
  marginsHidden: 'Lifetime value is computed from margins, which your role may not see',
};

export function petroleumLabels(language: string | undefined): PetroleumLabels {
  return language?.toLowerCase().startsWith('en') ? en : zhCN;
}
