import { QueryTypes, type Transaction } from 'sequelize';
import { PriceList } from '../../models/index.js';
import { salesChannelSql } from './sales-channel.js';

/** A product's price for a customer on a day, and where it comes from. */
export interface PriceInForce {
  productId: number;
  priceListId: number;
  priceListCode: string;
  priceListName: string;
  versionId: number;
  versionNo: number;
  /** The version's first day. */
  validFrom: string;
  /** VAT included (含税), per the product's unit. */
  unitPrice: string;
  vatRate: string;
  priceExclTax: string;
  vatAmount: string;
}

/**
 * The prices in force for a customer on a day: from the list of the customer's region and sales
 * channel that is valid that day, the latest version published and begun by then. A product the
 * version does not price has no price in force (it is missing from the map).
 */
export async function pricesInForce(customerId: number, day: string, productIds: number[], transaction?: Transaction): Promise<Map<number, PriceInForce>> {
  if (productIds.length === 0) return new Map();
  const rows = await PriceList.sequelize!.query<PriceInForce>(
    `SELECT i.product_id AS "productId", l.id AS "priceListId", l.code AS "priceListCode", l.name AS "priceListName",
            v.id AS "versionId", v.version_no AS "versionNo", v.valid_from AS "validFrom",
            i.unit_price::text AS "unitPrice", i.vat_rate::text AS "vatRate", i.price_excl_tax::text AS "priceExclTax", i.vat_amount::text AS "vatAmount"
       FROM customers c
       JOIN price_lists l ON l.region = c.region AND l.channel = ${salesChannelSql('c.customer_type')}
                         AND l.valid_from <= $day::date AND (l.valid_to IS NULL OR l.valid_to >= $day::date)
       JOIN LATERAL (SELECT * FROM price_list_versions v
                      WHERE v.price_list_id = l.id AND v.status = 'published' AND v.valid_from <= $day::date
                      ORDER BY v.valid_from DESC LIMIT 1) v ON true
       JOIN price_list_items i ON i.version_id = v.id AND i.product_id = ANY($products::integer[])
      WHERE c.id = $customer`,
    { bind: { customer: customerId, day, products: productIds }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((row) => [row.productId, row]));
}

/** One product's price for a customer on a day (an order line's, with the order's date), or null. */
export async function priceInForce(input: { customerId: number; productId: number; day: string }, transaction?: Transaction): Promise<PriceInForce | null> {
  return (await pricesInForce(input.customerId, input.day, [input.productId], transaction)).get(input.productId) ?? null;
}
