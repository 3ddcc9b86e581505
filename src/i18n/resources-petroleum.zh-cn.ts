/**
 * The screens of contract lifting, batches and certificates, shipments and fleet fuel cards in
 * Chinese, in the shape of resources.zh-cn.ts (which spreads them in).
 */
type Names = Record<string, string>;
const values = (property: string, names: Names): Names =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

export const petroleumResourcesZhCN = {
  contract_monthly_plans: {
    labels: { contract_monthly_plans: '月度提货计划' },
    properties: { contract_id: '合同', month: '月份', min_quantity: '最低提货量', planned_quantity: '计划提货量', max_quantity: '最高提货量', notes: '备注' },
  },
  shipments: {
    labels: {
      shipments: '发运单',
      ...values('transport_mode', { tank_truck: '汽车槽车', rail_tank_car: '铁路罐车', ship: '船运', bagged_truck: '袋装货车' }),
      ...values('status', { in_transit: '在途', received: '已到货' }),
      ...values('loss_within_tolerance', { true: '允许范围内', false: '超出允许损耗', null: '未到货' }),
    },
    properties: {
      shipment_no: '发运单号', order_id: '销售订单', product_id: '产品', batch_id: '批次', warehouse_id: '发货仓库', stock_movement_id: '库存流水',
      transport_mode: '运输方式', vehicle_plate: '车牌号', railcar_no: '车皮号', vessel_name: '船名', seal_no: '铅封号', loaded_quantity: '装车数量',
      received_quantity: '实收数量', tolerance_pct: '允许损耗率 (%)', loss_quantity: '途损数量', loss_within_tolerance: '途损判定', status: '状态',
      shipped_at: '发运时间', received_at: '到货时间', shipped_by_id: '发运经办人', received_by_id: '到货登记人', notes: '备注',
    },
    actions: { recordConveyance: '补录车船信息', recordArrival: '确认到货' },
  },
  batches: {
    labels: {
      batches: '批次', certificateLines: '质检报告 (COA)', batchStock: '批次库存', batchShipments: '发运记录',
      ...values('quality_status', { pending: '待质检', passed: '合格', failed: '不合格' }),
    },
    properties: {
      product_id: '产品', batch_no: '批号', plant: '生产厂', production_date: '生产日期', certificate_no: '质检报告编号', certified_on: '报告日期',
      quality_status: '质检结论', notes: '备注',
    },
    actions: { traceRecipients: '批次追溯' },
  },
  coa_lines: {
    labels: { coa_lines: '质检报告项目', ...values('passed', { true: '合格', false: '不合格', null: '待判定' }) },
    properties: {
      batch_id: '批次', property: '检验项目', unit: '单位', test_method: '检验方法', spec_min: '指标下限', spec_max: '指标上限', measured: '实测值',
      passed: '判定', sort_order: '排序',
    },
  },
  batch_stocks: {
    labels: { batch_stocks: '批次库存' },
    properties: { batch_id: '批次', warehouse_id: '仓库', on_hand: '在库数量' },
  },
  fuel_cards: {
    labels: {
      fuel_cards: '车队加油卡', subCards: '副卡', gradeLimits: '限油品限量', topUps: '充值记录', fuellings: '加油记录',
      ...values('kind', { master: '主卡', sub: '副卡' }),
      ...values('status', { active: '正常', frozen: '冻结', cancelled: '注销' }),
    },
    properties: {
      display_title: '加油卡', card_no: '卡号', customer_id: '客户', kind: '卡类型', master_card_id: '主卡', vehicle_plate: '车牌号', holder_name: '持卡司机',
      balance: '余额', daily_amount_limit: '每日限额 (元)', status: '状态', branch_id: '所属机构', notes: '备注',
    },
    actions: { topUp: '充值', recordFuelling: '加油', freeze: '冻结', unfreeze: '解冻' },
  },
  fuel_card_limits: {
    labels: { fuel_card_limits: '限油品限量' },
    properties: { card_id: '加油卡', product_id: '油品', daily_liters: '每日限量 (升)' },
  },
  fuel_card_top_ups: {
    labels: {
      fuel_card_top_ups: '加油卡充值',
      ...values('payment_method', { bank_transfer: '银行转账', cash: '现金', pos: '刷卡', wechat_pay: '微信支付', alipay: '支付宝' }),
    },
    properties: {
      card_id: '主卡', customer_id: '客户', station_id: '受理网点', amount: '充值金额', payment_method: '付款方式', reference: '凭证号', balance_after: '充值后余额',
      performed_by_id: '经办人', occurred_at: '充值时间',
    },
  },
  fuel_card_transactions: {
    labels: { fuel_card_transactions: '加油记录' },
    properties: {
      card_id: '加油卡', master_card_id: '主卡', customer_id: '客户', station_id: '加油站', product_id: '油品', vehicle_plate: '车牌号', liters: '加油量 (升)',
      unit_price: '单价 (元/升)', amount: '金额', balance_after: '主卡余额', business_day: '营业日', performed_by_id: '经办人', occurred_at: '加油时间',
    },
    actions: { stationChurn: '加油站客户流失' },
  },
};
