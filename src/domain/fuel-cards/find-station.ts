import type { Transaction } from 'sequelize';
import { Branch } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { requireId } from '../sales/required-input.js';

/** The branch a form names, or a refusal next to its field; fuelling happens only at a gas station. */
export async function findStation(stationId: number | null | undefined, field: string, options: { gasStationOnly: boolean }, transaction: Transaction): Promise<Branch> {
  const branch = await Branch.findByPk(requireId(stationId, field), { transaction });
  if (!branch) throw new BusinessRuleError('stationNotFound', { id: String(stationId) }, field);
  if (options.gasStationOnly && branch.kind !== 'gas_station') throw new BusinessRuleError('fuellingOnlyAtStations', { branch: branch.name }, field);
  return branch;
}
