import type { AreaMessages } from './area-messages.js';

/**
 * Credit control (信用管理): the credit check of an order's confirmation, credit approvals, payments
 * against orders, receivables aging and the watch list; and the unified social credit code
 * (统一社会信用代码) check of customers and imports. Amounts arrive formatted (¥1,234,567.00).
 */
export const creditMessages: AreaMessages = {
  'zh-CN': {
    moneyRequired: '请填写金额',
    moneyInvalid: '「{{value}}」不是有效金额: 请填写数字, 最多两位小数',
    moneyNotPositive: '金额必须大于 0',
    moneyZero: '调整金额不能为 0: 上调填正数, 下调填负数',
    dayInvalid: '「{{value}}」不是有效日期 (格式 YYYY-MM-DD)',

    // 统一社会信用代码 (src/domain/customers/credit-code.ts)
    creditCodeHint: '18 位, 末位为校验码 (GB 32100-2015); 不能与其他客户重复',
    creditCodeLength: '统一社会信用代码应为 18 位, 现为 {{length}} 位',
    creditCodeCharacter: '统一社会信用代码第 {{position}} 位「{{character}}」不是有效字符 (只用数字和除 I、O、S、V、Z 以外的大写字母)',
    creditCodeDigitExpected: '统一社会信用代码第 {{position}} 位「{{character}}」应为数字 (第 3–8 位是行政区划码)',
    creditCodeCheckCharacter: '统一社会信用代码第 18 位校验码「{{character}}」与前 17 位不符: 请对照营业执照逐位核对',
    creditCodeTaken: '该统一社会信用代码已属于客户 {{customer}} ({{branch}}, 客户经理 {{owner}}), 不能重复建档',
    importCreditCodeLength: '「{{column}}」的值「{{value}}」应为 18 位, 现为 {{length}} 位',
    importCreditCodeCharacter: '「{{column}}」的值「{{value}}」第 {{position}} 位「{{character}}」不是有效字符',
    importCreditCodeDigitExpected: '「{{column}}」的值「{{value}}」第 {{position}} 位「{{character}}」应为数字',
    importCreditCodeCheckCharacter: '「{{column}}」的值「{{value}}」第 18 位校验码「{{character}}」与前 17 位不符',

    // Credit check and approvals
    creditLimitExceeded:
      '订单 {{order}} 超出客户 {{customer}} 的信用额度 {{limit}}: 应收账款 {{receivables}}, 已确认未付款 {{confirmedUnpaid}}, 本单未付 {{amount}}, 超出 {{excess}}。订单未确认; 请先收款, 或提交信用审批',
    creditApprovalPending: '订单 {{order}} 超出信用额度, 信用审批 {{request}} 正在等待经理审批',
    creditWithinLimit: '订单 {{order}} 未超出信用额度, 无需审批, 可以直接确认',
    creditApprovalNeedsDraft: '只有草稿订单可以申请信用审批; 订单 {{order}} 已不是草稿',
    creditApprovalNotFound: '信用审批 {{id}} 不存在',
    creditApprovalDecided: '信用审批 {{request}} 已经处理过',
    creditApprovalOwnRequest: '信用审批 {{request}} 是您本人提交的, 须由其他经理审批',
    requestCreditApprovalPrompt: '订单 {{order_no}} 超出客户信用额度。请说明理由, 提交经理审批; 批准后订单即被确认。',
    requestCreditApprovalButton: '提交审批',
    fieldRequestReason: '申请理由',
    creditApprovalRequested: '已提交信用审批 {{request}} (超出额度 {{excess}}), 等待经理审批',
    approveCreditPrompt: '批准信用审批 {{request_no}}: 订单将超出客户信用额度 {{excess}} 元确认, 批准后订单即被确认。请填写批准理由。',
    approveCreditButton: '批准并确认订单',
    rejectCreditPrompt: '拒绝信用审批 {{request_no}}: 订单保持草稿, 不能确认。请填写拒绝理由。',
    rejectCreditButton: '拒绝',
    fieldDecisionReason: '审批意见',
    creditApprovedOrderConfirmed: '已批准信用审批 {{request}}, 订单 {{order}} 已确认',
    creditApprovedOrderNotConfirmed: '已批准信用审批 {{request}}, 但订单 {{order}} 暂未确认: {{reason}}',
    creditRejected: '已拒绝信用审批 {{request}}, 订单保持草稿',

    // Payments
    recordPaymentPrompt: '登记订单 {{order_no}} 的收款 (订单总额按含税金额)。可以分次收款, 累计不能超过订单总额。',
    recordPaymentButton: '登记收款',
    fieldPaymentAmount: '收款金额 (元)',
    fieldReceivedOn: '到账日期',
    fieldPaymentMethod: '收款方式',
    fieldPaymentReference: '银行流水号 / 票据号',
    paymentMethod_bank_transfer: '银行转账',
    paymentMethod_bank_acceptance: '银行承兑汇票',
    paymentMethod_cash: '现金',
    paymentRecorded: '已登记收款 {{payment}}: {{amount}}, 订单 {{order}} 尚欠 {{unpaid}}',
    paymentOnCancelledOrder: '订单 {{order}} 已取消, 不能登记收款',
    paymentExceedsUnpaid: '收款 {{amount}} 超过订单 {{order}} 的未付金额 {{unpaid}}',
    paymentInFuture: '到账日期 {{day}} 还没到',

    // Aging and watch list
    agingSummary: '共 {{rows}} 行, 应收合计 {{total}}, 其中超过 90 天 {{over90}} (按发货日期计算账龄)',
    agingEmpty: '没有未收回的应收账款',
    columnCustomer: '客户',
    columnRepresentative: '销售代表',
    columnDays0to30: '0–30 天',
    columnDays31to60: '31–60 天',
    columnDays61to90: '61–90 天',
    columnOver90: '90 天以上',
    columnReceivablesTotal: '应收合计',
    flagOverdue: '逾期',
    creditWatchListSummary: '{{customers}} 家客户的信用占用达到额度的 90% 以上, 其中 {{overLimit}} 家已超额度',
    creditWatchListSummaryHighest: '{{customers}} 家客户的信用占用达到额度的 90% 以上, 其中 {{overLimit}} 家已超额度; 下表列出占用最高的 {{shown}} 家',
    creditWatchListEmpty: '没有客户的信用占用达到额度的 90%',
    columnOwner: '客户经理',
    columnCreditLimit: '信用额度',
    columnReceivables: '应收账款',
    columnConfirmedUnpaid: '已确认未付',
    columnExposure: '信用占用',
    columnCreditUsage: '额度使用率',
    flagOverLimit: '超额度',
  },
  en: {
    moneyRequired: 'Enter an amount',
    moneyInvalid: '"{{value}}" is not an amount: enter a number with at most two decimals',
    moneyNotPositive: 'The amount must be more than 0',
    moneyZero: 'The change cannot be 0: positive to raise, negative to lower',
    dayInvalid: '"{{value}}" is not a date (YYYY-MM-DD)',

    creditCodeHint: '18 characters, the last a check character (GB 32100-2015); no other customer may have it',
    creditCodeLength: 'A unified social credit code has 18 characters, this one {{length}}',
    creditCodeCharacter: 'Character {{position}} of the unified social credit code, "{{character}}", is not allowed (digits and capitals except I, O, S, V, Z)',
    creditCodeDigitExpected: 'Character {{position}} of the unified social credit code, "{{character}}", must be a digit (3–8 are the division code)',
    creditCodeCheckCharacter: 'The check character (18th) of the unified social credit code, "{{character}}", does not match the first 17: compare it with the business licence character by character',
    creditCodeTaken: 'This unified social credit code belongs to customer {{customer}} ({{branch}}, account manager {{owner}}); it cannot be entered twice',
    importCreditCodeLength: '"{{value}}" in "{{column}}" must have 18 characters, not {{length}}',
    importCreditCodeCharacter: 'Character {{position}} of "{{value}}" in "{{column}}", "{{character}}", is not allowed',
    importCreditCodeDigitExpected: 'Character {{position}} of "{{value}}" in "{{column}}", "{{character}}", must be a digit',
    importCreditCodeCheckCharacter: 'The check character (18th) of "{{value}}" in "{{column}}", "{{character}}", does not match the first 17',

    creditLimitExceeded:
      'Order {{order}} exceeds the credit limit {{limit}} of customer {{customer}}: receivables {{receivables}}, confirmed and unpaid {{confirmedUnpaid}}, this order unpaid {{amount}}, over by {{excess}}. The order was not confirmed; collect payment first or ask for credit approval',
    creditApprovalPending: 'Order {{order}} is over the credit limit; credit approval {{request}} is waiting for a manager',
    creditWithinLimit: 'Order {{order}} is within the credit limit: no approval is needed, confirm it directly',
    creditApprovalNeedsDraft: 'Only a draft order can ask for credit approval; order {{order}} is no longer a draft',
    creditApprovalNotFound: 'Credit approval {{id}} does not exist',
    creditApprovalDecided: 'Credit approval {{request}} has already been decided',
    creditApprovalOwnRequest: 'You asked for credit approval {{request}} yourself; another manager must decide it',
    requestCreditApprovalPrompt: "Order {{order_no}} is over the customer's credit limit. Say why it should go through; once a manager approves, the order is confirmed.",
    requestCreditApprovalButton: 'Ask for approval',
    fieldRequestReason: 'Reason',
    creditApprovalRequested: 'Credit approval {{request}} asked for (over the limit by {{excess}}); waiting for a manager',
    approveCreditPrompt: "Approve credit request {{request_no}}: the order is confirmed CNY {{excess}} over the customer's credit limit, at once. Give the reason.",
    approveCreditButton: 'Approve and confirm the order',
    rejectCreditPrompt: 'Reject credit request {{request_no}}: the order stays a draft and cannot be confirmed. Give the reason.',
    rejectCreditButton: 'Reject',
    fieldDecisionReason: 'Decision note',
    creditApprovedOrderConfirmed: 'Credit approval {{request}} granted; order {{order}} is confirmed',
    creditApprovedOrderNotConfirmed: 'Credit approval {{request}} granted, but order {{order}} is not confirmed yet: {{reason}}',
    creditRejected: 'Credit approval {{request}} rejected; the order stays a draft',

    recordPaymentPrompt: 'Record a payment received for order {{order_no}} (its total includes VAT). Payments may come in parts, never more than the total.',
    recordPaymentButton: 'Record payment',
    fieldPaymentAmount: 'Amount received (CNY)',
    fieldReceivedOn: 'Received on',
    fieldPaymentMethod: 'Method',
    fieldPaymentReference: 'Bank reference / bill number',
    paymentMethod_bank_transfer: 'Bank transfer',
    paymentMethod_bank_acceptance: "Banker's acceptance",
    paymentMethod_cash: 'Cash',
    paymentRecorded: 'Payment {{payment}} of {{amount}} recorded; order {{order}} still owes {{unpaid}}',
    paymentOnCancelledOrder: 'Order {{order}} is cancelled: no payment can be recorded against it',
    paymentExceedsUnpaid: 'The payment {{amount}} is more than the {{unpaid}} still unpaid on order {{order}}',
    paymentInFuture: 'The day {{day}} has not come yet',

    agingSummary: '{{rows}} rows, receivables {{total}} in all, {{over90}} of it over 90 days (aged from the shipping day)',
    agingEmpty: 'Nothing is owed on shipped orders',
    columnCustomer: 'Customer',
    columnRepresentative: 'Sales representative',
    columnDays0to30: '0–30 days',
    columnDays31to60: '31–60 days',
    columnDays61to90: '61–90 days',
    columnOver90: 'Over 90 days',
    columnReceivablesTotal: 'Total owed',
    flagOverdue: 'overdue',
    creditWatchListSummary: '{{customers}} customers use 90 % or more of their credit limit; {{overLimit}} of them are over it',
    creditWatchListSummaryHighest: '{{customers}} customers use 90 % or more of their credit limit; {{overLimit}} of them are over it. The {{shown}} highest uses are listed',
    creditWatchListEmpty: 'No customer uses 90 % of its credit limit',
    columnOwner: 'Account manager',
    columnCreditLimit: 'Credit limit',
    columnReceivables: 'Receivables',
    columnConfirmedUnpaid: 'Confirmed, unpaid',
    columnExposure: 'Credit in use',
    columnCreditUsage: 'Limit used',
    flagOverLimit: 'over limit',
  },
};

type Names = Record<string, string>;
const values = (property: string, names: Names): Names => Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

/** The resource texts of payments and credit approvals, and the credit actions of customers and orders. */
export const creditResourceTexts = {
  'zh-CN': {
    payments: {
      labels: { payments: '收款记录', ...values('method', { bank_transfer: '银行转账', bank_acceptance: '银行承兑汇票', cash: '现金' }) },
      properties: {
        payment_no: '收款编号', order_id: '销售订单', customer_id: '客户', amount: '收款金额', received_on: '到账日期', method: '收款方式',
        reference: '银行流水号 / 票据号', recorded_by_id: '登记人', notes: '备注',
      },
      actions: { agingByCustomer: '应收账龄 (按客户)', agingByBranch: '应收账龄 (按分公司)', agingByRepresentative: '应收账龄 (按销售代表)' },
    },
    credit_approvals: {
      labels: { credit_approvals: '信用审批', ...values('status', { pending: '待审批', approved: '已批准', rejected: '已拒绝' }) },
      properties: {
        request_no: '审批编号', order_id: '销售订单', customer_id: '客户', status: '审批状态', credit_limit: '信用额度', receivables: '应收账款',
        confirmed_unpaid: '已确认未付', order_amount: '本单未付金额', excess: '超出额度', request_reason: '申请理由', requested_by_id: '申请人',
        requested_at: '申请时间', decided_by_id: '审批人', decided_at: '审批时间', decision_reason: '审批意见', owner_id: '销售代表', branch_id: '所属机构',
      },
      actions: { approve: '批准', reject: '拒绝' },
    },
  },
  en: {
    payments: {
      labels: { payments: 'Payments', ...values('method', { bank_transfer: 'Bank transfer', bank_acceptance: "Banker's acceptance", cash: 'Cash' }) },
      properties: {
        payment_no: 'Payment no.', order_id: 'Sales order', customer_id: 'Customer', amount: 'Amount', received_on: 'Received on', method: 'Method',
        reference: 'Bank reference / bill no.', recorded_by_id: 'Recorded by', notes: 'Notes',
      },
      actions: { agingByCustomer: 'Receivables aging by customer', agingByBranch: 'Receivables aging by branch', agingByRepresentative: 'Receivables aging by representative' },
    },
    credit_approvals: {
      labels: { credit_approvals: 'Credit approvals', ...values('status', { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' }) },
      properties: {
        request_no: 'Request no.', order_id: 'Sales order', customer_id: 'Customer', status: 'Status', credit_limit: 'Credit limit', receivables: 'Receivables',
        confirmed_unpaid: 'Confirmed, unpaid', order_amount: 'This order unpaid', excess: 'Over the limit by', request_reason: 'Reason asked',
        requested_by_id: 'Asked by', requested_at: 'Asked at', decided_by_id: 'Decided by', decided_at: 'Decided at', decision_reason: 'Decision note',
        owner_id: 'Sales representative', branch_id: 'Branch',
      },
      actions: { approve: 'Approve', reject: 'Reject' },
    },
  },
};

export const creditActionLabels = {
  'zh-CN': {
    customers: { creditWatchList: '信用预警客户' },
    sales_orders: { recordPayment: '登记收款', requestCreditApproval: '申请信用审批' },
    salesOrderLabels: { orderPayments: '收款记录', orderCreditApprovals: '信用审批' },
  },
  en: {
    customers: { creditWatchList: 'Credit watch list' },
    sales_orders: { recordPayment: 'Record payment', requestCreditApproval: 'Ask for credit approval' },
    salesOrderLabels: { orderPayments: 'Payments', orderCreditApprovals: 'Credit approvals' },
  },
};
