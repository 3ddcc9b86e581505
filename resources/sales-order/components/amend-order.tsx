import React, { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Box, Button, FormGroup, FormMessage, Input, Label, MessageBox, SelectAsync, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps, type RecordJSON } from 'adminjs';
import { searchChoices, type Choice } from '../../workflow/components/record-choices.js';

const api = new ApiClient();

interface Line {
  id: string | null;
  product: Choice | null;
  quantity: string;
  unitPrice: string;
  discountPct: string;
}

type Errors = Record<string, { message: string }>;

/**
 * 修改明细 of a confirmed order: its lines as they are, each quantity, price and discount editable,
 * lines added or removed, and why. One POST; the server re-reserves the stock by the differences,
 * or refuses the whole amendment next to the line that cannot be covered.
 */
const AmendOrder: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, ta } = useTranslation();
  const addNotice = useNotice();
  const navigate = useNavigate();
  const [lines, setLines] = useState<Line[]>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [errorOptions, setErrorOptions] = useState<Record<string, unknown>>({});
  const [sending, setSending] = useState(false);
  const t = (key: string, options?: Record<string, unknown>) => tm(key, resource.id, options);

  useEffect(() => {
    if (!record) return;
    const params = { 'filters.order_id': String(record.id), sortBy: 'id', direction: 'asc', perPage: '500' };
    void api.resourceAction({ resourceId: 'sales_order_items', actionName: 'list', params }).then(({ data }) => setLines((data.records as RecordJSON[]).map(lineOf)));
  }, [record?.id]);

  if (!record || !lines) return null;
  const change = (index: number, values: Partial<Line>) => setLines(lines.map((line, at) => (at === index ? { ...line, ...values } : line)));
  const error = (index: number, field: string) => errors[`lines.${index}.${field}`];

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const sent = lines.map((line) => ({ id: line.id, productId: line.product?.value ?? '', quantity: line.quantity, unitPrice: line.unitPrice, discountPct: line.discountPct }));
      const response = await api.recordAction({ resourceId: resource.id, recordId: String(record.id), actionName: action.name, data: { reason, lines: JSON.stringify(sent) } });
      const answer = response.data;
      if (answer.notice) addNotice(answer.notice);
      setErrors(answer.record?.errors ?? {});
      setErrorOptions(answer.notice?.options ?? {});
      if (answer.notice?.type !== 'error' && answer.redirectUrl) navigate(`${answer.redirectUrl}?refresh=true`);
    } finally {
      setSending(false);
    }
  };

  const cell = (index: number, field: 'quantity' | 'unitPrice' | 'discountPct', name: string) => (
    <>
      <Input id={`lines.${index}.${name}`} inputMode="decimal" width={1} value={lines[index][field]} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { [field]: event.target.value })} />
      {error(index, name) && <FormMessage>{t(error(index, name).message, errorOptions)}</FormMessage>}
    </>
  );

  return (
    <Box as="form" variant="container" onSubmit={send}>
      <MessageBox mb="xl" variant="info" message={t('amendOrderIntro', { order_no: record.params.order_no })} />
      <Table mb="lg" data-testid="amend-lines">
        <TableHead>
          <TableRow>
            <TableCell>{t('amendColumnProduct')}</TableCell>
            <TableCell>{t('amendColumnQuantity')}</TableCell>
            <TableCell>{t('amendColumnUnitPrice')}</TableCell>
            <TableCell>{t('amendColumnDiscount')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line, index) => (
            <TableRow key={line.id ?? `new-${index}`}>
              <TableCell style={{ minWidth: 220 }}>
                {line.id ? <Text>{line.product?.label}</Text> : (
                  <SelectAsync inputId={`lines.${index}.product_id`} cacheOptions defaultOptions placeholder={t('formChoose')} value={line.product}
                    loadOptions={(query: string) => searchChoices('products', query)} onChange={(choice: Choice | null) => change(index, { product: choice })} />
                )}
                {error(index, 'product_id') && <FormMessage>{t(error(index, 'product_id').message, errorOptions)}</FormMessage>}
              </TableCell>
              <TableCell>{cell(index, 'quantity', 'quantity')}</TableCell>
              <TableCell>{cell(index, 'unitPrice', 'unit_price')}</TableCell>
              <TableCell>{cell(index, 'discountPct', 'discount_pct')}</TableCell>
              <TableCell>
                <Button type="button" size="sm" variant="text" onClick={() => setLines(lines.filter((_line, at) => at !== index))}>{t('amendRemoveLine')}</Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {errors.lines && <MessageBox mb="lg" variant="danger" message={t(errors.lines.message, errorOptions)} />}
      <Button type="button" variant="outlined" size="sm" mb="xl" onClick={() => setLines([...lines, { id: null, product: null, quantity: '', unitPrice: '', discountPct: '0' }])}>
        {t('amendAddLine')}
      </Button>
      <FormGroup error={Boolean(errors.reason)}>
        <Label htmlFor="reason" required>{t('amendReason')}</Label>
        <TextArea id="reason" width={1} rows={3} value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
        <FormMessage>{errors.reason ? t(errors.reason.message, errorOptions) : null}</FormMessage>
      </FormGroup>
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16 }}>
        <Button type="submit" variant="contained" disabled={sending}>{ta(action.name, resource.id)}</Button>
        <Button type="button" variant="text" onClick={() => navigate(-1)}>{t('formBack')}</Button>
      </Box>
    </Box>
  );
};

function lineOf(item: RecordJSON): Line {
  const product = item.populated.product_id;
  return {
    id: String(item.id),
    product: { value: String(item.params.product_id), label: product?.title ?? String(item.params.product_id) },
    quantity: String(item.params.quantity),
    unitPrice: String(item.params.unit_price),
    discountPct: String(item.params.discount_pct),
  };
}

export default AmendOrder;
