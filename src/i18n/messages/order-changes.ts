import type { AreaMessages } from './area-messages.js';

/**
 * Orders saved with their lines (saveDraftOrder) and confirmed orders amended
 * (amendConfirmedOrder): the screen's words and the refusals next to a line's field.
 */
export const orderChangesMessages: AreaMessages = {
  'zh-CN': {
    orderLinesMissing: '请填写订单明细',
    moneyInvalid: '「{{value}}」不是有效金额: 请填写数字, 最多两位小数',
    moneyNegative: '金额不能为负数',
    discountInvalid: '「{{value}}」不是有效折扣: 请填写 0 到 100 之间的数, 最多两位小数',
    orderLineNotOnOrder: '这一行不属于订单 {{order}}',
    customerMergedAway: '客户「{{customer}}」已合并到其他客户, 请选择保留的客户',
    contractOfOtherCustomer: '所选合同不属于该客户',
    orderNotAmendable: '只有已确认、尚未发货的订单可以修改明细; 草稿订单直接编辑, 已发货的订单请走退货或补单',
    amendmentWithoutLines: '修改后订单至少要有一行明细; 不要的订单请取消',
    amendmentChangesNothing: '明细没有任何变化, 订单 {{order}} 未修改',
    amendmentShortOfStock:
      '{{warehouse}}「{{product}}」可用库存不足: 需要再预留 {{more}} {{unit}}, 可用 {{available}} {{unit}}, 缺 {{shortfall}} {{unit}}。订单未修改, 库存未变动',
    orderAmended: '订单 {{order}} 已修改, 现有 {{lines}} 行, 共 {{tons}} 吨; 预留库存已随之调整',
    orderAmendedWithOtherUnits: '订单 {{order}} 已修改, 现有 {{lines}} 行, 共 {{tons}} 吨, 另有 {{otherUnits}}; 预留库存已随之调整',
    amendOrderIntro: '修改已确认订单 {{order_no}} 的明细: 增加的数量会再预留库存, 减少或删除的数量会释放预留。任何一行库存不足, 整单不修改。',
    amendColumnProduct: '产品',
    amendColumnQuantity: '数量',
    amendColumnUnitPrice: '单价 (元)',
    amendColumnDiscount: '折扣 (%)',
    amendRemoveLine: '删除此行',
    amendAddLine: '添加一行',
    amendReason: '修改原因',
    amendLines: '订单行',
    wonAmountNotExact: '预计金额 {{amount}} 无法按数量 {{quantity}} 定出精确到分的单价, 订单未生成; 请调整金额或数量',
  },
  en: {
    orderLinesMissing: 'Enter the order lines',
    moneyInvalid: '"{{value}}" is not an amount: enter a number with at most two decimals',
    moneyNegative: 'An amount cannot be negative',
    discountInvalid: '"{{value}}" is not a discount: enter a number from 0 to 100 with at most two decimals',
    orderLineNotOnOrder: 'This line is not on order {{order}}',
    customerMergedAway: 'Customer "{{customer}}" was merged into another one: choose the customer that was kept',
    contractOfOtherCustomer: 'The contract chosen is not this customer\'s',
    orderNotAmendable: 'Only a confirmed order that has not shipped can be amended; edit a draft directly, and handle a shipped order with a return or a new order',
    amendmentWithoutLines: 'An amended order needs at least one line; cancel an order that is no longer wanted',
    amendmentChangesNothing: 'The lines did not change; order {{order}} is as it was',
    amendmentShortOfStock:
      'Not enough "{{product}}" available in {{warehouse}}: {{more}} {{unit}} more to reserve, {{available}} {{unit}} available, {{shortfall}} {{unit}} short. The order and the stock are unchanged',
    orderAmended: 'Order {{order}} amended: now {{lines}} lines, {{tons}} t in all; its reservation follows',
    orderAmendedWithOtherUnits: 'Order {{order}} amended: now {{lines}} lines, {{tons}} t in all and {{otherUnits}}; its reservation follows',
    amendOrderIntro: 'Amend the lines of confirmed order {{order_no}}: added quantities are reserved, reduced or removed ones released. If any line cannot be covered, nothing changes.',
    amendColumnProduct: 'Product',
    amendColumnQuantity: 'Quantity',
    amendColumnUnitPrice: 'Unit price (yuan)',
    amendColumnDiscount: 'Discount (%)',
    amendRemoveLine: 'Remove',
    amendAddLine: 'Add a line',
    amendReason: 'Reason',
    amendLines: 'Lines',
    wonAmountNotExact: 'No price to the fen makes {{amount}} for a quantity of {{quantity}}; no order was made. Adjust the amount or the quantity',
  },
};
