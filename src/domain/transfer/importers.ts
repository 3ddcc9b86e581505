import { contactImporter } from './contact-import.js';
import { customerImporter } from './customer-import.js';
import type { Importer } from './importer.js';
import { productImporter } from './product-import.js';
import { stockReceiptImporter } from './stock-receipt-import.js';

/** What can be imported, by the resource whose list offers the import and whose 'import' permission it needs. */
export const IMPORTERS: ReadonlyMap<string, Importer> = new Map(
  [customerImporter, contactImporter, productImporter, stockReceiptImporter].map((importer) => [importer.resourceId, importer]),
);
