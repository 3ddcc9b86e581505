import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Box, Button, FormGroup, FormMessage, Input, Label, MessageBox, Select, SelectAsync, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, Edit, useNotice, useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { searchChoices, type Choice } from '../../workflow/components/record-choices.js';
import { useUnitNames } from '../../shared/components/unit-names.js';
import { lineAmountFen, sumFen, yuanText } from './order-figures.js';

const api = new ApiClient();

/** What the server's quoteOrderLines answers for a product (src/domain/sales/quote-order-lines.ts). */
interface LineQuote {
  productId: number;
  name: string;
  grade: string | null;
  unit: string;
  unitPrice: string;
  priceList: { code: string; name: string; versionNo: number } | null;
  available: string | null;
}

interface Line {
  key: string;
  id: string | null;
  product: Choice | null;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  /** The rep typed this price (allowed where no price list applies): a new quote leaves it alone. */
  priceTyped: boolean;
}

interface Header {
  customer: Choice | null;
  warehouse: Choice | null;
  contract: Choice | null;
  orderDate: string;
  deliveryDate: string;
  shippingMethod: string;
  notes: string;
}

type Errors = Record<string, { message: string }>;

const SHIPPING_METHODS = ['tank_truck', 'rail', 'ship', 'bagged_truck', 'pickup'];
let nextKey = 0;
const newLine = (): Line => ({ key: `new-${(nextKey += 1)}`, id: null, product: null, quantity: '', unitPrice: '', discountPct: '0', priceTyped: false });

/**
 * 新建 / 编辑 of a sales order in one screen: the header and every line together, each line's price
 * from the price in force for the customer and date (the list price where no price list applies),
 * amounts and the total worked out as the rep types, the free stock of each product in the chosen
 * warehouse. One POST saves it all in one transaction, or nothing and a message next to the field.
 * A confirmed order keeps AdminJS's own form, for the logistics fields its state still lets change.
 */
const OrderEntry: React.FC<ActionProps> = (props) => {
  const { record, action } = props;
  if (action.name === 'edit' && record && record.params.status !== 'draft') return <Edit {...props} />;
  return <OrderForm {...props} />;
};

const OrderForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, tp, tl } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const unitNames = useUnitNames();
  const [header, setHeader] = useState<Header>(() => headerOf(record));
  const [lines, setLines] = useState<Line[] | undefined>(record ? undefined : [newLine()]);
  const [quotes, setQuotes] = useState<Record<string, LineQuote>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [errorOptions, setErrorOptions] = useState<Record<string, unknown>>({});
  const [sending, setSending] = useState(false);
  const t = (key: string, options?: Record<string, unknown>) => tm(key, resource.id, unitNames(options));
  const unitName = (unit: string) => tl(`unit.${unit}`, 'products', { defaultValue: unit });

  useEffect(() => {
    if (!record) return;
    const params = { 'filters.order_id': String(record.id), sortBy: 'id', direction: 'asc', perPage: '500' };
    void api.resourceAction({ resourceId: 'sales_order_items', actionName: 'list', params }).then(({ data }) => setLines((data.records as RecordJSON[]).map(savedLine)));
  }, [record?.id]);

  const productIds = (lines ?? []).map((line) => line.product?.value).filter((id): id is string => Boolean(id));
  const quoteKey = [header.customer?.value, header.warehouse?.value, header.orderDate, [...new Set(productIds)].sort().join(',')].join('|');
  useEffect(() => {
    let current = true;
    void quote(header, productIds).then((answer) => {
      if (!current || !answer) return;
      if (!header.orderDate && !record) setHeader((old) => ({ ...old, orderDate: old.orderDate || answer.today }));
      const byId = Object.fromEntries(answer.lines.map((line) => [String(line.productId), line]));
      setQuotes(byId);
      // A price list's price is the line's price; a list price stays only until the rep types their own.
      setLines((old) => old?.map((line) => {
        const quoted = line.product ? byId[line.product.value] : undefined;
        if (!quoted || (line.priceTyped && !quoted.priceList)) return line;
        return { ...line, unitPrice: quoted.unitPrice, priceTyped: false };
      }));
    });
    return () => {
      current = false;
    };
  }, [quoteKey]);

  if (!lines) return null;
  const setField = <K extends keyof Header>(name: K, value: Header[K]) => setHeader((old) => ({ ...old, [name]: value }));
  const change = (index: number, values: Partial<Line>) => setLines(lines.map((line, at) => (at === index ? { ...line, ...values } : line)));
  const message = (key: string) => (errors[key] ? t(errors[key].message, errorOptions) : null);
  const amounts = lines.map((line) => lineAmountFen(line.quantity, line.unitPrice, line.discountPct));

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const sent = lines.map((line) => ({ id: line.id, productId: line.product?.value ?? '', quantity: line.quantity, unitPrice: line.unitPrice, discountPct: line.discountPct }));
      const data = {
        customer_id: header.customer?.value ?? '',
        warehouse_id: header.warehouse?.value ?? '',
        contract_id: header.contract?.value ?? '',
        order_date: header.orderDate,
        delivery_date: header.deliveryDate,
        shipping_method: header.shippingMethod,
        notes: header.notes,
        lines: JSON.stringify(sent),
      };
      const response = record
        ? await api.recordAction({ resourceId: resource.id, recordId: String(record.id), actionName: action.name, data })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
      const answer = response.data;
      if (answer.notice) addNotice(answer.notice);
      setErrors(answer.record?.errors ?? {});
      setErrorOptions(answer.notice?.options ?? {});
      if (answer.notice?.type !== 'error' && answer.redirectUrl) navigate(`${answer.redirectUrl}?refresh=true`);
    } finally {
      setSending(false);
    }
  };

  const reference = (name: 'customer' | 'warehouse' | 'contract', field: string, resourceId: string, required: boolean) => (
    <FormGroup error={Boolean(errors[field])}>
      <Label htmlFor={field} required={required}>{tp(field, resource.id)}</Label>
      <SelectAsync inputId={field} cacheOptions defaultOptions isClearable={!required} placeholder={t('formChoose')} value={header[name]}
        loadOptions={(query: string) => searchChoices(resourceId, query)} onChange={(choice: Choice | null) => setField(name, choice)} />
      <FormMessage>{message(field)}</FormMessage>
    </FormGroup>
  );
  const day = (name: 'orderDate' | 'deliveryDate', field: string) => (
    <FormGroup error={Boolean(errors[field])}>
      <Label htmlFor={field}>{tp(field, resource.id)}</Label>
      <Input id={field} type="date" width={1} value={header[name]} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField(name, event.target.value)} />
      <FormMessage>{message(field)}</FormMessage>
    </FormGroup>
  );
  const shippingChoices = SHIPPING_METHODS.map((value) => ({ value, label: tl(`shipping_method.${value}`, resource.id) }));

  return (
    <Box as="form" variant="container" onSubmit={send} data-testid="order-entry">
      <MessageBox mb="xl" variant="info" message={record ? t('orderEntryIntroEdit', { order_no: record.params.order_no }) : t('orderEntryIntroNew')} />
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', columnGap: 24 }}>
        {reference('customer', 'customer_id', 'customers', true)}
        {reference('warehouse', 'warehouse_id', 'warehouses', true)}
        {day('orderDate', 'order_date')}
        {day('deliveryDate', 'delivery_date')}
        <FormGroup error={Boolean(errors.shipping_method)}>
          <Label htmlFor="shipping_method">{tp('shipping_method', resource.id)}</Label>
          <Select inputId="shipping_method" isClearable placeholder={t('formChoose')} options={shippingChoices}
            value={shippingChoices.find((choice) => choice.value === header.shippingMethod) ?? null}
            onChange={(choice: Choice | null) => setField('shippingMethod', choice?.value ?? '')} />
          <FormMessage>{message('shipping_method')}</FormMessage>
        </FormGroup>
        {reference('contract', 'contract_id', 'contracts', false)}
      </Box>

      <Text as="h3" fontWeight="bold" fontSize="lg" mt="lg" mb="default">{t('orderEntryLines')}</Text>
      {!header.customer && <MessageBox mb="default" size="sm" variant="warning" message={t('orderEntryChooseCustomer')} />}
      {lines.length === 0 && <Text mb="default">{t('orderEntryNoLines')}</Text>}
      {lines.map((line, index) => {
        const quoted = line.product ? quotes[line.product.value] : undefined;
        const field = (name: string) => `lines.${index}.${name}`;
        const short = quoted?.available != null && line.quantity !== '' && Number(line.quantity) > Number(quoted.available);
        const cell = (name: 'quantity' | 'unitPrice' | 'discountPct', column: string, label: string, suffix?: string) => (
          <FormGroup error={Boolean(errors[field(column)])} mb="sm" style={{ flex: '1 1 110px', minWidth: 0 }}>
            <Label htmlFor={field(column)}>{t(label)}{suffix ? ` (${suffix})` : ''}</Label>
            <Input id={field(column)} inputMode="decimal" width={1} value={line[name]}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { [name]: event.target.value, ...(name === 'unitPrice' ? { priceTyped: true } : {}) })} />
            <FormMessage>{message(field(column))}</FormMessage>
          </FormGroup>
        );
        return (
          <Box key={line.key} data-testid="order-line" mb="default" p="default" style={{ border: '1px solid #dde1e5', borderRadius: 4, display: 'flex', flexWrap: 'wrap', columnGap: 16, alignItems: 'flex-start' }}>
            <FormGroup error={Boolean(errors[field('product_id')])} mb="sm" style={{ flex: '3 1 260px', minWidth: 0 }}>
              <Box flex flexDirection="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Label htmlFor={field('product_id')} required>{t('orderEntryColumnProduct')} {index + 1}</Label>
                <Button type="button" size="sm" variant="text" onClick={() => setLines(lines.filter((_line, at) => at !== index))}>{t('orderEntryRemoveLine')}</Button>
              </Box>
              <SelectAsync inputId={field('product_id')} cacheOptions defaultOptions placeholder={t('formChoose')} value={line.product}
                loadOptions={(query: string) => productChoices(query, (found) => productLabel(found, t, unitName))}
                onChange={(choice: Choice | null) => change(index, { product: choice, priceTyped: false })} />
              {quoted && (
                <Text mt="sm" fontSize="sm" data-testid="line-product-facts">
                  {[quoted.grade ? t('orderEntryGrade', { grade: quoted.grade }) : null, t('orderEntryUnit', { unit: unitName(quoted.unit) }),
                    quoted.priceList ? t('orderEntryPriceFromList', { list: `${quoted.priceList.code} ${quoted.priceList.name}`, version: quoted.priceList.versionNo }) : t('orderEntryListPrice')]
                    .filter(Boolean).join(' · ')}
                </Text>
              )}
              <FormMessage>{message(field('product_id')) ?? message(field('id'))}</FormMessage>
            </FormGroup>
            {cell('quantity', 'quantity', 'orderEntryColumnQuantity', quoted ? unitName(quoted.unit) : undefined)}
            {cell('unitPrice', 'unit_price', 'orderEntryColumnUnitPrice')}
            {cell('discountPct', 'discount_pct', 'orderEntryColumnDiscount')}
            <Box mb="sm" style={{ flex: '1 1 120px' }}>
              <Label>{t('orderEntryColumnAmount')}</Label>
              <Text py="sm" data-testid="line-amount">{amounts[index] === null ? '—' : yuanText(amounts[index])}</Text>
            </Box>
            <Box mb="sm" style={{ flex: '1 1 120px' }}>
              <Label>{t('orderEntryColumnAvailable')}</Label>
              <Text py="sm" data-testid="line-available">
                {quoted?.available != null ? `${quoted.available} ${unitName(quoted.unit)}` : header.warehouse ? '—' : t('orderEntryChooseWarehouse')}
              </Text>
              {short && <Badge size="sm" variant="danger">{t('orderEntryShortOfStock')}</Badge>}
            </Box>
          </Box>
        );
      })}
      {errors.lines && <MessageBox mb="lg" variant="danger" message={t(errors.lines.message, errorOptions)} />}
      <Box flex flexDirection="row" style={{ flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 16 }} mb="xl">
        <Button type="button" variant="outlined" size="sm" onClick={() => setLines([...lines, newLine()])}>{t('orderEntryAddLine')}</Button>
        <Box style={{ textAlign: 'right' }}>
          <Text fontWeight="bold" fontSize="lg" data-testid="order-total">{t('orderEntryTotal')}: ¥{yuanText(sumFen(amounts))}</Text>
          <Text fontSize="sm" color="grey60">{t('orderEntryTotalNote')}</Text>
        </Box>
      </Box>
      <FormGroup error={Boolean(errors.notes)}>
        <Label htmlFor="notes">{tp('notes', resource.id)}</Label>
        <TextArea id="notes" width={1} rows={3} value={header.notes} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setField('notes', event.target.value)} />
        <FormMessage>{message('notes')}</FormMessage>
      </FormGroup>
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16 }}>
        <Button type="submit" variant="contained" disabled={sending}>{t('orderEntrySave')}</Button>
        <Button type="button" variant="text" onClick={() => navigate(-1)}>{t('formBack')}</Button>
      </Box>
    </Box>
  );
};

/** The prices and free stock of the products on the screen, for its customer, warehouse and date. */
async function quote(header: Header, productIds: string[]): Promise<{ today: string; lines: LineQuote[] } | undefined> {
  const params: Record<string, string> = { products: [...new Set(productIds)].join(',') };
  if (header.customer) params.customer_id = header.customer.value;
  if (header.warehouse) params.warehouse_id = header.warehouse.value;
  if (header.orderDate) params.order_date = header.orderDate;
  const { data } = await api.resourceAction({ resourceId: 'sales_orders', actionName: 'quoteOrderLines', params });
  return (data as { quote?: { today: string; lines: LineQuote[] } }).quote;
}

/** The products the search finds, each labelled with its grade and unit so the rep picks the right one. */
async function productChoices(query: string, label: (found: LineQuote) => string): Promise<Choice[]> {
  const found = await searchChoices('products', query);
  if (found.length === 0) return [];
  const { data } = await api.resourceAction({ resourceId: 'sales_orders', actionName: 'quoteOrderLines', params: { products: found.map((choice) => choice.value).join(',') } });
  const facts = new Map(((data as { quote?: { lines: LineQuote[] } }).quote?.lines ?? []).map((line) => [String(line.productId), line]));
  return found.map((choice) => {
    const known = facts.get(choice.value);
    return known ? { value: choice.value, label: label(known) } : choice;
  });
}

function productLabel(found: LineQuote, t: (key: string, options?: Record<string, unknown>) => string, unitName: (unit: string) => string): string {
  return [found.name, found.grade ? t('orderEntryGrade', { grade: found.grade }) : null, unitName(found.unit)].filter(Boolean).join(' · ');
}

function headerOf(record: RecordJSON | undefined): Header {
  const params = record?.params ?? {};
  const chosen = (field: string): Choice | null => {
    const id = params[field] as string | number | null | undefined;
    if (id === null || id === undefined || id === '') return null;
    return { value: String(id), label: record?.populated?.[field]?.title ?? String(id) };
  };
  const text = (field: string) => (params[field] === null || params[field] === undefined ? '' : String(params[field]));
  return {
    customer: chosen('customer_id'),
    warehouse: chosen('warehouse_id'),
    contract: chosen('contract_id'),
    orderDate: text('order_date').slice(0, 10),
    deliveryDate: text('delivery_date').slice(0, 10),
    shippingMethod: text('shipping_method'),
    notes: text('notes'),
  };
}

function savedLine(item: RecordJSON): Line {
  const product = item.populated.product_id;
  return {
    key: String(item.id),
    id: String(item.id),
    product: { value: String(item.params.product_id), label: product?.title ?? String(item.params.product_id) },
    quantity: String(item.params.quantity),
    unitPrice: String(item.params.unit_price),
    discountPct: String(item.params.discount_pct),
    priceTyped: true,
  };
}

export default OrderEntry;
