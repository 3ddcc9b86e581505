import { contractLifting } from '../../src/domain/contracts/contract-lifting.js';
import type { ContractLiftingBar } from '../petroleum-data.js';
import { monthEnd } from '../dashboard-filters.js';
import { callerScopeOf } from './dashboard-caller-scope.js';
import type { DashboardQuery } from './dashboard-query.js';

/** A chart stays readable up to this many contracts: the largest plans of the period. */
export const TOP_CONTRACTS = 12;

/**
 * Planned against lifted per term contract over the period's months up to the running one (later
 * months have nothing to compare yet), from the same definition as the contract screens: the
 * contract's shipments of its product in each Beijing month. Contracts kept in tons only.
 */
export async function contractLiftingOf(query: DashboardQuery): Promise<ContractLiftingBar[]> {
  const to = query.filters.to < query.today ? query.filters.to : monthEnd(query.today);
  if (query.filters.from > to) return [];
  const months = await contractLifting({ scope: callerScopeOf(query), from: query.filters.from, to, today: query.today, branchId: query.filters.branchId });
  const bars = new Map<number, ContractLiftingBar & { thousandths: { planned: bigint; minimum: bigint; lifted: bigint } }>();
  for (const month of months.filter((row) => row.unit === 'ton' && row.status !== 'upcoming')) {
    const bar = bars.get(month.contract_id) ?? {
      contractId: month.contract_id, contractNo: month.contract_no, customerName: month.customer_name, planned: '', minimum: '', lifted: '',
      underMonths: 0, behind: false, months: 0, thousandths: { planned: 0n, minimum: 0n, lifted: 0n },
    };
    bar.thousandths.planned += thousandths(month.planned_quantity);
    bar.thousandths.minimum += thousandths(month.min_quantity);
    bar.thousandths.lifted += thousandths(month.lifted_quantity);
    bar.underMonths += month.status === 'under' ? 1 : 0;
    bar.behind ||= month.status === 'behind';
    bar.months += 1;
    bars.set(month.contract_id, bar);
  }
  return [...bars.values()]
    .sort((a, b) => (a.thousandths.planned === b.thousandths.planned ? a.contractId - b.contractId : a.thousandths.planned > b.thousandths.planned ? -1 : 1))
    .slice(0, TOP_CONTRACTS)
    .map(({ thousandths: sums, ...bar }) => ({ ...bar, planned: tons(sums.planned), minimum: tons(sums.minimum), lifted: tons(sums.lifted) }));
}

function thousandths(quantity: string | null): bigint {
  if (quantity === null) return 0n;
  const [whole, fraction = ''] = quantity.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3));
}

function tons(value: bigint): string {
  return `${value / 1000n}.${(value % 1000n).toString().padStart(3, '0')}`;
}
