import type { AreaMessages } from './area-messages.js';

/** Rows of an import that are records already: the preview's list, the choice per file, the result. */
export const importDuplicatesMessages: AreaMessages = {
  'zh-CN': {
    importDuplicatesFound: '有 {{count}} 行是系统中已有的客户, 或与文件中前面的行重复。请选择如何处理这些行 (对整个文件生效):',
    importDuplicatesSkip: '跳过这些行, 已有客户保持不变',
    importDuplicatesUpdate: '用文件中填写的内容更新已有客户 (空白单元格不改)',
    importChooseDuplicateMode: '文件中有 {{count}} 行重复, 请先选择跳过还是更新',
    importDuplicateOutOfScope: '该行是客户「{{customer}}」, 不在您负责的范围内, 不能更新; 请选择跳过, 或联系其负责人',
    importDuplicateConflict: '该行同时对应两个已有客户「{{first}}」和「{{second}}」, 请核对编码、统一社会信用代码和名称',
    importDuplicateRow: '行号',
    importDuplicateMatchedBy: '识别依据',
    importDuplicateExisting: '已有客户',
    importDuplicateSameAs: '同第 {{row}} 行',
    importDuplicateNotYours: '(他人负责)',
    duplicateBy_code: '客户编码',
    duplicateBy_credit_code: '统一社会信用代码',
    duplicateBy_name: '同一机构内的客户名称',
    importDoneWithDuplicates: '已新增 {{created}} 个客户, 更新 {{updated}} 个, 跳过 {{skipped}} 行重复',
  },
  en: {
    importDuplicatesFound: '{{count}} rows are customers already, or repeat an earlier row of the file. Choose what to do with them (for the whole file):',
    importDuplicatesSkip: 'Skip these rows and leave the customers as they are',
    importDuplicatesUpdate: 'Update the customers with what the file fills in (blank cells change nothing)',
    importChooseDuplicateMode: '{{count}} rows of the file are duplicates: choose to skip or to update them first',
    importDuplicateOutOfScope: 'This row is customer "{{customer}}", which is not one of yours to update; choose to skip it, or ask its owner',
    importDuplicateConflict: 'This row matches two customers, "{{first}}" and "{{second}}": check its code, credit code and name',
    importDuplicateRow: 'Row',
    importDuplicateMatchedBy: 'Recognised by',
    importDuplicateExisting: 'Existing customer',
    importDuplicateSameAs: 'same as row {{row}}',
    importDuplicateNotYours: '(someone else\'s)',
    duplicateBy_code: 'customer code',
    duplicateBy_credit_code: 'unified social credit code',
    duplicateBy_name: 'name within the branch',
    importDoneWithDuplicates: '{{created}} customers added, {{updated}} updated, {{skipped}} duplicate rows skipped',
  },
};
