import type { AreaMessages } from './area-messages.js';

/** The panel's frame: the list's search box, where a dashboard click came from, cards on a phone. */
export const layoutMessages: AreaMessages = {
  'zh-CN': {
    listSearchPlaceholder: '搜索名称、编号、电话…',
    listSearchLabel: '搜索',
    listSearchClear: '清空搜索',
    drillDownFrom: '来自统计分析「{{chart}}」',
    drillDownListed: '本列表共 {{count}} 条',
    drillDownBack: '返回统计分析',
    cardOpen: '查看',
  },
  en: {
    listSearchPlaceholder: 'Search name, code, phone…',
    listSearchLabel: 'Search',
    listSearchClear: 'Clear search',
    drillDownFrom: 'From the statistics chart "{{chart}}"',
    drillDownListed: 'this list has {{count}} rows',
    drillDownBack: 'Back to statistics',
    cardOpen: 'Open',
  },
};
