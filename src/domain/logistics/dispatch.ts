import { TRANSPORT_MODES, type TransportMode } from '../../models/shipment.model.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText } from '../sales/required-input.js';
import { conveyanceColumn } from './transport-modes.js';

/** What the warehouse fills in when goods leave: how, on what, under which seal. */
export interface DispatchInput {
  transportMode?: unknown;
  /** The truck's plate, the rail car's number or the vessel's name, as the mode asks. */
  conveyance?: string | null;
  sealNo?: string | null;
}

export interface Dispatch {
  /** null: as the order said (its shipping method). */
  transportMode: TransportMode | null;
  conveyance: string | null;
  sealNo: string | null;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** 苏A12345, 粤BD12345 (new energy), 鲁Q1234挂 (trailer): as the database's CHECK reads them. */
export const PLATE_PATTERN = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$`);
const RAILCAR_PATTERN = /^[0-9A-Z]{5,12}$/;

/** A plate as typed ("苏a 12345", "苏A·12345") in the form it is registered. */
export function normalisePlate(text: string): string {
  return text.replace(/[\s·.-]/g, '').toUpperCase();
}

export function parseDispatch(input: DispatchInput): Dispatch {
  const modeText = typeof input.transportMode === 'string' ? input.transportMode.trim() : '';
  if (modeText !== '' && !TRANSPORT_MODES.includes(modeText as TransportMode)) throw new BusinessRuleError('fieldInvalid', {}, 'transport_mode');
  const transportMode = modeText === '' ? null : (modeText as TransportMode);
  return { transportMode, conveyance: optionalText(input.conveyance, 'conveyance', 60), sealNo: optionalText(input.sealNo, 'seal_no', 60) };
}

/** The conveyance written into the mode's own column, checked the way the database checks it. */
export function conveyanceColumns(mode: TransportMode, conveyance: string | null): { vehicle_plate: string | null; railcar_no: string | null; vessel_name: string | null } {
  const columns = { vehicle_plate: null as string | null, railcar_no: null as string | null, vessel_name: null as string | null };
  if (conveyance === null) return columns;
  const column = conveyanceColumn(mode);
  if (column === 'vehicle_plate') {
    const plate = normalisePlate(conveyance);
    if (!PLATE_PATTERN.test(plate)) throw new BusinessRuleError('plateInvalid', { value: conveyance }, 'conveyance');
    columns.vehicle_plate = plate;
  } else if (column === 'railcar_no') {
    const car = conveyance.replace(/\s/g, '').toUpperCase();
    if (!RAILCAR_PATTERN.test(car)) throw new BusinessRuleError('railcarInvalid', { value: conveyance }, 'conveyance');
    columns.railcar_no = car;
  } else {
    columns.vessel_name = conveyance;
  }
  return columns;
}
