import type { ResourceWithOptions } from 'adminjs';
import { CoaLine } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, timestamps } from '../shared/presets.js';

/** 质检报告项目: one property of a batch's certificate; whether it passed is PostgreSQL's to say. */
export const createCoaLineResource = (): ResourceWithOptions => ({
  resource: CoaLine,
  options: {
    navigation: navigation.productsAndStock,
    titleProperty: 'property',
    listProperties: ['batch_id', 'property', 'spec_min', 'spec_max', 'measured', 'unit', 'passed'],
    filterProperties: ['batch_id', 'property', 'passed'],
    sort: { sortBy: 'batch_id', direction: 'desc' },
    properties: {
      passed: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions(),
  },
});
