import type { LocaleTranslations } from 'adminjs';
import { salesActionLabels } from './messages/sales.js';
import { orderEntryActionLabels } from './messages/order-entry.js';
import { tasksActionLabels } from './messages/tasks.js';
import { creditActionLabels, creditResourceTexts } from './messages/credit.js';
import { pricingResourceTexts } from './messages/pricing.js';
import { targetsResourceTexts } from './messages/targets.js';
import { petroleumResourcesEn } from './resources-petroleum.en.js';
import type { ResourceTexts } from './resources.zh-cn.js';

/**
 * Resource names, field labels and enum values in English, keyed by resource id (table name),
 * in the same shape as resources.zh-cn.ts.
 */
type Names = Record<string, string>;
const values = (property: string, names: Names): Names =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

const customerType = { distributor: 'Distributor', manufacturer: 'Manufacturer', trader: 'Trader', fleet: 'Fleet', gas_station: 'Gas station', end_user: 'End user' };
const region = { 华东: 'East China', 华南: 'South China', 华北: 'North China', 华中: 'Central China', 西南: 'Southwest', 西北: 'Northwest', 东北: 'Northeast' };
const grade = { A: 'Grade A', B: 'Grade B', C: 'Grade C' };
const customerStatus = { prospect: 'Prospect', active: 'Active', at_risk: 'At risk', churned: 'Churned' };
const unit = { ton: 't', kg: 'kg', liter: 'L', barrel: 'bbl', drum: 'drums' };
const yesNo = { true: 'Yes', false: 'No' };
const enabled = { true: 'Enabled', false: 'Disabled' };

export const resourcesEn = {
  customers: {
    labels: {
      customers: 'Customers',
      ...values('customer_type', customerType), ...values('region', region), ...values('grade', grade), ...values('status', customerStatus),
      ...values('credit_rating', { AAA: 'AAA', AA: 'AA', A: 'A', B: 'B', C: 'C' }),
      relatedContacts: 'Contacts', recentOrders: 'Recent orders', openOpportunities: 'Open opportunities', relatedTickets: 'Service tickets', activityTimeline: 'Activity timeline',
      customerFuelCards: 'Fleet fuel cards',
    },
    properties: {
      code: 'Customer code', name: 'Name', customer_type: 'Type', industry: 'Industry', region: 'Region', province: 'Province', city: 'City',
      address: 'Address', credit_code: 'Unified social credit code', phone: 'Phone', email: 'E-mail', credit_limit: 'Credit limit', credit_rating: 'Credit rating',
      grade: 'Grade', status: 'Status', recency_score: 'Recency score (R)', frequency_score: 'Frequency score (F)', monetary_score: 'Monetary score (M)',
      revenue_12m: 'Revenue, last 12 months', last_order_on: 'Last order on', analysed_at: 'Analysed at', owner_id: 'Account manager', branch_id: 'Branch',
      merged_into_id: 'Merged into', notes: 'Notes', margin_to_date: 'Margin to date', expected_margin: 'Expected margin',
      lifetime_value: 'Customer lifetime value (CLV)', lifetime_value_at: 'CLV computed at',
    },
    actions: {
      recomputeAnalysis: 'Recompute grades & churn', churnByBranch: 'Churn by branch', mergeDuplicate: 'Merge duplicate', sendEmail: 'Send e-mail',
      lifetimeValueByStation: 'Lifetime value by branch', ...creditActionLabels.en.customers,
    },
  },
  contacts: {
    labels: { contacts: 'Contacts', ...values('is_primary', yesNo) },
    properties: {
      customer_id: 'Customer', name: 'Name', title: 'Job title', department: 'Department', phone: 'Office phone', mobile: 'Mobile', email: 'E-mail', wechat: 'WeChat',
      is_primary: 'Primary contact', notes: 'Notes',
    },
  },
  activities: {
    labels: {
      activities: 'Activities & tasks',
      ...values('kind', { call: 'Call', visit: 'Visit', email: 'E-mail', meeting: 'Meeting', task: 'Task' }), ...values('done', { true: 'Done', false: 'Open' }),
    },
    properties: {
      kind: 'Type', subject: 'Subject', details: 'Details', customer_id: 'Customer', contact_id: 'Contact', opportunity_id: 'Opportunity', owner_id: 'Recorded by',
      assignee_id: 'Assignee', occurred_at: 'When', due_at: 'Due', done: 'Done', done_at: 'Done at',
    },
    actions: { ...tasksActionLabels.en.activities },
  },
  customer_feedback: {
    labels: {
      customer_feedback: 'Customer feedback',
      ...values('channel', { phone: 'Phone', email: 'E-mail', visit: 'Visit', wechat: 'WeChat', web: 'Website' }),
      ...values('category', { product: 'Product', service: 'Service', delivery: 'Delivery', price: 'Price', other: 'Other' }),
      ...values('status', { open: 'Open', handled: 'Handled' }),
    },
    properties: {
      customer_id: 'Customer', contact_id: 'Contact', ticket_id: 'Ticket', channel: 'Channel', category: 'Category', content: 'Feedback', rating: 'Rating (1–5)',
      status: 'Status', handled_by_id: 'Handled by', received_at: 'Received at',
    },
  },
  product_categories: {
    labels: { product_categories: 'Product categories' },
    properties: { code: 'Code', name: 'Name', parent_id: 'Parent category', sort_order: 'Sort order' },
  },
  products: {
    labels: { products: 'Products', ...values('unit', unit), ...values('active', { true: 'On sale', false: 'Discontinued' }) },
    properties: {
      sku: 'SKU', name: 'Name', category_id: 'Category', grade: 'Grade', specification: 'Specification', unit: 'Unit', list_price: 'List price (per unit)',
      cost_price: 'Cost price', safety_stock: 'Safety stock', active: 'Sales status', description: 'Description',
    },
  },
  warehouses: {
    labels: { warehouses: 'Warehouses', ...values('kind', { plant: 'Plant store', transit: 'Transit warehouse', depot: 'Depot' }), ...values('active', enabled) },
    properties: { code: 'Code', name: 'Name', kind: 'Type', branch_id: 'Branch', manager_id: 'Manager', address: 'Address', active: 'Status' },
  },
  stock_levels: {
    labels: { stock_levels: 'Stock levels' },
    properties: { product_id: 'Product', warehouse_id: 'Warehouse', on_hand: 'On hand', reserved: 'Reserved' },
    actions: { ...salesActionLabels.en.stock_levels },
  },
  stock_movements: {
    labels: {
      stock_movements: 'Stock movements',
      ...values('kind', { receipt: 'Receipt', shipment: 'Shipment', adjustment: 'Adjustment', transfer_out: 'Transfer out', transfer_in: 'Transfer in' }),
    },
    properties: {
      product_id: 'Product', warehouse_id: 'Warehouse', kind: 'Type', quantity: 'Quantity (+ in / − out)', batch_no: 'Batch no.', order_id: 'Sales order',
      counterpart_warehouse_id: 'Other warehouse', reference: 'Document no.', reason: 'Reason', performed_by_id: 'Performed by', occurred_at: 'When', batch_id: 'Batch',
    },
  },
  opportunities: {
    labels: {
      opportunities: 'Opportunities',
      ...values('stage', { lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' }),
    },
    properties: {
      title: 'Title', customer_id: 'Customer', product_id: 'Product', stage: 'Stage', quantity: 'Quantity', amount: 'Expected amount', probability: 'Probability (%)',
      expected_close: 'Expected close', owner_id: 'Owner', branch_id: 'Branch', lost_reason: 'Reason lost', closed_at: 'Closed at', notes: 'Notes',
    },
    actions: { ...salesActionLabels.en.opportunities },
  },
  opportunity_stage_probabilities: {
    labels: {
      opportunity_stage_probabilities: 'Stage probabilities',
      ...values('stage', { lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' }),
    },
    properties: { stage: 'Stage', probability: 'Probability (%)', position: 'Order' },
  },
  contracts: {
    labels: {
      contracts: 'Contracts', ...values('unit', unit), monthlyPlans: 'Monthly lifting plans', contractOrders: 'Orders under the contract',
      ...values('status', { draft: 'Draft', active: 'Active', completed: 'Completed', terminated: 'Terminated' }),
    },
    properties: {
      display_title: 'Contract', contract_no: 'Contract no.', title: 'Title', customer_id: 'Customer', product_id: 'Product', start_date: 'Start date', end_date: 'End date',
      committed_quantity: 'Committed quantity', unit: 'Unit', amount: 'Amount', status: 'Status', signed_on: 'Signed on', owner_id: 'Owner',
      branch_id: 'Branch', notes: 'Notes', monthly_min_quantity: 'Monthly minimum', monthly_max_quantity: 'Monthly maximum',
    },
    actions: { generateMonthlyPlans: 'Generate monthly plans', liftingProgress: 'Planned vs lifted', liftingOverview: 'Contract lifting (planned vs lifted)' },
  },
  sales_orders: {
    labels: {
      sales_orders: 'Sales orders', orderLines: 'Order lines', ...creditActionLabels.en.salesOrderLabels, orderShipments: 'Shipments',
      ...values('status', { draft: 'Draft', confirmed: 'Confirmed', shipped: 'Shipped', delivered: 'Delivered', closed: 'Closed', cancelled: 'Cancelled' }),
      ...values('shipping_method', { tank_truck: 'Tank truck', rail: 'Rail', ship: 'Ship', bagged_truck: 'Bagged, by truck', pickup: 'Customer pickup' }),
    },
    properties: {
      order_no: 'Order no.', customer_id: 'Customer', contract_id: 'Contract', opportunity_id: 'Opportunity', warehouse_id: 'Ship from', status: 'Status',
      order_date: 'Order date', delivery_date: 'Delivery date', shipping_method: 'Shipping method', total_amount: 'Total', owner_id: 'Sales rep', branch_id: 'Branch',
      confirmed_at: 'Confirmed at', shipped_at: 'Shipped at', delivered_at: 'Delivered at', cancelled_at: 'Cancelled at', cancel_reason: 'Reason cancelled', notes: 'Notes',
    },
    actions: { ...salesActionLabels.en.sales_orders, ...creditActionLabels.en.sales_orders, ...orderEntryActionLabels.en.sales_orders, amend: 'Amend lines' },
  },
  sales_order_items: {
    labels: { sales_order_items: 'Order lines' },
    properties: {
      order_id: 'Sales order', product_id: 'Product', quantity: 'Quantity', unit_price: 'Unit price (incl. VAT)', discount_pct: 'Discount (%)', amount: 'Amount',
      price_list_version_id: 'Priced from',
    },
  },
  campaigns: {
    labels: {
      campaigns: 'Campaigns',
      ...values('kind', { discount: 'Discount', promotion: 'Promotion', email: 'E-mail', sms: 'SMS', event: 'Event' }),
      ...values('status', { planned: 'Planned', active: 'Active', completed: 'Completed', cancelled: 'Cancelled' }),
      ...values('target_grade', grade), ...values('target_customer_type', customerType), ...values('target_region', region),
      ...values('target_status', customerStatus),
    },
    properties: {
      name: 'Name', kind: 'Type', status: 'Status', start_date: 'Start date', end_date: 'End date', budget: 'Budget', target_grade: 'Target grade',
      target_customer_type: 'Target customer type', target_region: 'Target region', target_status: 'Target customer status', email_template_id: 'E-mail template',
      owner_id: 'Owner', launched_at: 'Launched at', description: 'Description',
    },
    actions: { buildTargets: 'Build target list', launch: 'Launch' },
  },
  campaign_members: {
    labels: { campaign_members: 'Campaign members', ...values('status', { targeted: 'Targeted', queued: 'E-mail queued', sent: 'Sent', failed: 'E-mail failed', responded: 'Responded', converted: 'Converted' }) },
    properties: {
      campaign_id: 'Campaign', customer_id: 'Customer', contact_id: 'Contact', status: 'Response', responded_at: 'Responded at', converted_at: 'Converted at',
      order_id: 'Resulting order', notes: 'Notes',
    },
    actions: { recordResponse: 'Record response', recordConversion: 'Record conversion' },
  },
  email_templates: {
    labels: { email_templates: 'E-mail templates', ...values('active', enabled) },
    properties: { code: 'Code', name: 'Name', subject: 'Subject', body: 'Body', active: 'Status' },
  },
  email_messages: {
    labels: { email_messages: 'Outbox', ...values('status', { queued: 'Queued', sent: 'Sent', failed: 'Failed' }) },
    properties: {
      campaign_id: 'Campaign', customer_id: 'Customer', contact_id: 'Contact', template_id: 'Template', to_address: 'To', subject: 'Subject', body: 'Body',
      status: 'Status', attempts: 'Attempts', last_error: 'Failure reason', next_attempt_at: 'Next attempt at', sent_at: 'Sent at',
    },
    actions: { sendNow: 'Send now', retry: 'Retry' },
  },
  tickets: {
    labels: {
      tickets: 'Service tickets',
      ...values('kind', { consultation: 'Consultation', complaint: 'Complaint', quality_complaint: 'Quality complaint', after_sales: 'After-sales', repair: 'Repair' }),
      ...values('priority', { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' }),
      ...values('status', { new: 'New', assigned: 'Assigned', in_progress: 'In progress', escalated: 'Escalated', resolved: 'Resolved', closed: 'Closed' }),
      ...values('escalated_to', { production_plant: 'Production plant', research_institute: 'Research institute' }),
    },
    properties: {
      display_title: 'Ticket', ticket_no: 'Ticket no.', subject: 'Subject', kind: 'Type', priority: 'Priority', status: 'Status', customer_id: 'Customer',
      contact_id: 'Contact', order_id: 'Order', product_id: 'Product', batch_no: 'Batch no.', description: 'Description', assignee_id: 'Assignee',
      branch_id: 'Branch', escalated_to: 'Escalated to', escalation_note: 'Escalation note', sla_due_at: 'SLA due', resolution: 'Resolution',
      resolved_at: 'Resolved at', closed_at: 'Closed at', satisfaction: 'Satisfaction (1–5)', feedback: 'Customer feedback',
    },
    actions: { assign: 'Assign', start: 'Start', escalate: 'Escalate', resolve: 'Resolve', close: 'Close', reopen: 'Reopen', traceBatch: 'Trace batch', overdue: 'Overdue tickets' },
  },
  branches: {
    labels: { branches: 'Branches & outlets', ...values('kind', { headquarters: 'Headquarters', branch: 'Branch', office: 'Representative office', gas_station: 'Gas station' }) },
    properties: { code: 'Code', name: 'Name', kind: 'Type', parent_id: 'Parent', region: 'Region', address: 'Address', phone: 'Phone' },
  },
  teams: {
    labels: { teams: 'Teams' },
    properties: { name: 'Name', branch_id: 'Branch', leader_id: 'Team leader' },
  },
  users: {
    labels: { users: 'Staff', ...values('active', { true: 'Active', false: 'Deactivated' }), ...values('locale', { 'zh-CN': '简体中文', en: 'English' }) },
    properties: {
      email: 'E-mail', name: 'Name', phone: 'Phone', title: 'Job title', password: 'Password', password_hash: 'Password', role_id: 'Role', team_id: 'Team',
      branch_id: 'Branch', active: 'Account', locale: 'Language', password_changed_at: 'Password changed at', last_login_at: 'Last login',
    },
    actions: { unlockLogin: 'Unlock login', deactivate: 'Deactivate', activate: 'Activate', changeOwnPassword: 'Change my password' },
  },
  roles: {
    labels: { roles: 'Roles' },
    properties: { code: 'Code', name: 'Name', description: 'Responsibilities' },
    actions: { editPermissions: 'Permissions' },
  },
  audit_logs: {
    labels: { audit_logs: 'Audit log', auditField: 'Field', auditBefore: 'Before', auditAfter: 'After', auditDetails: 'Parameters' },
    properties: {
      occurred_at: 'When', user_id: 'User', user_email: 'User e-mail', action: 'Action', resource: 'Resource', record_id: 'Record', changes: 'Changes',
    },
  },
  ...creditResourceTexts.en,
  ...pricingResourceTexts.en,
  ...targetsResourceTexts.en,
  ...petroleumResourcesEn,
} satisfies Record<string, ResourceTexts> & NonNullable<LocaleTranslations['resources']>;
