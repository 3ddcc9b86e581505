import type { Model } from 'sequelize';

/**
 * Business codes (customer code, SKU, order and ticket numbers) come from PostgreSQL sequences when
 * left blank. A form posts a blank field as '', so the hook drops it and the column default applies.
 */
export function generatedWhenBlank(...attributes: string[]) {
  return (instance: Model): void => {
    for (const attribute of attributes) {
      const value = instance.getDataValue(attribute as never) as unknown;
      if (value === '' || value === null) {
        delete (instance as unknown as { dataValues: Record<string, unknown> }).dataValues[attribute];
        instance.changed(attribute as never, false);
      }
    }
  };
}
