import React, { useEffect, useState } from 'react';
import { Badge, Box, H4, Link, Loader, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useNotice, useTranslation, type ActionProps } from 'adminjs';
import type { BatchTraceAnswer } from '../batch-trace-action.js';
import { businessDayOf } from '../../../src/clock/business-clock.js';

const api = new ApiClient();
const h = new ViewHelpers();

/** 1,250.5 from '1250.5000': grouped, without NUMERIC's trailing zeros. */
function number(raw: string | null): string {
  if (raw === null) return '';
  const match = /^(-?)(\d+)(?:\.(\d*?))?0*$/.exec(raw);
  if (!match) return raw;
  const [, sign, whole, fraction] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

function specRange(min: string | null, max: string | null): string {
  if (min !== null && max !== null) return `${number(min)} – ${number(max)}`;
  return min !== null ? `≥ ${number(min)}` : `≤ ${number(max)}`;
}

const STATUS_VARIANT = { passed: 'success', failed: 'danger', pending: 'default' } as const;

/**
 * 批次追溯: the batch (product, plant, production date, certificate), its certificate of analysis
 * line by line with each out-of-spec value marked, and every customer it went to with their orders
 * and tons — the customers to warn or recall when a complaint proves the batch bad.
 */
const BatchTrace: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, translateLabel } = useTranslation();
  const addNotice = useNotice();
  const [trace, setTrace] = useState<BatchTraceAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (key: string, options?: Record<string, unknown>) => tm(key, resource.id, options);

  useEffect(() => {
    if (!record) return;
    void api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name }).then((response) => {
      const answer = response.data as { trace?: BatchTraceAnswer; notice?: { message: string; type: 'error' | 'success'; options?: Record<string, unknown> } };
      if (answer.notice) addNotice(answer.notice);
      if (answer.trace) setTrace(answer.trace);
      else setFailed(true);
    });
  }, [resource.id, record?.id, action.name]);

  if (failed) return <Box variant="container"><Text>{t('batchTraceUnavailable')}</Text></Box>;
  if (!trace) return <Loader />;
  const { batch, recipients } = trace;
  if (!batch) return <Box variant="container"><Text>{t('batchNotRecorded')}</Text></Box>;
  const total = recipients.reduce((sum, recipient) => sum + Number(recipient.quantity), 0);

  return (
    <Box>
      <Box variant="container" mb="xl" data-batch-trace={batch.batch_no}>
        <Box flex flexDirection="row" alignItems="center" mb="lg" style={{ gap: 12 }}>
          <H4 mb="0">
            <Link href={h.recordActionUrl({ resourceId: 'batches', recordId: String(batch.batch_id), actionName: 'show' })}>{batch.batch_no}</Link>
            {' '}{batch.product_name}
          </H4>
          <Badge variant={STATUS_VARIANT[batch.quality_status]}>{t(`batchQuality_${batch.quality_status}`)}</Badge>
        </Box>
        <Text mb="lg">
          {t('batchOrigin', {
            plant: batch.plant ?? t('batchUnknown'), produced: batch.production_date ?? t('batchUnknown'),
            certificate: batch.certificate_no ?? t('batchUnknown'), certified: batch.certified_on ?? t('batchUnknown'),
          })}
        </Text>
        {batch.lines.length === 0 ? <Text>{t('certificateMissing')}</Text> : (
          <Table>
            <TableHead>
              <TableRow>
                {['columnProperty', 'columnSpec', 'columnMeasured', 'columnMethod', 'columnVerdict'].map((key) => <TableCell key={key}>{t(key)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {batch.lines.map((line) => (
                <TableRow key={line.property}>
                  <TableCell>{line.property}{line.unit ? ` (${line.unit})` : ''}</TableCell>
                  <TableCell>{specRange(line.spec_min, line.spec_max)}</TableCell>
                  <TableCell>{line.passed ? number(line.measured) : <Badge variant="danger">{number(line.measured)}</Badge>}</TableCell>
                  <TableCell>{line.test_method ?? ''}</TableCell>
                  <TableCell>{line.passed ? t('verdictPass') : <Badge variant="danger">{t('verdictFail')}</Badge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box variant="container">
        <Text mb="lg">{t(recipients.length > 0 ? 'batchTraced' : 'batchNotShipped', { batchNo: batch.batch_no, customers: recipients.length, tons: `${number(total.toFixed(3))} ${translateLabel(`unit.${batch.unit}`, 'products')}` })}</Text>
        {recipients.length > 0 && (
          <Table>
            <TableHead>
              <TableRow>
                {['columnCustomerCode', 'columnCustomerName', 'columnOrders', 'columnQuantityShipped', 'columnLastShipped'].map((key) => <TableCell key={key}>{t(key)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {recipients.map((recipient) => (
                <TableRow key={recipient.customer_id}>
                  <TableCell><Link href={h.recordActionUrl({ resourceId: 'customers', recordId: String(recipient.customer_id), actionName: 'show' })}>{recipient.customer_code}</Link></TableCell>
                  <TableCell>{recipient.customer_name}</TableCell>
                  <TableCell>{recipient.order_nos.join(', ')}</TableCell>
                  <TableCell>{number(recipient.quantity)} {translateLabel(`unit.${batch.unit}`, 'products')}</TableCell>
                  <TableCell>{businessDayOf(new Date(recipient.last_shipped_at))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
};

export default BatchTrace;
