import type { AreaMessages } from './area-messages.js';

/**
 * Price lists (价格表), their versions and 调价通知: publishing, issuing, the refusals that keep
 * published prices as history, and the price an order line takes. Prices include VAT (含税).
 */
export const pricingMessages: AreaMessages = {
  'zh-CN': {
    linePriceHint: '留空则按订单客户所在大区、渠道和下单日期的价格表取价 (含税); 没有适用价格表时须填写。价格优惠请填折扣',
    linePriceFromList: '本行单价须按价格表 {{list}} 第 {{version}} 版 ({{validFrom}} 起执行): {{price}}。请留空由系统取价; 价格优惠请填折扣',
    linePriceRequired: '订单日期 {{day}} 没有适用于该客户和产品的价格表, 请填写单价',
    vatRateHint: '增值税税率, 0.13 即 13%',
    changePerUnitHint: '每计量单位 (吨) 的调整金额, 含税; 上调填正数, 下调填负数',
    noticeScopeHint: '留空表示全部',

    priceVersionNotFound: '价格版本 {{id}} 不存在',
    priceVersionPublished: '价格表 {{list}} 第 {{version}} 版已发布, 价格不能再改; 调价请发布调价通知或新建版本',
    priceVersionEmpty: '价格表 {{list}} 第 {{version}} 版还没有价格明细, 不能发布',
    priceDayInPast: '价格表 {{list}} 的新价格不能从过去的日期 {{day}} 起执行 (今天是 {{today}})',
    priceDayOutsideList: '{{day}} 不在价格表 {{list}} 的有效期 ({{from}} 至 {{to}}) 内',
    priceDayNotAfterLatest: '价格表 {{list}} 第 {{version}} 版已从 {{latestFrom}} 起执行, 新价格须晚于该日期 (现为 {{day}})',
    publishPriceVersionPrompt: '发布 {{label}}? 发布后价格不能再改; 下单日期在生效日及以后的草稿订单将按新价格重新取价, 已确认的订单不变。',
    publishPriceVersionButton: '发布',
    priceVersionPublishedNotice: '价格表 {{list}} 第 {{version}} 版已发布, {{from}} 起执行; {{orders}} 张草稿订单的 {{lines}} 行已按新价格取价',

    noticeNotFound: '调价通知 {{id}} 不存在',
    noticeIssued: '调价通知 {{notice}} 已发布, 不能再修改',
    noticeInPast: '调价通知 {{notice}} 的生效日期 {{day}} 已过 (今天是 {{today}}), 调价不能追溯',
    noticeHasNoLines: '调价通知 {{notice}} 还没有调价明细',
    noticeReachesNoList: '调价通知 {{notice}} 的范围内在生效日没有有效的价格表',
    noticeChangesNoPrice: '调价通知 {{notice}} 的明细不涉及范围内价格表中的任何产品',
    noticePriceNotPositive: '价格表 {{list}} 中「{{product}}」现价 {{price}}, 调整 {{change}} 后将不大于 0',
    issueNoticePrompt: '发布调价通知 {{notice_no}}? 范围内的每张价格表将生成新版本, 自 {{effective_from}} 起执行; 已确认的订单不受影响, 该日期及以后的草稿订单按新价格重新取价。发布后不能修改。',
    issueNoticeButton: '发布调价通知',
    noticeIssuedNotice: '调价通知 {{notice}} 已发布, {{from}} 起执行: 新版本 {{versions}}; {{orders}} 张草稿订单的 {{lines}} 行已按新价格取价',
    noticeReachedSummary: '调价通知 {{notice}} 涉及 {{customers}} 家客户',
    noticeWouldReachSummary: '调价通知 {{notice}} 发布后将涉及 {{customers}} 家客户',
    noticeReachesNobody: '没有客户受此调价通知影响',
    columnCustomerType: '客户类型',
    columnRegion: '大区',
    columnChannel: '销售渠道',
    columnPriceList: '价格表',
  },
  en: {
    linePriceHint: "Leave blank to take the price list of the customer's region and channel on the order date (VAT included); enter a price only where no list applies. Give price cuts as a discount",
    linePriceFromList: 'The price of this line is that of price list {{list}} version {{version}} (from {{validFrom}}): {{price}}. Leave it blank and it is filled in; give price cuts as a discount',
    linePriceRequired: 'No price list applies to this customer and product on the order date {{day}}: enter a price',
    vatRateHint: 'VAT rate: 0.13 is 13 %',
    changePerUnitHint: 'Change per unit (ton), VAT included: positive to raise, negative to lower',
    noticeScopeHint: 'Blank means all',

    priceVersionNotFound: 'Price list version {{id}} does not exist',
    priceVersionPublished: 'Version {{version}} of price list {{list}} is published and its prices cannot change; issue an adjustment notice or make a new version',
    priceVersionEmpty: 'Version {{version}} of price list {{list}} has no prices yet and cannot be published',
    priceDayInPast: 'New prices of price list {{list}} cannot start on a past day, {{day}} (today is {{today}})',
    priceDayOutsideList: '{{day}} is outside the validity of price list {{list}} ({{from}} to {{to}})',
    priceDayNotAfterLatest: 'Version {{version}} of price list {{list}} applies from {{latestFrom}}; new prices must start after that day (not {{day}})',
    publishPriceVersionPrompt: 'Publish {{label}}? Its prices cannot change afterwards; draft orders dated from its first day on take the new prices, confirmed orders keep theirs.',
    publishPriceVersionButton: 'Publish',
    priceVersionPublishedNotice: 'Version {{version}} of price list {{list}} published, applying from {{from}}; {{lines}} lines of {{orders}} draft orders took the new prices',

    noticeNotFound: 'Price adjustment notice {{id}} does not exist',
    noticeIssued: 'Price adjustment notice {{notice}} is issued and cannot change',
    noticeInPast: 'The effective day {{day}} of notice {{notice}} has passed (today is {{today}}); prices are not changed backwards',
    noticeHasNoLines: 'Price adjustment notice {{notice}} has no changes yet',
    noticeReachesNoList: 'No price list in the scope of notice {{notice}} is valid on its effective day',
    noticeChangesNoPrice: 'The changes of notice {{notice}} concern no product of the price lists in its scope',
    noticePriceNotPositive: 'In price list {{list}}, "{{product}}" costs {{price}}; changed by {{change}} it would not be above 0',
    issueNoticePrompt: 'Issue price adjustment notice {{notice_no}}? Every price list in its scope gets a new version applying from {{effective_from}}; confirmed orders are not affected, draft orders from that day on take the new prices. It cannot change afterwards.',
    issueNoticeButton: 'Issue notice',
    noticeIssuedNotice: 'Notice {{notice}} issued, applying from {{from}}: new versions {{versions}}; {{lines}} lines of {{orders}} draft orders took the new prices',
    noticeReachedSummary: 'Notice {{notice}} reaches {{customers}} customers',
    noticeWouldReachSummary: 'Once issued, notice {{notice}} will reach {{customers}} customers',
    noticeReachesNobody: 'No customer is reached by this notice',
    columnCustomerType: 'Customer type',
    columnRegion: 'Region',
    columnChannel: 'Sales channel',
    columnPriceList: 'Price list',
  },
};

type Names = Record<string, string>;
const values = (property: string, names: Names): Names => Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGIONS_EN: Names = { 华东: 'East China', 华南: 'South China', 华北: 'North China', 华中: 'Central China', 西南: 'Southwest', 西北: 'Northwest', 东北: 'Northeast' };
const region = (language: 'zh-CN' | 'en') => Object.fromEntries(REGIONS.map((name) => [name, language === 'en' ? REGIONS_EN[name] : name]));
const channelZh = { direct: '直销', distributor: '分销', gas_station: '加油站' };
const channelEn = { direct: 'Direct', distributor: 'Distribution', gas_station: 'Gas station' };

/** The resource texts of price lists, versions, prices, notices and their lines. */
export const pricingResourceTexts = {
  'zh-CN': {
    price_lists: {
      labels: { price_lists: '价格表', priceListVersions: '价格版本', ...values('region', region('zh-CN')), ...values('channel', channelZh) },
      properties: { code: '价格表编码', name: '价格表名称', region: '大区', channel: '销售渠道', valid_from: '有效期起', valid_to: '有效期止', notes: '备注' },
    },
    price_list_versions: {
      labels: { price_list_versions: '价格版本', priceListVersionItems: '价格明细', ...values('status', { draft: '草稿', published: '已发布' }) },
      properties: {
        price_list_id: '价格表', version_no: '版本号', valid_from: '执行日期', label: '版本', status: '状态', notice_id: '调价通知', based_on_id: '上一版本',
        published_at: '发布时间', published_by_id: '发布人', notes: '说明',
      },
      actions: { publish: '发布' },
    },
    price_list_items: {
      labels: { price_list_items: '价格明细' },
      properties: {
        version_id: '价格版本', product_id: '产品 (牌号)', unit_price: '含税单价', vat_rate: '增值税税率', price_excl_tax: '不含税单价', vat_amount: '增值税额',
      },
    },
    price_adjustment_notices: {
      labels: {
        price_adjustment_notices: '调价通知', noticeLines: '调价明细', noticeVersions: '生成的价格版本',
        ...values('status', { draft: '草稿', issued: '已发布' }), ...values('region', region('zh-CN')), ...values('channel', channelZh),
      },
      properties: {
        display_title: '调价通知', notice_no: '通知编号', title: '标题', effective_from: '生效日期', region: '适用大区', channel: '适用渠道', reason: '调价原因',
        status: '状态', issued_at: '发布时间', issued_by_id: '发布人',
      },
      actions: { issue: '发布调价通知', reachedCustomers: '涉及客户' },
    },
    price_adjustment_lines: {
      labels: { price_adjustment_lines: '调价明细' },
      properties: { notice_id: '调价通知', category_id: '产品分类', product_id: '产品 (牌号)', change_per_unit: '调整金额 (元/单位)' },
    },
  },
  en: {
    price_lists: {
      labels: { price_lists: 'Price lists', priceListVersions: 'Versions', ...values('region', region('en')), ...values('channel', channelEn) },
      properties: { code: 'Code', name: 'Name', region: 'Region', channel: 'Sales channel', valid_from: 'Valid from', valid_to: 'Valid to', notes: 'Notes' },
    },
    price_list_versions: {
      labels: { price_list_versions: 'Price list versions', priceListVersionItems: 'Prices', ...values('status', { draft: 'Draft', published: 'Published' }) },
      properties: {
        price_list_id: 'Price list', version_no: 'Version', valid_from: 'Applies from', label: 'Version', status: 'Status', notice_id: 'Adjustment notice',
        based_on_id: 'Previous version', published_at: 'Published at', published_by_id: 'Published by', notes: 'Notes',
      },
      actions: { publish: 'Publish' },
    },
    price_list_items: {
      labels: { price_list_items: 'Prices' },
      properties: {
        version_id: 'Version', product_id: 'Product (grade)', unit_price: 'Price incl. VAT', vat_rate: 'VAT rate', price_excl_tax: 'Price excl. VAT', vat_amount: 'VAT',
      },
    },
    price_adjustment_notices: {
      labels: {
        price_adjustment_notices: 'Price adjustment notices', noticeLines: 'Changes', noticeVersions: 'Versions made',
        ...values('status', { draft: 'Draft', issued: 'Issued' }), ...values('region', region('en')), ...values('channel', channelEn),
      },
      properties: {
        display_title: 'Notice', notice_no: 'Notice no.', title: 'Title', effective_from: 'Effective from', region: 'Region', channel: 'Sales channel', reason: 'Reason',
        status: 'Status', issued_at: 'Issued at', issued_by_id: 'Issued by',
      },
      actions: { issue: 'Issue notice', reachedCustomers: 'Customers reached' },
    },
    price_adjustment_lines: {
      labels: { price_adjustment_lines: 'Price changes' },
      properties: { notice_id: 'Notice', category_id: 'Product category', product_id: 'Product (grade)', change_per_unit: 'Change per unit (CNY)' },
    },
  },
};
