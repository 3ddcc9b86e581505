import type { Transaction } from 'sequelize';
import { Contract, ContractMonthlyPlan } from '../../models/index.js';
import type { DemoContract } from './contracts.js';
import { insertRowIds } from './insert-rows.js';
import { milliToText } from './money.js';
import type { DemoRandom } from './random.js';

/** Tens of tons, as lifting plans are written. */
const STEP = 10_000;

/**
 * The monthly band of every term contract in tons (80 % to 120 % of an even month of its committed
 * quantity) and a plan for each month of its period: the customer's nomination, around the even
 * month and within the band. The orders were generated from the customers' own rhythm, so some
 * months fall short of the minimum, as real ones do.
 */
export async function loadContractPlans(transaction: Transaction, random: DemoRandom, contracts: DemoContract[]): Promise<void> {
  const plans = [];
  for (const contract of contracts.filter((candidate) => candidate.product.unit === 'ton')) {
    const months = monthsOf(contract.startDate, contract.endDate);
    const even = contract.committedMilli / months.length;
    const min = Math.floor((even * 0.8) / STEP) * STEP;
    const max = Math.max(min + STEP, Math.ceil((even * 1.2) / STEP) * STEP);
    await Contract.update({ monthly_min_quantity: milliToText(min), monthly_max_quantity: milliToText(max) }, { where: { id: contract.id }, transaction, hooks: false });
    for (const month of months) {
      const nominated = Math.round((even * random.between(0.85, 1.15)) / STEP) * STEP;
      plans.push({
        contract_id: contract.id, month, min_quantity: milliToText(min), planned_quantity: milliToText(Math.min(max, Math.max(min, nominated))), max_quantity: milliToText(max),
        notes: random.chance(0.1) ? random.pick(['客户 25 日前报送下月提货计划', '装置检修月, 计划下调', '旺季, 客户申请按上限提货']) : null,
      });
    }
  }
  await insertRowIds(ContractMonthlyPlan, plans, transaction);
}

/** The first day of every month from the one of `start` to the one of `end`. */
function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  for (let month = new Date(`${start.slice(0, 7)}-01T00:00:00Z`); month.toISOString().slice(0, 10) <= end; month.setUTCMonth(month.getUTCMonth() + 1)) {
    months.push(month.toISOString().slice(0, 10));
  }
  return months;
}
