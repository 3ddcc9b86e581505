import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { CreditApproval, SalesOrder, SalesOrderItem } from '../../models/index.js';
import { creditStandingSql } from '../../domain/credit/credit-standing.js';
import { ON_WATCH_LIST } from '../../domain/credit/credit-watch-list.js';
import { pricesInForce } from '../../domain/pricing/price-in-force.js';
import type { DemoClock } from './clock.js';
import { insertRows } from './insert-rows.js';
import type { Organisation } from './organisation.js';

interface OverLimitCustomer {
  id: number;
  owner_id: number;
  branch_id: number;
  in_south: boolean;
  last_order_id: number;
  warehouse_id: number;
}

interface Line {
  product_id: number;
  quantity: string;
  unit_price: string;
}

const REQUESTS = [
  { status: 'pending', reason: '客户为长期合作伙伴，本月回款计划已确认，下旬集中付款，申请临时超额发货', decision: null },
  { status: 'approved', reason: '客户年度框架协议客户，提供银行承兑汇票作担保，申请临时增加额度', decision: '同意。已核实承兑汇票，本单确认后一个月内须回款' },
  { status: 'rejected', reason: '客户旺季备货需求大，申请超额度发货', decision: '不同意。该客户 90 天以上应收未清，先催收再发货' },
] as const;

/**
 * Today's repeat orders of three customers already over their credit limit, priced from the price
 * lists in force, each put before the branch's sales manager: one waiting, one approved (its
 * representative may now confirm it), one rejected. Customers of the two branches with a manager,
 * owned by a representative (who asks; the manager decides).
 */
export async function loadCreditApprovals(sequelize: Sequelize, transaction: Transaction, clock: DemoClock, organisation: Organisation): Promise<void> {
  const customers = await sequelize.query<OverLimitCustomer>(
    `SELECT s.id, s.owner_id, s.branch_id, 'SC' IN (b.code, coalesce(parent.code, '')) AS in_south, last.id AS last_order_id, last.warehouse_id
       FROM ${creditStandingSql()} s
       JOIN branches b ON b.id = s.branch_id LEFT JOIN branches parent ON parent.id = b.parent_id
       JOIN users u ON u.id = s.owner_id JOIN roles r ON r.id = u.role_id AND r.code = 'sales_rep'
       JOIN LATERAL (SELECT o.id, o.warehouse_id FROM sales_orders o WHERE o.customer_id = s.id AND o.status <> 'cancelled'
                      ORDER BY o.order_date DESC, o.id DESC LIMIT 1) last ON true
      WHERE ${ON_WATCH_LIST} AND s.exposure > s.credit_limit AND (b.code IN ('EC', 'SC') OR parent.code IN ('EC', 'SC'))
      ORDER BY s.id
      LIMIT ${REQUESTS.length}`,
    { type: QueryTypes.SELECT, transaction },
  );
  const today = clock.dayFromToday(0);
  const requestedAt = clock.businessMoment(0, 1);
  for (const [index, customer] of customers.entries()) {
    const order = await SalesOrder.create(
      {
        customer_id: customer.id, contract_id: null, opportunity_id: null, warehouse_id: customer.warehouse_id, order_date: today, delivery_date: null,
        shipping_method: null, owner_id: customer.owner_id, branch_id: customer.branch_id, confirmed_at: null, shipped_at: null, delivered_at: null,
        cancelled_at: null, cancel_reason: null, notes: '按上月数量续订', created_at: requestedAt, updated_at: requestedAt,
      },
      { transaction },
    );
    const lines = await sequelize.query<Line>('SELECT product_id, quantity::text AS quantity, unit_price::text AS unit_price FROM sales_order_items WHERE order_id = $1 ORDER BY id', {
      bind: [customer.last_order_id], type: QueryTypes.SELECT, transaction,
    });
    const listed = await pricesInForce(customer.id, today, lines.map((line) => line.product_id), transaction);
    await insertRows(
      SalesOrderItem,
      lines.map((line) => {
        const price = listed.get(line.product_id);
        return { order_id: order.id, product_id: line.product_id, quantity: line.quantity, unit_price: price?.unitPrice ?? line.unit_price, price_list_version_id: price?.versionId ?? null };
      }),
      transaction,
    );
    const [need] = await sequelize.query<{ credit_limit: string; receivables: string; confirmed_unpaid: string; order_amount: string; excess: string }>(
      `SELECT s.credit_limit::text, s.receivables::text, s.confirmed_unpaid::text, o.total_amount::text AS order_amount,
              (s.exposure + o.total_amount - s.credit_limit)::text AS excess
         FROM sales_orders o JOIN ${creditStandingSql('(SELECT * FROM customers WHERE id = $2)')} s ON s.id = o.customer_id WHERE o.id = $1`,
      { bind: [order.id, customer.id], type: QueryTypes.SELECT, transaction },
    );
    const request = REQUESTS[index];
    const decided = request.status !== 'pending';
    await insertRows(
      CreditApproval,
      [{
        order_id: order.id, customer_id: customer.id, status: request.status, ...need, request_reason: request.reason,
        requested_by_id: customer.owner_id, requested_at: requestedAt,
        decided_by_id: decided ? organisation.userIds[customer.in_south ? 'manager.sc@petrocrm.cn' : 'manager.ec@petrocrm.cn'] : null,
        decided_at: decided ? clock.later(requestedAt, 1) : null, decision_reason: request.decision,
        owner_id: customer.owner_id, branch_id: customer.branch_id, created_at: requestedAt, updated_at: requestedAt,
      }],
      transaction,
    );
  }
}
