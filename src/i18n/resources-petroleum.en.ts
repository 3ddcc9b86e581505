/** The screens of petroleum-specific resources in English, in the shape of resources.en.ts. */
type Names = Record<string, string>;
const values = (property: string, names: Names): Names =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${property}.${value}`, name]));

export const petroleumResourcesEn = {
  contract_monthly_plans: {
    labels: { contract_monthly_plans: 'Monthly lifting plans' },
    properties: { contract_id: 'Contract', month: 'Month', min_quantity: 'Minimum', planned_quantity: 'Planned', max_quantity: 'Maximum', notes: 'Notes' },
  },
  shipments: {
    labels: {
      shipments: 'Shipments',
      ...values('transport_mode', { tank_truck: 'Road tank truck', rail_tank_car: 'Rail tank car', ship: 'Ship', bagged_truck: 'Bagged goods truck' }),
      ...values('status', { in_transit: 'In transit', received: 'Received' }),
      ...values('loss_within_tolerance', { true: 'Within tolerance', false: 'Beyond tolerance', null: 'Not received yet' }),
    },
    properties: {
      shipment_no: 'Shipment no.', order_id: 'Sales order', product_id: 'Product', batch_id: 'Batch', warehouse_id: 'Ship from', stock_movement_id: 'Stock movement',
      transport_mode: 'Transport mode', vehicle_plate: 'Plate', railcar_no: 'Rail car no.', vessel_name: 'Vessel', seal_no: 'Seal no.', loaded_quantity: 'Loaded',
      received_quantity: 'Received', tolerance_pct: 'Loss tolerance (%)', loss_quantity: 'Loss', loss_within_tolerance: 'Loss verdict', status: 'Status',
      shipped_at: 'Shipped at', received_at: 'Received at', shipped_by_id: 'Shipped by', received_by_id: 'Received by', notes: 'Notes',
    },
    actions: { recordConveyance: 'Record conveyance', recordArrival: 'Record arrival' },
  },
  batches: {
    labels: {
      batches: 'Batches', certificateLines: 'Certificate of analysis (COA)', batchStock: 'Stock of the batch', batchShipments: 'Shipments',
      ...values('quality_status', { pending: 'Awaiting certificate', passed: 'Passed', failed: 'Failed' }),
    },
    properties: {
      product_id: 'Product', batch_no: 'Batch no.', plant: 'Plant', production_date: 'Produced on', certificate_no: 'Certificate no.', certified_on: 'Certified on',
      quality_status: 'Quality', notes: 'Notes',
    },
    actions: { traceRecipients: 'Trace batch' },
  },
  coa_lines: {
    labels: { coa_lines: 'Certificate lines', ...values('passed', { true: 'Pass', false: 'Fail', null: 'Pending' }) },
    properties: {
      batch_id: 'Batch', property: 'Property', unit: 'Unit', test_method: 'Test method', spec_min: 'Spec min', spec_max: 'Spec max', measured: 'Measured',
      passed: 'Verdict', sort_order: 'Order',
    },
  },
  batch_stocks: {
    labels: { batch_stocks: 'Stock per batch' },
    properties: { batch_id: 'Batch', warehouse_id: 'Warehouse', on_hand: 'On hand' },
  },
  fuel_cards: {
    labels: {
      fuel_cards: 'Fleet fuel cards', subCards: 'Sub-cards', gradeLimits: 'Grade limits', topUps: 'Top-ups', fuellings: 'Fuellings',
      ...values('kind', { master: 'Master card', sub: 'Sub-card' }),
      ...values('status', { active: 'Active', frozen: 'Frozen', cancelled: 'Cancelled' }),
    },
    properties: {
      display_title: 'Fuel card', card_no: 'Card no.', customer_id: 'Customer', kind: 'Kind', master_card_id: 'Master card', vehicle_plate: 'Plate', holder_name: 'Driver',
      balance: 'Balance', daily_amount_limit: 'Daily limit (CNY)', status: 'Status', branch_id: 'Branch', notes: 'Notes',
    },
    actions: { topUp: 'Top up', recordFuelling: 'Fuelling', freeze: 'Freeze', unfreeze: 'Unfreeze' },
  },
  fuel_card_limits: {
    labels: { fuel_card_limits: 'Fuel grade limits' },
    properties: { card_id: 'Fuel card', product_id: 'Fuel grade', daily_liters: 'Litres a day' },
  },
  fuel_card_top_ups: {
    labels: {
      fuel_card_top_ups: 'Fuel card top-ups',
      ...values('payment_method', { bank_transfer: 'Bank transfer', cash: 'Cash', pos: 'Card (POS)', wechat_pay: 'WeChat Pay', alipay: 'Alipay' }),
    },
    properties: {
      card_id: 'Master card', customer_id: 'Customer', station_id: 'Station / branch', amount: 'Amount', payment_method: 'Payment', reference: 'Receipt no.',
      balance_after: 'Balance after', performed_by_id: 'Taken by', occurred_at: 'Topped up at',
    },
  },
  fuel_card_transactions: {
    labels: { fuel_card_transactions: 'Fuellings' },
    properties: {
      card_id: 'Fuel card', master_card_id: 'Master card', customer_id: 'Customer', station_id: 'Gas station', product_id: 'Fuel grade', vehicle_plate: 'Plate',
      liters: 'Litres', unit_price: 'Price (CNY/L)', amount: 'Amount', balance_after: 'Master balance', business_day: 'Business day', performed_by_id: 'Recorded by',
      occurred_at: 'Fuelled at',
    },
    actions: { stationChurn: 'Churn per gas station' },
  },
};
