import type { ResourceOptions } from 'adminjs';
import { TOP_UP_PAYMENT_METHODS } from '../../src/models/fuel-card-top-up.model.js';
import { topUpFuelCard } from '../../src/domain/fuel-cards/top-up-fuel-card.js';
import { recordFuelling } from '../../src/domain/fuel-cards/record-fuelling.js';
import { changeFuelCardStatus } from '../../src/domain/fuel-cards/change-fuel-card-status.js';
import { recordWorkflow } from '../workflow/workflow-action.js';

const master = (params: Record<string, unknown>) => params.kind === 'master';
const status = (value: string) => (params: Record<string, unknown>) => params.status === value;

/** A fleet card's counter and pump: top up the master, fuel on any card, freeze and unfreeze. */
export const fuelCardActions: NonNullable<ResourceOptions['actions']> = {
  topUp: recordWorkflow({
    icon: 'PlusCircle',
    intro: 'topUpIntro',
    submit: 'topUpButton',
    fields: [
      { name: 'amount', label: 'fieldTopUpAmount', type: 'quantity', required: true },
      { name: 'station_id', label: 'fieldStation', type: 'reference', resourceId: 'branches', required: true },
      { name: 'payment_method', label: 'fieldPaymentMethod', type: 'select', required: true, options: TOP_UP_PAYMENT_METHODS.map((method) => ({ value: method, label: `paymentMethod_${method}` })) },
      { name: 'reference', label: 'fieldTopUpReference', type: 'text' },
    ],
    isVisible: (params) => master(params) && status('active')(params),
    fieldErrorType: 'businessRule',
    run: async (cardId, { payload, actor }) => {
      const { topUp, card } = await topUpFuelCard(actor, cardId, {
        amount: payload.text('amount'), stationId: payload.id('station_id'), paymentMethod: payload.text('payment_method'), reference: payload.text('reference'),
      });
      return { message: 'fuelCardToppedUp', options: { card: card.card_no, amount: topUp.amount, balance: topUp.balance_after } };
    },
  }),

  recordFuelling: recordWorkflow({
    icon: 'Droplet',
    intro: 'recordFuellingIntro',
    submit: 'recordFuellingButton',
    fields: [
      { name: 'station_id', label: 'fieldStation', type: 'reference', resourceId: 'branches', required: true },
      { name: 'product_id', label: 'fieldFuelGrade', type: 'reference', resourceId: 'products', required: true },
      { name: 'liters', label: 'fieldLiters', type: 'quantity', required: true },
      { name: 'unit_price', label: 'fieldPumpPrice', type: 'quantity', required: true },
    ],
    isVisible: status('active'),
    fieldErrorType: 'businessRule',
    run: async (cardId, { payload, actor }) => {
      const fuelling = await recordFuelling(actor, cardId, {
        stationId: payload.id('station_id'), productId: payload.id('product_id'), liters: payload.text('liters'), unitPrice: payload.text('unit_price'),
      });
      return {
        message: 'fuellingRecorded',
        options: {
          card: fuelling.card.vehicle_plate ?? fuelling.card.card_no, liters: fuelling.transaction.liters, grade: fuelling.product.grade ?? fuelling.product.name,
          amount: fuelling.transaction.amount, balance: fuelling.transaction.balance_after, station: fuelling.station.name,
        },
      };
    },
  }),

  freeze: recordWorkflow({
    icon: 'Lock',
    variant: 'danger',
    intro: 'freezeFuelCardIntro',
    submit: 'freezeFuelCardButton',
    fields: [{ name: 'reason', label: 'fieldReason', type: 'textarea', required: true }],
    isVisible: status('active'),
    fieldErrorType: 'businessRule',
    run: async (cardId, { payload, actor }) => ({ message: 'fuelCardFrozen', options: { card: (await changeFuelCardStatus(actor, cardId, 'freezeFuelCard', payload.text('reason'))).card_no } }),
  }),

  unfreeze: recordWorkflow({
    icon: 'Unlock',
    intro: 'unfreezeFuelCardIntro',
    submit: 'unfreezeFuelCardButton',
    fields: [{ name: 'reason', label: 'fieldReason', type: 'textarea', required: true }],
    isVisible: status('frozen'),
    fieldErrorType: 'businessRule',
    run: async (cardId, { payload, actor }) => ({ message: 'fuelCardUnfrozen', options: { card: (await changeFuelCardStatus(actor, cardId, 'unfreezeFuelCard', payload.text('reason'))).card_no } }),
  }),
};
