import type { LocaleTranslations } from 'adminjs';
import { resourcesZhCN, type ResourceTexts } from './resources.zh-cn.js';
import { transferActionLabels } from './messages/transfer.js';

const resourceName = (id: string) => (resourcesZhCN as Record<string, ResourceTexts>)[id].labels[id];
const resourceNames = Object.fromEntries(Object.keys(resourcesZhCN).map((id) => [id, resourceName(id)]));

/** General texts of the panel in Chinese, over AdminJS's own (which leave some English and some awkward wording). */
export const zhCN: LocaleTranslations = {
  actions: { new: '新建', edit: '编辑', show: '查看', delete: '删除', bulkDelete: '批量删除', list: '列表', search: '搜索', ...transferActionLabels['zh-CN'] },
  buttons: {
    save: '保存', addNewItem: '添加一项', filter: '筛选', filterActive: '筛选 ({{count}})', applyChanges: '应用筛选', resetFilter: '清除筛选',
    confirmRemovalMany: '确认删除 {{count}} 条记录', confirmRemovalMany_plural: '确认删除 {{count}} 条记录', logout: '退出登录', login: '登录',
    createFirstRecord: '新建第一条记录', cancel: '取消', confirm: '确认', contactUs: '联系我们',
  },
  labels: {
    ...resourceNames,
    customerManagement: '客户管理', salesManagement: '销售管理', productsAndStock: '产品与库存', marketingCampaigns: '营销活动',
    serviceManagement: '服务管理', gasStationBusiness: '加油站业务', teamCollaboration: '团队协作', systemManagement: '系统管理',
    creditManagement: '信用与收款', pricingManagement: '价格管理',
    // The statistics page has one name everywhere: menu, breadcrumb and its own title.
    dashboard: '统计分析', navigation: '导航', pages: '页面', selectedRecords: '已选择 {{selected}} 条', filters: '筛选条件',
    viewAll: '查看全部', relatedCount: '共 {{count}} 条',
    // A list of more than ten thousand rows shows PostgreSQL's estimate (resources/shared/lean-list.ts).
    approximateTotal: '约 {{total}}',
    selectPlaceholder: '请选择…', selectNoOptions: '无匹配项', selectLoading: '加载中…',
  },
  properties: { id: '编号', created_at: '创建时间', updated_at: '更新时间', length: '数量', from: '从', to: '至' },
  messages: {
    loginWelcome: '石油化工销售客户关系管理系统',
    invalidCredentials: '邮箱或密码不正确',
    tooManyRequests: '登录失败次数过多，请 15 分钟后再试',
    successfullyCreated: '已新建', successfullyUpdated: '已保存', successfullyDeleted: '已删除',
    successfullyBulkDeleted: '已删除 {{count}} 条记录', successfullyBulkDeleted_plural: '已删除 {{count}} 条记录',
    thereWereValidationErrors: '请更正标红的字段后再保存',
    confirmDelete: '确定删除这条记录吗？删除后无法恢复。',
    noRecords: '暂无记录', noRecordsInResource: '暂无记录',
    theseRecordsWillBeRemoved: '以下记录将被删除', theseRecordsWillBeRemoved_plural: '以下记录将被删除',
    pickSomeFirstToRemove: '请先勾选要删除的记录',
    errorFetchingRecords: '读取记录失败：网络中断，或您的角色无权查看', errorFetchingRecord: '无法打开这条记录：它可能已被删除、不在您可查看的范围内，或网络中断',
    // AdminJS's own pages for what is missing or refused, in words rather than ids.
    error404Resource: '找不到这个页面，或您的角色无权使用它。',
    error404Action: '找不到这个页面，或您的角色无权使用它。',
    error404Record: '找不到这条记录：它可能已被删除，或不在您可查看的范围内。',
    pageNotFound_title: '找不到页面', pageNotFound_subtitle: '页面「{{pageName}}」不存在',
    componentNotFound_title: '页面无法显示', componentNotFound_subtitle: '此页面缺少显示组件，请联系系统管理员',
    noActionComponent: '此操作没有可显示的页面，请联系系统管理员',
    forbiddenError: '您的角色无权执行此操作', anyForbiddenError: '您的角色无权执行此操作',
    noRecordsSelected: '尚未选择任何记录', bulkDeleteError: '删除失败，未删除任何记录', seeConsoleForMore: '请联系系统管理员',
    keyPlaceholder: '键', valuePlaceholder: '值', initialKey: '键-{{number}}', keyInUse: '键不能重复',
    keyValuePropertyDefaultDescription: '所有值都按文本保存；键不能重复。',
    // Refusals of the database, next to the field (src/db/crm-resource.ts).
    fieldRequired: '此项为必填项',
    referenceNotFound: '所选记录不存在或已被删除',
    valueTaken: '该值已被使用，请换一个',
    valueOutOfRange: '取值超出允许范围',
    notANumber: '请输入数字',
    notAnInteger: '请输入整数',
    notADate: '请输入实际存在的日期, 如 2026-02-28 (不会自动顺延到下个月)',
    valueTooLong: '内容过长',
    notAChoice: '请从选项中选择',
    notAnEmail: '邮箱格式不正确',
    invalidValue: '取值无效',
    stillReferenced: '该记录仍被其他数据引用，不能删除',
    ...Object.fromEntries(Object.keys(resourcesZhCN).map((id) => [`stillReferencedBy_${id}`, `仍有「${resourceName(id)}」引用此记录，不能删除；可先处理这些数据，或改为停用`])),
    codeGeneratedWhenBlank: '留空则由系统自动编号',
  },
  components: {
    Login: {
      welcomeHeader: '欢迎使用 PetroCRM',
      welcomeMessage: '石油化工销售客户关系管理系统',
      properties: { email: '邮箱', password: '密码' },
      loginButton: '登录',
    },
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
    DropZone: {
      placeholder: '将文件拖到此处，或点击选择文件', acceptedSize: '文件大小上限：{{maxSize}}', acceptedType: '支持的格式：{{mimeTypes}}',
      unsupportedSize: '文件 {{fileName}} 过大', unsupportedType: '文件 {{fileName}} 的格式 {{fileType}} 不受支持',
    },
  },
};
