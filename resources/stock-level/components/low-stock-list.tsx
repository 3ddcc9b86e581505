import React, { useEffect, useState } from 'react';
import { Badge, Box, Label, Link, Loader, SelectAsync, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import type { LowStockRow } from '../../../src/domain/inventory/list-low-stock.js';

const api = new ApiClient();

interface Choice {
  value: string;
  label: string;
}

/** 低库存预警: every level whose available stock is below the product's safety stock, worst first, per warehouse if chosen. */
const LowStockList: React.FC<ActionProps> = ({ action, resource }) => {
  const { tm, tp } = useTranslation();
  const [warehouse, setWarehouse] = useState<Choice | null>(null);
  const [rows, setRows] = useState<LowStockRow[] | null>(null);

  useEffect(() => {
    setRows(null);
    void api
      .resourceAction({ resourceId: resource.id, actionName: action.name, params: warehouse ? { warehouse_id: warehouse.value } : {} })
      .then((response) => setRows((response.data as { rows: LowStockRow[] }).rows));
  }, [warehouse?.value]);

  const recordsPath = window.location.pathname.replace(/\/actions\/.*$/, '/records');
  return (
    <Box variant="container">
      <Box mb="xl" style={{ maxWidth: 360 }}>
        <Label>{tp('warehouse_id', resource.id)}</Label>
        <SelectAsync
          cacheOptions
          defaultOptions
          isClearable
          placeholder={tm('lowStockAllWarehouses', resource.id)}
          value={warehouse}
          loadOptions={async (query: string) => (await api.searchRecords({ resourceId: 'warehouses', query })).map((found) => ({ value: String(found.id), label: found.title }))}
          onChange={(selected: Choice | null) => setWarehouse(selected)}
        />
      </Box>
      {rows === null ? <Loader /> : rows.length === 0 ? <Text>{tm('lowStockNone', resource.id)}</Text> : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{tp('product_id', resource.id)}</TableCell>
              <TableCell>{tp('warehouse_id', resource.id)}</TableCell>
              <TableCell>{tp('on_hand', resource.id)}</TableCell>
              <TableCell>{tp('reserved', resource.id)}</TableCell>
              <TableCell>{tm('lowStockAvailable', resource.id)}</TableCell>
              <TableCell>{tm('lowStockSafety', resource.id)}</TableCell>
              <TableCell>{tm('lowStockShortfall', resource.id)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.stock_level_id}>
                <TableCell>
                  <Link href={`${recordsPath}/${row.stock_level_id}/show`}>{row.sku} {row.product_name}</Link>
                </TableCell>
                <TableCell>{row.warehouse_name}</TableCell>
                <TableCell>{row.on_hand}</TableCell>
                <TableCell>{row.reserved}</TableCell>
                <TableCell>{row.available}</TableCell>
                <TableCell>{row.safety_stock}</TableCell>
                <TableCell><Badge variant="danger">{row.shortfall}</Badge></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default LowStockList;
